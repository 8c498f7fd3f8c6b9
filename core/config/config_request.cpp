#include "config/config_request.h"

#include "config/config_io.h"
#include "config/presets.h"

namespace ferkd {

RunConfig resolveConfig(const ConfigRequest& request) {
    RunConfig config = request.preset.empty() ? RunConfig{} : presetConfig(request.preset);
    if (!request.file.empty()) config = loadConfigFile(request.file, config);
    ConfigProblems problems;
    if (!request.json.is_null()) problems.attempt([&] { applyConfigJson(config, request.json, "the request"); });
    for (const auto& [field, value] : request.fields)
        problems.attempt([&] { applyConfigJson(config, nlohmann::json::object({{field, value}}), "the command line"); });
    for (const auto& s : request.sets) problems.attempt([&] { applyOverride(config, s); });
    if (request.validate) problems.validate(config);
    problems.throwIfAny();
    return config;
}

}  // namespace ferkd
