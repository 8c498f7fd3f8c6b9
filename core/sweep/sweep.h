#pragma once
// A grid of settings trained over seeds, to choose settings on the validation split
// (e.g. FerKD's thresholds). Every point and seed is an ordinary run in the store,
// tagged with the sweep; the summary is the mean and sample standard deviation over
// seeds per point, and the point the validation metric selects. The test split is
// reported beside it, never used to choose. `ferkd sweep` drives it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/run_config.h"
#include "store/experiment_store.h"
#include "util/statistics.h"

namespace ferkd {

// One field and the values it takes: "distill.ferkd.t_low=0.001,0.01,0.05".
struct SweepAxis {
    std::string field;
    std::vector<std::string> values;  // as written; parsed as JSON when applied (as --set does)
};
// Throws ConfigError naming the field (unknown field, a value it refuses, no values).
SweepAxis parseSweepAxis(const std::string& text);

// One point of the grid: a value for every axis.
struct SweepPoint {
    std::vector<std::pair<std::string, std::string>> settings;  // (field, value)
    std::string label() const;  // "t_low=0.01 t_mid=0.1" (the fields' last parts)
};
std::vector<SweepPoint> sweepGrid(const std::vector<SweepAxis>& axes);

// The metrics a sweep may select by: validation only.
struct SweepMetric {
    std::string name, description;
    bool higherIsBetter = true;
};
const std::vector<SweepMetric>& sweepMetrics();
// Throws ConfigError naming `--select` for an unknown name (nearest offered).
const SweepMetric& findSweepMetric(const std::string& name);

std::string sweepTag(const std::string& sweepName);  // "sweep:<name>"
// `base` with the point's settings and the seed, named "<sweep> <point> s<seed>".
RunConfig sweepRunConfig(const RunConfig& base, const SweepPoint& point, uint64_t seed, const std::string& sweepName);
// Whether a stored run trained the same thing as `config`: equal configs but for the
// runtime fields (threads, logging), which change speed, not results.
bool sameTraining(const RunConfig& a, const RunConfig& b);

// One run of the sweep.
struct SweepCell {
    size_t point = 0;
    uint64_t seed = 0;
    int64_t run_id = 0;
    std::string status;
    std::vector<EpochMetric> epochs;
    double seconds = 0;
};
// The metric of a finished run; empty when it has none (no validation split, not finished).
std::optional<double> sweepMetricOf(const SweepCell& cell, const SweepMetric& metric);

struct SweepPointSummary {
    size_t point = 0;
    int runs = 0;  // finished runs with the metric
    MeanStd metric, test_final, test_best_val, seconds;
};
std::vector<SweepPointSummary> summarizeSweep(const std::vector<SweepPoint>& points, const std::vector<SweepCell>& cells,
                                              const SweepMetric& metric);
// The point with the best mean metric; empty when no point has a finished run.
std::optional<size_t> selectedSweepPoint(const std::vector<SweepPointSummary>& summary, const SweepMetric& metric);

std::string sweepCsv(const std::vector<SweepPoint>& points, const std::vector<SweepCell>& cells);
std::string sweepMarkdown(const std::vector<SweepPoint>& points, const std::vector<SweepPointSummary>& summary,
                          const SweepMetric& metric, const std::string& command, const std::string& setting);

}  // namespace ferkd
