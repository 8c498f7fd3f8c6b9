#pragma once
// Assembles training and test batches: gathers the images, cuts and resizes every
// crop of the batch in one affine_grid + grid_sample call (box and flip in the affine
// matrix), and normalises. A batch is a pure function of (seed, epoch, step), so a
// resumed run sees exactly the batches an uninterrupted one would.
//
// Data parallel: schedule.batch_size is the global batch (in crops with FKD's accounting,
// config/step_accounting.h). Rank r of n builds the r-th of n equal slices of each global batch's images, and every image draws its crops and
// augmentations from its own generator, seeded by its position in the epoch's order,
// so n ranks together see what one process would (mixing across images, Mixup and
// CutMix, stays within each rank's slice, as with timm on several GPUs).
#include "config/run_config.h"
#include "data/crop_box.h"
#include "data/dataset.h"
#include "data/normalizer.h"

namespace ferkd {

class DistillTargets;  // labels/distill_targets.h

struct Batch {
    torch::Tensor images;   // [B * crops, C, S, S] float, normalised
    torch::Tensor labels;   // [B * crops] int64, the ground truth
    torch::Tensor targets;  // [B * crops, K] soft labels (fkd, ferkd); undefined for ce
    int64_t epoch = 0, step = 0;
};

// Which slice of every global batch this process trains on.
struct DataShard {
    int rank = 0, count = 1;
};

class BatchBuilder {
public:
    // `targets` (fkd, ferkd modes) supplies each image's stored crops and their labels.
    // Throws ConfigError naming schedule.batch_size when its images do not split into `shard.count` slices.
    BatchBuilder(std::shared_ptr<Dataset> dataset, const RunConfig& config,
                 std::shared_ptr<const DistillTargets> targets = nullptr, DataShard shard = {});

    // The images training draws from (ascending indices into the data set): all by
    // default; a validation split and images without kept FerKD crops leave some out.
    void setTrainingImages(std::vector<int64_t> images);
    int64_t trainingImages() const { return static_cast<int64_t>(trainImages_.size()); }

    int64_t stepsPerEpoch() const;  // full global batches of images in one pass (drop_last)
    int64_t shardBatchSize() const;  // images of one step on this rank
    // The training images in the order of `epoch`, seeded by (seed, epoch).
    std::vector<int64_t> epochOrder(int64_t epoch) const;
    Batch trainBatch(const std::vector<int64_t>& order, int64_t epoch, int64_t step) const;
    // Test batch of images [begin, end) with the centre crop of test_crop_ratio.
    Batch testBatch(int64_t begin, int64_t end) const;

    const Dataset& dataset() const { return *dataset_; }
    // Where crops are cut, resized, augmented and normalised: the training GPU with
    // runtime.crops_on_device, so the CPU only decodes and gathers; the decoded uint8
    // images travel through pinned memory, fewer bytes than the float crops. CPU by default.
    void setAssemblyDevice(torch::Device device) { assembly_ = device; }

private:
    // Images decoded once: stacked when the data set has one size, else one by one.
    struct Loaded {
        torch::Tensor stacked;              // [B, H, W, C] uint8, or undefined
        std::vector<torch::Tensor> single;  // [H, W, C] uint8 each
        std::vector<std::pair<int64_t, int64_t>> sizes;  // (H, W) per image
    };
    Loaded load(const std::vector<int64_t>& indices) const;
    // Cuts, resizes and normalises; training batches (augmentRng set) also get RandAugment.
    // `rowRngs`: training batches' per-row generators for RandAugment; empty for test batches.
    Batch finish(const Loaded& images, const std::vector<CropBox>& boxes, const std::vector<int64_t>& indices,
                 const std::vector<std::mt19937_64*>& rowRngs) const;
    // RandAugment of crops in pixel units (0..255), when augment.randaug_ops > 0.
    torch::Tensor randAugment(const torch::Tensor& pixels, const std::vector<std::mt19937_64*>& rowRngs) const;
    Batch distillBatch(const std::vector<int64_t>& indices, std::vector<std::mt19937_64>& imageRngs) const;
    void mixAcrossImages(Batch& batch, std::mt19937_64& rng) const;

    std::shared_ptr<Dataset> dataset_;
    RunConfig config_;
    Normalizer normalize_;
    std::shared_ptr<const DistillTargets> targets_;
    DataShard shard_;
    std::vector<int64_t> trainImages_;
    int64_t imagesPerStep_;  // over all ranks
    torch::Device assembly_ = torch::kCPU;
};

}  // namespace ferkd
