#include "config/config_io.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "config/config_fields.h"
#include "config/step_accounting.h"
#include "models/model_registry.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/text.h"

namespace ferkd {

using json = nlohmann::json;

json configToJson(const RunConfig& config) {
    json out = json::object();
    for (const auto& f : configFields()) {
        std::string pointer = "/" + f.name;
        for (auto& c : pointer)
            if (c == '.') c = '/';
        out[json::json_pointer(pointer)] = f.get(config);
    }
    return out;
}

std::string configToJsonText(const RunConfig& config) { return configToJson(config).dump(2); }

namespace {

void flatten(const json& node, const std::string& prefix, std::vector<std::pair<std::string, json>>& out) {
    for (auto it = node.begin(); it != node.end(); ++it) {
        std::string key = prefix.empty() ? it.key() : prefix + "." + it.key();
        if (it->is_object() && !findConfigField(key))
            flatten(*it, key, out);
        else
            out.emplace_back(key, *it);
    }
}

// Keys that configs written before the paper's FerKD rule hold: the rule's name had
// another key, and `easy_fraction` only marked crops for display.
bool migrateLegacyKey(std::string& key) {
    if (key == "distill.ferkd.hard_rule") key = "distill.ferkd.rule";
    return key != "distill.ferkd.easy_fraction";
}

}  // namespace

void applyConfigJson(RunConfig& config, const json& patch, const std::string& source) {
    std::string where = source.empty() ? "" : " in " + source;
    if (!patch.is_object()) throw ConfigError("", "the config" + where + " must be a JSON object");
    std::vector<std::pair<std::string, json>> entries;
    flatten(patch, "", entries);
    for (auto& [key, value] : entries) {
        if (!migrateLegacyKey(key)) continue;
        const ConfigField* f = findConfigField(key);
        if (!f) {
            std::string near = nearestName(key, configFieldNames());
            throw ConfigError(key, "unknown key" + where +
                                       (near.empty() ? "" : "; did you mean '" + near + "'?"));
        }
        checkFieldValue(*f, value);
        f->set(config, value);
    }
}

json parseConfigJson(std::istream& in, const std::string& source, int maxDepth) {
    // A config is a few levels deep; a hostile text nested thousands deep is refused
    // while parsing, before anything walks it.
    const json::parser_callback_t depthLimit = [&](int depth, json::parse_event_t, json&) {
        if (depth > maxDepth)
            throw FileError(source, "nested more than " + std::to_string(maxDepth) + " levels deep; not a run config");
        return true;
    };
    try {
        return json::parse(in, depthLimit);
    } catch (const json::exception& e) {  // syntax, and numbers out of range (1e400)
        throw FileError(source, std::string("not valid JSON: ") + e.what());
    }
}

json readConfigJsonFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw FileError(path, "cannot open the config file");
    return parseConfigJson(in, path);
}

RunConfig loadConfigFile(const std::string& path, const RunConfig& base) {
    const json j = readConfigJsonFile(path);
    RunConfig config = base;
    applyConfigJson(config, j, path);
    return config;
}

void saveConfigFile(const RunConfig& config, const std::string& path) {
    writeTextFileAtomically(path, configToJsonText(config) + "\n");
}

void applyOverride(RunConfig& config, const std::string& assignment) {
    auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0)
        throw ConfigError("", "override '" + assignment + "' must look like key=value (e.g. optim.lr=0.01)");
    std::string key = assignment.substr(0, eq);
    std::string text = assignment.substr(eq + 1);
    json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) value = text;
    applyConfigJson(config, json::object({{key, value}}), "the command line");
}

