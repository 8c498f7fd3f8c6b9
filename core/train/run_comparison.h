#pragma once
// Comparing runs side by side: the config fields where they differ, and runs that
// differ only in their seed grouped to a mean and a spread. Free of torch headers (the
// studio's comparison table reads it).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/run_config.h"

namespace ferkd {

struct ComparedRun {
    int64_t id = 0;
    std::string name;
    RunConfig config;
    std::optional<double> best_top1, last_top1;  // percent
    std::optional<double> best_val_top1;         // with a validation split
};

struct ConfigRow {
    std::string field;
    std::vector<std::string> values;  // one per run, as JSON text
    bool differs = false;
};

// One row per config field (name and seed included), in the field table's order.
std::vector<ConfigRow> compareConfigs(const std::vector<ComparedRun>& runs);

// Runs whose configs are equal but for name and seed. Groups of one run are kept.
struct SeedGroup {
    std::vector<int64_t> runs;
    std::string label;  // the first run's name without its seed suffix
    int finished = 0;   // runs with a last top-1
    double last_mean = 0, last_std = 0, best_mean = 0, best_std = 0;  // sample std
};
std::vector<SeedGroup> groupBySeed(const std::vector<ComparedRun>& runs);

}  // namespace ferkd
