#include "labels/distill_targets.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "labels/label_recovery.h"
#include "util/error.h"

namespace ferkd {

std::shared_ptr<LabelStore> openLabelsFor(const Dataset& data, const DistillConfig& config) {
    if (config.labels.empty())
        throw ConfigError("distill.labels", "is empty; mode '" + config.mode + "' needs a label set (ferkd labels generate)");
    if (!std::filesystem::exists(config.labels))
        throw ConfigError("distill.labels", "'" + config.labels + "' does not exist; expected a label store file");
    std::shared_ptr<LabelStore> store;
    try {
        store = std::make_shared<LabelStore>(config.labels);
        store->requireDataset(data.fingerprint(), data.size());
    } catch (const FileError& e) {
        throw ConfigError("distill.labels", e.what());
    }
    if (config.num_crops > store->info().crops_per_image)
        throw ConfigError("distill.num_crops", std::to_string(config.num_crops) + " is more than the " +
                                                   std::to_string(store->info().crops_per_image) + " crops stored per image");
    return store;
}

DistillTargets::DistillTargets(const Dataset& data, const DistillConfig& config)
    : store_(openLabelsFor(data, config)), config_(config) {
    const LabelSetInfo& info = store_->info();
    crops_ = info.crops_per_image;
    numClasses_ = info.num_classes;
    const int64_t images = data.size();  // the store's, or the first of them (train_limit)
    pTrue_.resize(size_t(images) * crops_);
    groups_.resize(pTrue_.size());
    const bool adapting = config.mode == "ferkd";  // fkd trains on every stored crop with the teacher's label
    CropLabel label;
    std::vector<float> p(crops_);
    for (int64_t i = 0; i < images; ++i) {
        const int y = static_cast<int>(data.label(i));
        for (int c = 0; c < crops_; ++c) {
            store_->readCrop(i, c, label);
            p[c] = recoveredProbability(label, info.type, numClasses_, y);
        }
        auto groups = adapting ? groupCrops(p, config.ferkd) : std::vector<CropGroup>(crops_, CropGroup::Teacher);
        std::copy(p.begin(), p.end(), pTrue_.begin() + i * crops_);
        std::copy(groups.begin(), groups.end(), groups_.begin() + i * crops_);
    }
    if (std::all_of(groups_.begin(), groups_.end(), isKept)) return;
    // Kept crops in store order, so a rule that keeps them all draws as one without the list.
    kept_.resize(images);
    for (int64_t i = 0; i < images; ++i)
        for (int c = 0; c < crops_; ++c)
            if (isKept(groups_[size_t(i) * crops_ + c])) kept_[i].push_back(c);
}

int DistillTargets::keptCrops(int64_t image) const {
    return kept_.empty() ? crops_ : static_cast<int>(kept_[image].size());
}

std::vector<int> DistillTargets::chooseCrops(int64_t image, std::mt19937_64& rng) const {
    std::vector<int> pool;
    if (!kept_.empty()) {
        pool = kept_[image];
    } else {
        pool.resize(crops_);
        for (int c = 0; c < crops_; ++c) pool[c] = c;
    }
    if (pool.empty())
        throw Error("image " + std::to_string(image) + " has no crop that distill.ferkd keeps; training leaves such images out");
    // A partial Fisher-Yates shuffle: the first num_crops entries are a uniform draw.
    const int n = std::min<int>(config_.num_crops, static_cast<int>(pool.size()));
    for (int i = 0; i < n; ++i) {
        std::uniform_int_distribution<int> pick(i, static_cast<int>(pool.size()) - 1);
        std::swap(pool[i], pool[pick(rng)]);
    }
    pool.resize(n);
    while (static_cast<int>(pool.size()) < config_.num_crops) pool.push_back(pool[pool.size() % n]);
    return pool;
}

CropBox DistillTargets::crop(int64_t image, int crop, int64_t trueClass, float* out) const {
    thread_local CropLabel label;  // batches are built on the prefetch thread; no allocation per crop
    store_->readCrop(image, crop, label);
    if (groups_[size_t(image) * crops_ + crop] == CropGroup::Calibrated)
        // Background and context: the teacher's label is unreliable; a softened ground truth instead.
        calibratedTarget(trueClass, numClasses_, config_.ferkd.eps, out);
    else
        recoverDistribution(label, store_->info().type, numClasses_, out);
    return label.box;
}

std::string CropGroupSummary::describe(int numCrops) const {
    char line[400];
    std::snprintf(line, sizeof line,
                  "crop groups over %lld training images: discarded-hard %.1f%%, calibrated %.1f%%, teacher %.1f%%, "
                  "discarded-easy %.1f%%; %lld images with fewer kept crops than num_crops %d (repeated), %lld with "
                  "none (left out of training)",
                  (long long)images, 100 * share(CropGroup::DiscardedHard), 100 * share(CropGroup::Calibrated),
                  100 * share(CropGroup::Teacher), 100 * share(CropGroup::DiscardedEasy),
                  (long long)fewer_than_num_crops, numCrops, (long long)without_kept);
    return line;
}

CropGroupSummary summarizeCropGroups(const DistillTargets& targets, const std::vector<int64_t>& images, int numCrops) {
    CropGroupSummary s;
    const int crops = targets.store().info().crops_per_image;
    const auto& groups = targets.cropGroups();
    for (int64_t i : images) {
        for (int c = 0; c < crops; ++c) s.groups[size_t(groups[size_t(i) * crops + c])]++;
        const int kept = targets.keptCrops(i);
        s.without_kept += kept == 0;
        s.fewer_than_num_crops += kept > 0 && kept < numCrops;
    }
    s.images = static_cast<int64_t>(images.size());
    return s;
}

}  // namespace ferkd
