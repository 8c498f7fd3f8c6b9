#include "batch/batch_builder.h"

#include <algorithm>
#include <numeric>

#include "config/step_accounting.h"
#include "data/crop_resize.h"
#include "data/mixup.h"
#include "data/rand_augment.h"
#include "data/selfmix.h"
#include "labels/distill_targets.h"
#include "util/error.h"
#include "util/hash.h"

namespace ferkd {

BatchBuilder::BatchBuilder(std::shared_ptr<Dataset> dataset, const RunConfig& config,
                           std::shared_ptr<const DistillTargets> targets, DataShard shard)
    : dataset_(std::move(dataset)), config_(config), normalize_(dataset_->channels(), config.data.normalize),
      targets_(std::move(targets)), shard_(shard),
      imagesPerStep_(stepAccounting(config, dataset_->size()).images_per_step) {
    if (shard_.count < 1 || shard_.rank < 0 || shard_.rank >= shard_.count)
        throw Error("data shard " + std::to_string(shard_.rank) + " of " + std::to_string(shard_.count) + " does not exist");
    if (imagesPerStep_ % shard_.count != 0)
        throw ConfigError("schedule.batch_size", std::to_string(config_.schedule.batch_size) + " (the global batch: " +
                                                     std::to_string(imagesPerStep_) + " images) does not split evenly over " +
                                                     std::to_string(shard_.count) + " processes");
    trainImages_.resize(dataset_->size());
    std::iota(trainImages_.begin(), trainImages_.end(), 0);
}

void BatchBuilder::setTrainingImages(std::vector<int64_t> images) {
    for (int64_t i : images)
        if (i < 0 || i >= dataset_->size())
            throw Error("training image " + std::to_string(i) + " is not in the data set of " +
                        std::to_string(dataset_->size()) + " images");
    if (images.empty()) throw Error("no training images are left to train on");
    trainImages_ = std::move(images);
}

int64_t BatchBuilder::stepsPerEpoch() const {
    return std::max<int64_t>(1, trainingImages() / imagesPerStep_);
}

int64_t BatchBuilder::shardBatchSize() const { return imagesPerStep_ / shard_.count; }

std::vector<int64_t> BatchBuilder::epochOrder(int64_t epoch) const {
    std::vector<int64_t> order = trainImages_;
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

torch::Tensor BatchBuilder::randAugment(const torch::Tensor& pixels, const std::vector<std::mt19937_64*>& rowRngs) const {
    const auto& a = config_.augment;
    return applyRandAugment(pixels, {a.randaug_ops, a.randaug_magnitude, a.randaug_mstd}, rowRngs);
}

Batch BatchBuilder::finish(const Loaded& images, const std::vector<CropBox>& boxes,
                           const std::vector<int64_t>& indices, const std::vector<std::mt19937_64*>& rowRngs) const {
    const int64_t S = config_.data.input_size;
    torch::Tensor out;
    if (images.stacked.defined()) {
        out = cropAndResize(floatImagesOn(images.stacked, assembly_), boxes, S);
    } else {
        std::vector<torch::Tensor> crops;
        for (size_t i = 0; i < images.single.size(); ++i)
            crops.push_back(cropAndResize(floatImagesOn(images.single[i], assembly_), {boxes[i]}, S));
        out = torch::cat(crops, 0);
    }
    Batch batch;
    batch.images = normalize_.inPlace(rowRngs.empty() ? out : randAugment(out, rowRngs));
    std::vector<int64_t> labels;
    labels.reserve(indices.size());
    for (int64_t i : indices) labels.push_back(dataset_->label(i));
    batch.labels = torch::tensor(labels, torch::kInt64);
    return batch;
}

Batch BatchBuilder::trainBatch(const std::vector<int64_t>& order, int64_t epoch, int64_t step) const {
    const int64_t b = shardBatchSize();
    const int64_t first = step * imagesPerStep_ + shard_.rank * b;
    std::vector<int64_t> indices(order.begin() + std::min<int64_t>(first, order.size()),
                                 order.begin() + std::min<int64_t>(first + b, order.size()));
    // Each image's own generator, seeded by its place in the epoch's order.
    std::vector<std::mt19937_64> imageRngs;
    imageRngs.reserve(indices.size());
    for (size_t j = 0; j < indices.size(); ++j)
        imageRngs.emplace_back(mixSeed(mixSeed(config_.seed, static_cast<uint64_t>(epoch), 0x1a6e),
                                       static_cast<uint64_t>(first) + j));
    // Mixing across images draws from the slice's generator.
    std::mt19937_64 sliceRng(mixSeed(config_.seed, static_cast<uint64_t>(epoch),
                                     (static_cast<uint64_t>(step) + 1) * 0x10000 + static_cast<uint64_t>(shard_.rank)));
    Batch batch;
    if (targets_) {
        batch = distillBatch(indices, imageRngs);
    } else {
        std::bernoulli_distribution coin(0.5);
        Loaded images = load(indices);
        const auto& a = config_.augment;
        RandomResizedCropParams rrc{a.scale_min, a.scale_max, a.ratio_min, a.ratio_max};
        std::vector<CropBox> boxes;
        std::vector<std::mt19937_64*> rowRngs;
        for (size_t j = 0; j < indices.size(); ++j) {
            const auto [h, w] = images.sizes[j];
            auto& rng = imageRngs[j];
            CropBox box = a.crop == "rrc"   ? sampleRandomResizedCrop(rng, h, w, rrc)
                          : a.crop == "pad" ? samplePadCrop(rng, h, w, a.pad)
                                            : centerCrop(h, w, 1.0);
            box.flip = a.hflip && coin(rng);
            boxes.push_back(box);
            rowRngs.push_back(&rng);
        }
        batch = finish(images, boxes, indices, rowRngs);
    }
    mixAcrossImages(batch, sliceRng);
    batch.epoch = epoch;
    batch.step = step;
    return batch;
}

void BatchBuilder::mixAcrossImages(Batch& batch, std::mt19937_64& rng) const {
    const auto& a = config_.augment;
    MixupParams params{a.mixup_alpha, a.cutmix_alpha, a.mix_prob, a.mix_switch_prob};
    if (!params.enabled()) return;
    if (!batch.targets.defined())  // ce: the ground truth as one-hot targets, so they can mix
        batch.targets = torch::nn::functional::one_hot(batch.labels, dataset_->numClasses()).to(torch::kFloat);
    applyMixup(batch.images, batch.targets, params, rng);
}

Batch BatchBuilder::distillBatch(const std::vector<int64_t>& indices, std::vector<std::mt19937_64>& imageRngs) const {
    const int64_t crops = config_.distill.num_crops, K = targets_->store().info().num_classes;
    const int64_t S = config_.data.input_size;
    const int64_t n = static_cast<int64_t>(indices.size()) * crops;
    Batch batch;
    batch.targets = torch::empty({n, K}, torch::kFloat);
    float* target = batch.targets.data_ptr<float>();
    std::vector<int64_t> labels, source;
    std::vector<std::mt19937_64*> rowRngs, groupRngs;
    std::vector<std::vector<CropBox>> boxes(indices.size());
    for (size_t j = 0; j < indices.size(); ++j) {
        const int64_t image = indices[j], y = dataset_->label(image);
        for (int c : targets_->chooseCrops(image, imageRngs[j])) {
            boxes[j].push_back(targets_->crop(image, c, y, target));
            target += K;
            labels.push_back(y);
            source.push_back(image);
            rowRngs.push_back(&imageRngs[j]);
        }
        groupRngs.push_back(&imageRngs[j]);
    }
    // The crops of an image sit together in the batch (SelfMix mixes within such groups).
    torch::Tensor out;
    auto stacked = dataset_->stackedImages();
    if (stacked.defined()) {
        auto idx = torch::tensor(source, torch::kInt64);
        std::vector<CropBox> all;
        for (const auto& b : boxes) all.insert(all.end(), b.begin(), b.end());
        out = cropAndResize(floatImagesOn(stacked.index_select(0, idx), assembly_), all, S);
    } else {
        std::vector<torch::Tensor> parts;
        for (size_t j = 0; j < indices.size(); ++j) {
            auto img = floatImagesOn(dataset_->image(indices[j]), assembly_);  // one decode for all its crops
            parts.push_back(cropAndResizeMany(img, boxes[j], S));
        }
        out = torch::cat(parts, 0);
    }
    batch.images = normalize_.inPlace(randAugment(out, rowRngs));
    batch.labels = torch::tensor(labels, torch::kInt64);
    if (config_.augment.selfmix_prob > 0)
        applySelfMix(batch.images, batch.targets, crops, {config_.augment.selfmix_prob, config_.augment.selfmix_alpha},
                     groupRngs);
    return batch;
}

Batch BatchBuilder::testBatch(int64_t begin, int64_t end) const {
    std::vector<int64_t> indices(end - begin);
    std::iota(indices.begin(), indices.end(), begin);
    Loaded images = load(indices);
    std::vector<CropBox> boxes;
    for (const auto& [h, w] : images.sizes) boxes.push_back(centerCrop(h, w, config_.augment.test_crop_ratio));
    return finish(images, boxes, indices, {});
}

}  // namespace ferkd
