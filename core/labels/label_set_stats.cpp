#include "labels/label_set_stats.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "labels/distill_targets.h"
#include "util/error.h"

namespace ferkd {

double LabelSetStats::share(CropClass c) const {
    return crops() > 0 ? double(totals[int(c)]) / double(crops()) : 0.0;
}

double LabelSetStats::hardShare(int cls) const {
    if (cls < 0 || cls >= int(class_crops.size()) || class_crops[cls] == 0) return 0.0;
    return double(class_hard[cls]) / double(class_crops[cls]);
}

LabelSetStats computeLabelSetStats(const Dataset& data, const std::string& labelsPath, const FerkdRule& rule, int bins) {
    DistillConfig config;
    config.mode = "ferkd";
    config.labels = labelsPath;
    config.ferkd = rule;
    DistillTargets targets(data, config);
    const auto& p = targets.trueClassProbs();
    const auto& cls = targets.cropClasses();
    const int64_t cropsPerImage = targets.store().info().crops_per_image;
    LabelSetStats s;
    s.rule = rule;
    s.histogram.assign(bins, 0);
    s.class_crops.assign(data.numClasses(), 0);
    s.class_hard.assign(data.numClasses(), 0);
    s.crop_classes.resize(p.size());
    for (size_t k = 0; k < p.size(); ++k) {
        s.histogram[std::clamp(int(p[k] * float(bins)), 0, bins - 1)]++;
        const int64_t y = data.label(int64_t(k) / cropsPerImage);
        s.class_crops[y]++;
        if (cls[k] == CropClass::Hard) s.class_hard[y]++;
        s.totals[int(cls[k])]++;
        s.crop_classes[k] = static_cast<uint8_t>(cls[k]);
    }
    return s;
}

namespace {

nlohmann::json ruleJson(const FerkdRule& r) {
    return {{"hard_rule", r.hard_rule}, {"hard_fraction", r.hard_fraction}, {"hard_threshold", r.hard_threshold},
            {"easy_fraction", r.easy_fraction}, {"eps", r.eps}, {"drop_easiest", r.drop_easiest}};
}

FerkdRule ruleFrom(const nlohmann::json& j) {
    FerkdRule r;
    r.hard_rule = j.value("hard_rule", r.hard_rule);
    r.hard_fraction = j.value("hard_fraction", r.hard_fraction);
    r.hard_threshold = j.value("hard_threshold", r.hard_threshold);
    r.easy_fraction = j.value("easy_fraction", r.easy_fraction);
    r.eps = j.value("eps", r.eps);
    r.drop_easiest = j.value("drop_easiest", r.drop_easiest);
    return r;
}

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
    r.stats_json = nlohmann::json{{"rule", ruleJson(stats.rule)},
                                  {"histogram", stats.histogram},
                                  {"class_crops", stats.class_crops},
                                  {"class_hard", stats.class_hard},
                                  {"totals", stats.totals}}
                       .dump();
    r.crop_classes = stats.crop_classes;
    return r;
}

LabelSetStats labelSetStatsFrom(const LabelSetRecord& record) {
    LabelSetStats s;
    try {
        auto j = nlohmann::json::parse(record.stats_json);
        s.rule = ruleFrom(j.at("rule"));
        s.histogram = j.at("histogram").get<std::vector<int64_t>>();
        s.class_crops = j.at("class_crops").get<std::vector<int64_t>>();
        s.class_hard = j.at("class_hard").get<std::vector<int64_t>>();
        s.totals = j.at("totals").get<std::vector<int64_t>>();
    } catch (const nlohmann::json::exception& e) {
        throw Error("experiment store: the statistics of label set '" + record.path + "' are damaged: " + e.what());
    }
    if (s.totals.size() != 3 || s.class_crops.size() != s.class_hard.size())
        throw Error("experiment store: the statistics of label set '" + record.path + "' are damaged");
    s.crop_classes = record.crop_classes;
    return s;
}

}  // namespace ferkd
