#include "train/run_comparison.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "config/config_fields.h"
#include "util/statistics.h"

namespace ferkd {

std::vector<ConfigRow> compareConfigs(const std::vector<ComparedRun>& runs) {
    std::vector<ConfigRow> rows;
    for (const auto& f : configFields()) {
        ConfigRow row;
        row.field = f.name;
        for (const auto& r : runs) {
            const nlohmann::json v = f.get(r.config);
            row.values.push_back(v.is_string() ? v.get<std::string>() : v.dump());
        }
        for (const auto& v : row.values) row.differs = row.differs || v != row.values.front();
        rows.push_back(std::move(row));
    }
    return rows;
}

namespace {

std::string withoutSeed(const RunConfig& c) {
    RunConfig copy = c;
    copy.seed = 0;
    copy.name.clear();
    std::string key;
    for (const auto& f : configFields())
        if (!f.execution) key += f.name + "=" + f.get(copy).dump() + ";";  // threads etc. change no result
    return key;
}

// "ablation fkd s2" -> "ablation fkd"; "run-seed3" -> "run".
std::string stripSeedSuffix(const std::string& name) {
    size_t end = name.size();
    while (end > 0 && std::isdigit(static_cast<unsigned char>(name[end - 1]))) --end;
    if (end == name.size()) return name;
    for (const std::string suffix : {" s", "-s", "_s", " seed", "-seed", "_seed", "seed"})
        if (end >= suffix.size() && name.compare(end - suffix.size(), suffix.size(), suffix) == 0)
            return name.substr(0, end - suffix.size());
    return name;
}

}  // namespace

std::vector<SeedGroup> groupBySeed(const std::vector<ComparedRun>& runs) {
    std::vector<SeedGroup> groups;
    std::vector<std::string> keys;
    std::vector<std::vector<double>> lasts, bests;
    for (const auto& r : runs) {
        const std::string key = withoutSeed(r.config);
        size_t g = 0;
        while (g < keys.size() && keys[g] != key) ++g;
        if (g == keys.size()) {
            keys.push_back(key);
            groups.push_back({});
            groups.back().label = stripSeedSuffix(r.name);
            lasts.emplace_back();
            bests.emplace_back();
        }
        groups[g].runs.push_back(r.id);
        if (r.last_top1) lasts[g].push_back(*r.last_top1);
        if (r.best_top1) bests[g].push_back(*r.best_top1);
    }
    for (size_t g = 0; g < groups.size(); ++g) {
        groups[g].finished = int(lasts[g].size());
        const MeanStd last = meanStd(lasts[g]), best = meanStd(bests[g]);
        groups[g].last_mean = last.mean;
        groups[g].last_std = last.std;
        groups[g].best_mean = best.mean;
        groups[g].best_std = best.std;
    }
    return groups;
}

}  // namespace ferkd
