#include "labels/label_set_stats.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "labels/distill_targets.h"
#include "labels/ferkd_rule_json.h"
#include "util/error.h"

namespace ferkd {

double LabelSetStats::share(int cls, CropGroup g) const {
    return cls < 0 || cls >= int(class_groups.size()) ? 0.0 : groupShare(class_groups[cls], g);
}

std::string LabelSetStats::describeGroups() const {
    std::string out;
    char part[64];
    for (int g = 0; g < kCropGroups; ++g) {
        std::snprintf(part, sizeof part, "%s%s %.1f%%", g ? ", " : "", cropGroupName(CropGroup(g)),
                      100.0 * share(CropGroup(g)));
        out += part;
    }
    return out + " (" + describeRule(rule) + ")";
}

LabelSetStats computeLabelSetStats(const Dataset& data, const std::string& labelsPath, const FerkdConfig& rule, int bins,
                                   const MiningSettings& mining) {
    DistillConfig config;
    config.mode = "ferkd";
    config.labels = labelsPath;
    config.ferkd = rule;
    return computeLabelSetStats(data, DistillTargets(data, config), bins, mining);
}

LabelSetStats computeLabelSetStats(const Dataset& data, const DistillTargets& targets, int bins,
                                   const MiningSettings& mining) {
    const FerkdConfig& rule = targets.config().ferkd;
    const auto& p = targets.trueClassProbs();
    const auto& groups = targets.cropGroups();
    const int64_t cropsPerImage = targets.store().info().crops_per_image;
    LabelSetStats s;
    s.rule = rule;
    s.histogram.assign(bins, 0);
    s.class_crops.assign(data.numClasses(), 0);
    s.class_groups.assign(data.numClasses(), GroupCounts{});
    s.crop_groups.resize(p.size());
    for (size_t k = 0; k < p.size(); ++k) {
        s.histogram[std::clamp(int(p[k] * float(bins)), 0, bins - 1)]++;
        const int64_t y = data.label(int64_t(k) / cropsPerImage);
        const auto g = size_t(groups[k]);
        s.class_crops[y]++;
        s.class_groups[y][g]++;
        s.totals[g]++;
        s.crop_groups[k] = static_cast<uint8_t>(g);
    }
    if (hasObjectBoxes(data)) s.mining = measureMining(mineCrops(data, targets), rule, mining);
    return s;
}

namespace {

constexpr int kStatsFormat = 2;  // 2: four crop groups (the paper's rule)

}  // namespace

LabelSetRecord labelSetRecord(const std::string& labelsPath, const LabelSetStats& stats, int64_t runId) {
    LabelStore store(labelsPath);
    const LabelSetInfo& info = store.info();
    LabelSetRecord r;
    r.run_id = runId;
    r.path = std::filesystem::absolute(labelsPath).lexically_normal().string();
    r.teacher = info.teacher;
    r.dataset_fingerprint = info.dataset_fingerprint;
    r.label_type = labelTypeName(info.type);
    r.num_images = info.num_images;
    r.crops_per_image = info.crops_per_image;
    r.num_classes = info.num_classes;
    r.bytes = static_cast<int64_t>(store.fileBytes());
    nlohmann::json j{{"format", kStatsFormat},
                     {"rule", ruleToJson(stats.rule)},
                     {"histogram", stats.histogram},
                     {"class_crops", stats.class_crops},
                     {"class_groups", stats.class_groups},
                     {"totals", stats.totals}};
    if (stats.mining) j["mining"] = miningToJson(*stats.mining);
    r.stats_json = j.dump();
    r.crop_groups = stats.crop_groups;
    return r;
}

LabelSetStats labelSetStatsFrom(const LabelSetRecord& record) {
    LabelSetStats s;
    const std::string damaged = "experiment store: the statistics of label set '" + record.path + "' are damaged";
    try {
        auto j = nlohmann::json::parse(record.stats_json);
        if (j.value("format", 1) != kStatsFormat)
            throw Error("experiment store: the statistics of label set '" + record.path +
                        "' were made by an earlier version (three crop classes); `ferkd labels info " + record.path +
                        " --data DATA` computes them again");
        s.rule = ruleFromJson(j.at("rule"));
        s.histogram = j.at("histogram").get<std::vector<int64_t>>();
        s.class_crops = j.at("class_crops").get<std::vector<int64_t>>();
        s.class_groups = j.at("class_groups").get<std::vector<GroupCounts>>();
        s.totals = j.at("totals").get<GroupCounts>();
        if (j.contains("mining")) s.mining = miningFromJson(j["mining"]);
    } catch (const nlohmann::json::exception& e) {
        throw Error(damaged + ": " + e.what());
    }
    if (s.class_crops.size() != s.class_groups.size()) throw Error(damaged);
    s.crop_groups = record.crop_groups;
    return s;
}

}  // namespace ferkd