std::vector<std::pair<std::string, std::string>> validationErrors(const RunConfig& config) {
    std::vector<std::pair<std::string, std::string>> errors;
    for (const auto& f : configFields()) {
        try {
            checkFieldValue(f, f.get(config));
        } catch (const ConfigError& e) {
            errors.emplace_back(f.name, e.what());
        }
    }
    auto add = [&](const std::string& field, const std::string& msg) {
        errors.emplace_back(field, ConfigError(field, msg).what());
    };
    if (config.augment.scale_min > config.augment.scale_max)
        add("augment.scale_min", "must not exceed augment.scale_max (" + std::to_string(config.augment.scale_max) + ")");
    if (config.augment.ratio_min > config.augment.ratio_max)
        add("augment.ratio_min", "must not exceed augment.ratio_max (" + std::to_string(config.augment.ratio_max) + ")");
    if (config.schedule.warmup_epochs > config.schedule.epochs)
        add("schedule.warmup_epochs", "is longer than schedule.epochs (" + std::to_string(config.schedule.epochs) + ")");
    if (config.data.path.empty()) add("data.path", "is empty; expected a data set name or path");
    if (config.augment.selfmix_prob > 0 &&
        !((config.distill.mode == "fkd" || config.distill.mode == "ferkd") && config.distill.num_crops >= 2))
        add("augment.selfmix_prob", "SelfMix mixes crops of the same image: it needs distill.mode fkd or ferkd "
                                    "and distill.num_crops >= 2");
    if (config.distill.mode == "kd" && config.distill.teacher.empty())
        add("distill.teacher", "is empty; mode 'kd' needs a teacher run (id or name)");
    if ((config.distill.mode == "fkd" || config.distill.mode == "ferkd") && config.distill.labels.empty())
        add("distill.labels", "is empty; mode '" + config.distill.mode + "' needs a label store (ferkd labels generate)");
    const FerkdConfig& r = config.distill.ferkd;
    auto num = [](double v) { return json(v).dump(); };  // 0.2, not 0.200000
    if (r.t_low > r.t_mid)
        add("distill.ferkd.t_low", num(r.t_low) + " is above distill.ferkd.t_mid (" + num(r.t_mid) +
                                       "); expected 0 <= t_low <= t_mid <= t_top <= 1");
    if (r.t_mid > r.t_top)
        add("distill.ferkd.t_mid", num(r.t_mid) + " is above distill.ferkd.t_top (" + num(r.t_top) +
                                       "); expected 0 <= t_low <= t_mid <= t_top <= 1");
    if (config.data.val_split >= 1 && config.data.val_split != std::floor(config.data.val_split))
        add("data.val_split", num(config.data.val_split) + " is neither a share in (0, 1) nor a whole count of images");
    for (const auto& [field, message] : accountingErrors(config)) add(field, message);
    const int crops = cropsPerImage(config);
    if (config.runtime.micro_batch > 0 && config.runtime.micro_batch % crops != 0)
        add("runtime.micro_batch", std::to_string(config.runtime.micro_batch) + " crops is not a whole number of images "
                                   "of " + std::to_string(crops) + " crops each (an image's crops stay in one micro-batch); "
                                   "use a multiple of distill.num_crops");
    if (!config.runtime.memory_limit.empty() && !parseByteSize(config.runtime.memory_limit))
        add("runtime.memory_limit", "'" + config.runtime.memory_limit + "' is not a size; expected e.g. 16G, 512M or empty");
    if (!findModel(config.model.arch)) {
        std::string near = nearestName(config.model.arch, modelNames());
        add("model.arch", "'" + config.model.arch + "' is not a registered model" +
                              (near.empty() ? "" : "; did you mean '" + near + "'?") + " (see `ferkd models`)");
    }
    return errors;
}

void validateConfig(const RunConfig& config) {
    ConfigProblems problems;
    problems.validate(config);
    problems.throwIfAny();
}

void ConfigProblems::attempt(const std::function<void()>& change) {
    try {
        change();
    } catch (const ConfigError& e) {
        errors_.emplace_back(e.field(), e.what());
    }
}

void ConfigProblems::validate(const RunConfig& config) {
    for (auto& [field, message] : validationErrors(config)) {
        const bool reported = std::any_of(errors_.begin(), errors_.end(), [&](const auto& e) { return e.first == field; });
        if (!reported) errors_.emplace_back(field, message);
    }
}

void ConfigProblems::throwIfAny() const {
    if (errors_.empty()) return;
    if (errors_.size() == 1) throw ConfigError("", errors_.front().second);
    std::string text = std::to_string(errors_.size()) + " problems in the config:";
    for (const auto& [field, message] : errors_) text += "\n  " + message;
    throw ConfigError("", text);
}

}  // namespace ferkd
