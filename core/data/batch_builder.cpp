#include "data/batch_builder.h"

#include <numeric>

#include "util/hash.h"

namespace ferkd {

namespace F = torch::nn::functional;

torch::Tensor cropAndResize(const torch::Tensor& images, const std::vector<CropBox>& boxes, int64_t size) {
    const int64_t B = images.size(0);
    bool identity = images.size(2) == size && images.size(3) == size;
    auto theta = torch::zeros({B, 2, 3}, torch::kFloat);
    auto t = theta.accessor<float, 3>();
    for (int64_t i = 0; i < B; ++i) {
        const CropBox& b = boxes[i];
        identity = identity && b.x == 0 && b.y == 0 && b.w == 1 && b.h == 1 && !b.flip;
        // Output coordinate u in [-1, 1] samples input 2*(x + w/2) - 1 + w*u (x flipped: -w*u).
        t[i][0][0] = b.flip ? -b.w : b.w;
        t[i][0][2] = 2.0f * (b.x + b.w / 2) - 1.0f;
        t[i][1][1] = b.h;
        t[i][1][2] = 2.0f * (b.y + b.h / 2) - 1.0f;
    }
    if (identity) return images;
    auto grid = F::affine_grid(theta.to(images.device()), {B, images.size(1), size, size}, /*align_corners=*/false);
    return F::grid_sample(images, grid,
                          F::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kZeros).align_corners(false));
}

BatchBuilder::BatchBuilder(std::shared_ptr<Dataset> dataset, const RunConfig& config)
    : dataset_(std::move(dataset)), config_(config) {
    const int64_t C = dataset_->channels();
    std::vector<float> mean(C, 0.5f), stdv(C, 0.5f);
    if (config_.data.normalize == "imagenet") {
        const float m[3] = {0.485f, 0.456f, 0.406f}, s[3] = {0.229f, 0.224f, 0.225f};
        for (int64_t c = 0; c < C; ++c) {
            mean[c] = C == 3 ? m[c] : 0.449f;
            stdv[c] = C == 3 ? s[c] : 0.226f;
        }
    }
    mean_ = torch::tensor(mean).view({1, C, 1, 1}) * 255.0f;
    invStd_ = 1.0f / (torch::tensor(stdv).view({1, C, 1, 1}) * 255.0f);
}

int64_t BatchBuilder::stepsPerEpoch() const {
    return std::max<int64_t>(1, dataset_->size() / config_.schedule.batch_size);
}

std::vector<int64_t> BatchBuilder::epochOrder(int64_t epoch) const {
    std::vector<int64_t> order(dataset_->size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(mixSeed(config_.seed, static_cast<uint64_t>(epoch), 0x0de5));
    std::shuffle(order.begin(), order.end(), rng);
    return order;
}

BatchBuilder::Loaded BatchBuilder::load(const std::vector<int64_t>& indices) const {
    Loaded loaded;
    auto stacked = dataset_->stackedImages();
    if (stacked.defined()) {
        auto idx = torch::from_blob(const_cast<int64_t*>(indices.data()), {int64_t(indices.size())}, torch::kInt64);
        loaded.stacked = stacked.index_select(0, idx);
        loaded.sizes.assign(indices.size(), {stacked.size(1), stacked.size(2)});
    } else {
        for (int64_t i : indices) {
            loaded.single.push_back(dataset_->image(i));
            loaded.sizes.emplace_back(loaded.single.back().size(0), loaded.single.back().size(1));
        }
    }
    return loaded;
}

Batch BatchBuilder::finish(const Loaded& images, const std::vector<CropBox>& boxes,
                           const std::vector<int64_t>& indices) const {
    const int64_t S = config_.data.input_size;
    torch::Tensor out;
    if (images.stacked.defined()) {
        out = cropAndResize(images.stacked.permute({0, 3, 1, 2}).to(torch::kFloat), boxes, S);
    } else {
        std::vector<torch::Tensor> crops;
        for (size_t i = 0; i < images.single.size(); ++i)
            crops.push_back(cropAndResize(images.single[i].permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat), {boxes[i]}, S));
        out = torch::cat(crops, 0);
    }
    Batch batch;
    batch.images = ((out - mean_) * invStd_).contiguous();
    std::vector<int64_t> labels;
    labels.reserve(indices.size());
    for (int64_t i : indices) labels.push_back(dataset_->label(i));
    batch.labels = torch::tensor(labels, torch::kInt64);
    return batch;
}

Batch BatchBuilder::trainBatch(const std::vector<int64_t>& order, int64_t epoch, int64_t step) const {
    const int64_t B = config_.schedule.batch_size;
    std::vector<int64_t> indices(order.begin() + step * B, order.begin() + std::min<int64_t>((step + 1) * B, order.size()));
    Loaded images = load(indices);

    std::mt19937_64 rng(mixSeed(config_.seed, static_cast<uint64_t>(epoch), static_cast<uint64_t>(step) + 1));
    std::bernoulli_distribution coin(0.5);
    const auto& a = config_.augment;
    RandomResizedCropParams rrc{a.scale_min, a.scale_max, a.ratio_min, a.ratio_max};
    std::vector<CropBox> boxes;
    for (const auto& [h, w] : images.sizes) {
        CropBox box = a.crop == "rrc"   ? sampleRandomResizedCrop(rng, h, w, rrc)
                      : a.crop == "pad" ? samplePadCrop(rng, h, w, a.pad)
                                        : centerCrop(h, w, 1.0);
        box.flip = a.hflip && coin(rng);
        boxes.push_back(box);
    }
    Batch batch = finish(images, boxes, indices);
    batch.epoch = epoch;
    batch.step = step;
    return batch;
}

Batch BatchBuilder::testBatch(int64_t begin, int64_t end) const {
    std::vector<int64_t> indices(end - begin);
    std::iota(indices.begin(), indices.end(), begin);
    Loaded images = load(indices);
    std::vector<CropBox> boxes;
    for (const auto& [h, w] : images.sizes) boxes.push_back(centerCrop(h, w, config_.augment.test_crop_ratio));
    return finish(images, boxes, indices);
}

}  // namespace ferkd
