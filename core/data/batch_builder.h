#pragma once
// Assembles training and test batches: gathers the images, cuts and resizes every
// crop of the batch in one affine_grid + grid_sample call (box and flip in the affine
// matrix), and normalises. A batch is a pure function of (seed, epoch, step), so a
// resumed run sees exactly the batches an uninterrupted one would.
#include "config/run_config.h"
#include "data/crop_box.h"
#include "data/dataset.h"

namespace ferkd {

struct Batch {
    torch::Tensor images;  // [B, C, S, S] float, normalised
    torch::Tensor labels;  // [B] int64
    int64_t epoch = 0, step = 0;
};

// Cuts `boxes[i]` out of image i of `images` ([B, C, H, W] float) and resizes it to
// size x size (bilinear), flipping where the box says so.
torch::Tensor cropAndResize(const torch::Tensor& images, const std::vector<CropBox>& boxes, int64_t size);

class BatchBuilder {
public:
    BatchBuilder(std::shared_ptr<Dataset> dataset, const RunConfig& config);

    int64_t stepsPerEpoch() const;  // full batches only (drop_last)
    // The image order of `epoch`, seeded by (seed, epoch).
    std::vector<int64_t> epochOrder(int64_t epoch) const;
    Batch trainBatch(const std::vector<int64_t>& order, int64_t epoch, int64_t step) const;
    // Test batch of images [begin, end) with the centre crop of test_crop_ratio.
    Batch testBatch(int64_t begin, int64_t end) const;

    const Dataset& dataset() const { return *dataset_; }

private:
    // Images decoded once: stacked when the data set has one size, else one by one.
    struct Loaded {
        torch::Tensor stacked;              // [B, H, W, C] uint8, or undefined
        std::vector<torch::Tensor> single;  // [H, W, C] uint8 each
        std::vector<std::pair<int64_t, int64_t>> sizes;  // (H, W) per image
    };
    Loaded load(const std::vector<int64_t>& indices) const;
    Batch finish(const Loaded& images, const std::vector<CropBox>& boxes, const std::vector<int64_t>& indices) const;

    std::shared_ptr<Dataset> dataset_;
    RunConfig config_;
    torch::Tensor mean_, invStd_;  // [1, C, 1, 1]
};

}  // namespace ferkd
