#pragma once
// Built-in presets: the paper's recipes and small ones that finish on a laptop CPU.
// Each is a patch over RunConfig's defaults, so `ferkd presets` and the studio can
// show exactly what a preset changes.
#include <string>
#include <vector>

#include "config/run_config.h"

namespace ferkd {

struct PresetInfo {
    std::string name;
    std::string description;
    std::string source;     // "Table 1", "quick start"
    std::string patch_json; // fields that differ from the defaults
};

const std::vector<PresetInfo>& presetRegistry();
const PresetInfo* findPreset(const std::string& name);
std::vector<std::string> presetNames();

// The defaults with the preset applied; throws ConfigError (with the nearest name)
// for an unknown preset.
RunConfig presetConfig(const std::string& name);

}  // namespace ferkd
