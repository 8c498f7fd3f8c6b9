#pragma once
// A table of every RunConfig field: dotted name, type, allowed values, meaning.
// JSON, command-line overrides, validation and UI forms all read this one table.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "config/run_config.h"

namespace ferkd {

enum class FieldType { Int, Float, Bool, String, Choice };

struct ConfigField {
    std::string name;     // "optim.lr"
    FieldType type;
    std::string help;     // what it means
    std::string paper;    // the paper's value, if the paper gives one
    std::optional<double> min, max;  // bounds for numbers, inclusive unless marked
    bool minExclusive = false, maxExclusive = false;
    std::vector<std::string> choices;  // for Choice
    // How the run executes, not what it learns: any value gives the same training (up to
    // float rounding). A sweep's view does not offer such a field as a setting.
    bool execution = false;
    std::function<nlohmann::json(const RunConfig&)> get;
    std::function<void(RunConfig&, const nlohmann::json&)> set;  // value already type-checked
};

const std::vector<ConfigField>& configFields();
const ConfigField* findConfigField(const std::string& name);
std::vector<std::string> configFieldNames();

// Checks one value against its field (type, range, choices); throws ConfigError naming
// the field, the value and what is allowed.
void checkFieldValue(const ConfigField& field, const nlohmann::json& value);

}  // namespace ferkd
