#pragma once
// A FerKD rule as JSON, for the summaries stored with a label set (its statistics, its
// mining quality) so that each says which rule made its groups.
#include <nlohmann/json.hpp>

#include "config/run_config.h"

namespace ferkd {

nlohmann::json ruleToJson(const FerkdConfig& rule);
// Throws nlohmann::json::exception when a field is missing or of the wrong type.
FerkdConfig ruleFromJson(const nlohmann::json& j);

}  // namespace ferkd
