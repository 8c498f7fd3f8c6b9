#pragma once
// A run's config as a command names it: a preset (or the defaults), a JSON file on top,
// named fields (the CLI's shortcut flags such as --epochs), then `--set field=value`
// assignments, in that order. `ferkd train`, `sweep` and `bench ablation` resolve their
// configs here, so a flag means the same in each and every problem is reported at once.
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/run_config.h"

namespace ferkd {

struct ConfigRequest {
    std::string preset;                                       // empty: the defaults
    std::string file;                                         // a JSON config laid over the preset
    std::vector<std::pair<std::string, nlohmann::json>> fields;  // (field, value) from named flags
    std::vector<std::string> sets;                            // "field=value"
    // Check the rules between fields too. A sweep's or an ablation's base is checked per
    // point, once each point's own values are in.
    bool validate = true;
    // A JSON object laid over the file, before the fields (a server request's config).
    nlohmann::json json;
};

// Throws one ConfigError listing every problem (config_io.h ConfigProblems).
RunConfig resolveConfig(const ConfigRequest& request);

}  // namespace ferkd
