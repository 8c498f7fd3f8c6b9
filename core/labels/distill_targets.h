#pragma once
// What a distillation batch trains against: for each image, `num_crops` of its stored
// crops (the region to cut and the teacher's recovered label), adapted by FerKD's rule
// in `ferkd` mode. The teacher's probability of the true class is read once per crop
// when the store is opened, so grouping an image's crops costs nothing per step.
#include <memory>
#include <random>

#include "config/run_config.h"
#include "data/dataset.h"
#include "labels/ferkd_rule.h"
#include "labels/label_store.h"

namespace ferkd {

// Opens config.labels and checks it before anything reads it: it exists, it is a whole
// label store, it was made for `data` (or a data set `data` is the first images of), and
// it stores at least num_crops crops per image. ConfigError naming the field otherwise.
std::shared_ptr<LabelStore> openLabelsFor(const Dataset& data, const DistillConfig& config);

class DistillTargets {
public:
    // Opens config.labels and checks it was made for `data`. Throws ConfigError naming
    // distill.labels when the file is missing or belongs to another data set.
    DistillTargets(const Dataset& data, const DistillConfig& config);

    // The crops of `image` to train on this step: num_crops distinct ones drawn
    // uniformly among those the rule keeps; an image with fewer kept crops repeats them.
    // Never called for an image without kept crops (hasKeptCrops): training leaves those out.
    std::vector<int> chooseCrops(int64_t image, std::mt19937_64& rng) const;
    // The region of one crop; its target distribution (num_classes floats) goes to `out`.
    // One read of the crop's record serves both.
    CropBox crop(int64_t image, int crop, int64_t trueClass, float* out) const;

    const LabelStore& store() const { return *store_; }
    const DistillConfig& config() const { return config_; }
    int64_t images() const { return static_cast<int64_t>(pTrue_.size()) / crops_; }
    // Teacher probability of the true class per crop, [image * crops + crop].
    const std::vector<float>& trueClassProbs() const { return pTrue_; }
    const std::vector<CropGroup>& cropGroups() const { return groups_; }
    int keptCrops(int64_t image) const;
    bool hasKeptCrops(int64_t image) const { return keptCrops(image) > 0; }

private:
    std::shared_ptr<LabelStore> store_;
    DistillConfig config_;
    int crops_ = 0, numClasses_ = 0;
    std::vector<float> pTrue_;
    std::vector<CropGroup> groups_;
    std::vector<std::vector<int>> kept_;  // per image, only when the rule discards some crops
};

// What the rule made of the crops of `images` (training images only, when a
// validation split holds some out): crops per group, images left with no kept crop
// (training leaves them out) and with fewer kept crops than num_crops (they repeat).
struct CropGroupSummary {
    GroupCounts groups{};
    int64_t images = 0, without_kept = 0, fewer_than_num_crops = 0;
    double share(CropGroup g) const { return groupShare(groups, g); }
    std::string describe(int numCrops) const;  // one log line
};
CropGroupSummary summarizeCropGroups(const DistillTargets& targets, const std::vector<int64_t>& images, int numCrops);

}  // namespace ferkd
