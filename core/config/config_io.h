#pragma once
// RunConfig <-> JSON, command-line overrides and whole-config validation.
// Precedence when building a config: defaults < preset < file < command line.
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "config/run_config.h"

namespace ferkd {

// Nested JSON ({"optim": {"lr": 0.002}, ...}) with every field.
nlohmann::json configToJson(const RunConfig& config);
std::string configToJsonText(const RunConfig& config);

// Applies the keys present in `patch` (nested or dotted keys) onto `config`. Unknown keys
// and bad values throw ConfigError naming the field (with the nearest valid name).
void applyConfigJson(RunConfig& config, const nlohmann::json& patch, const std::string& source = "");

// A config's JSON text (a file's, a server request's), nested at most `maxDepth` levels;
// FileError naming `source` for bad JSON.
nlohmann::json parseConfigJson(std::istream& in, const std::string& source, int maxDepth = 16);
nlohmann::json readConfigJsonFile(const std::string& path);
RunConfig loadConfigFile(const std::string& path, const RunConfig& base);
void saveConfigFile(const RunConfig& config, const std::string& path);

// "optim.lr=0.01": the value is parsed as JSON when it parses, else taken as a string.
void applyOverride(RunConfig& config, const std::string& assignment);

// Checks every field and the rules between fields; throws one ConfigError naming every
// problem (ConfigProblems). `validationErrors` returns them one by one (for the studio's form).
void validateConfig(const RunConfig& config);
std::vector<std::pair<std::string, std::string>> validationErrors(const RunConfig& config);

// Every problem of a config at once, as compilers and schema validators report them:
// changes are attempted one after another, their ConfigErrors kept, the result validated,
// and one ConfigError thrown whose first line says how many problems there are.
class ConfigProblems {
public:
    // Runs `change`; a ConfigError it throws is kept (the change is then not made).
    void attempt(const std::function<void()>& change);
    // Adds the validation errors of fields not already reported.
    void validate(const RunConfig& config);
    void throwIfAny() const;

private:
    std::vector<std::pair<std::string, std::string>> errors_;  // (field, message)
};

}  // namespace ferkd
