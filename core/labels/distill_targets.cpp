#include "labels/distill_targets.h"

#include <algorithm>
#include <filesystem>

#include "labels/label_recovery.h"
#include "util/error.h"

namespace ferkd {

DistillTargets::DistillTargets(const Dataset& data, const DistillConfig& config) : config_(config) {
    if (config.labels.empty())
        throw ConfigError("distill.labels", "is empty; mode '" + config.mode + "' needs a label set (ferkd labels generate)");
    if (!std::filesystem::exists(config.labels))
        throw ConfigError("distill.labels", "'" + config.labels + "' does not exist; expected a label store file");
    try {
        store_ = std::make_shared<LabelStore>(config.labels);
        store_->requireDataset(data.fingerprint(), data.size());
    } catch (const FileError& e) {
        throw ConfigError("distill.labels", e.what());
    }
    const LabelSetInfo& info = store_->info();
    crops_ = info.crops_per_image;
    numClasses_ = info.num_classes;
    if (config.num_crops > crops_)
        throw ConfigError("distill.num_crops", std::to_string(config.num_crops) + " is more than the " +
                                                   std::to_string(crops_) + " crops stored per image");
    const int64_t images = data.size();  // the store's, or the first of them (train_limit)
    pTrue_.resize(size_t(images) * crops_);
    classes_.resize(pTrue_.size());
    const bool dropping = config.ferkd.drop_easiest > 0 && config.mode == "ferkd";
    if (dropping) kept_.resize(images);
    CropLabel label;
    std::vector<float> p(crops_);
    for (int64_t i = 0; i < images; ++i) {
        const int y = static_cast<int>(data.label(i));
        for (int c = 0; c < crops_; ++c) {
            store_->readCrop(i, c, label);
            p[c] = recoveredProbability(label, info.type, numClasses_, y);
        }
        auto cls = classifyCrops(p, config.ferkd);
        std::copy(p.begin(), p.end(), pTrue_.begin() + i * crops_);
        std::copy(cls.begin(), cls.end(), classes_.begin() + i * crops_);
        if (dropping) kept_[i] = keptCrops(p, config.ferkd);
    }
}

std::vector<int> DistillTargets::chooseCrops(int64_t image, std::mt19937_64& rng) const {
    std::vector<int> pool;
    if (!kept_.empty()) {
        pool = kept_[image];
    } else {
        pool.resize(crops_);
        for (int c = 0; c < crops_; ++c) pool[c] = c;
    }
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
    if (config_.mode == "ferkd" && classes_[size_t(image) * crops_ + crop] == CropClass::Hard) {
        // Hard negative: the teacher's label is unreliable; calibrate to a softened ground truth.
        const float eps = static_cast<float>(config_.ferkd.eps);
        std::fill(out, out + numClasses_, eps / float(numClasses_));
        out[trueClass] += 1.0f - eps;
    } else {
        recoverDistribution(label, store_->info().type, numClasses_, out);
    }
    return label.box;
}

}  // namespace ferkd
