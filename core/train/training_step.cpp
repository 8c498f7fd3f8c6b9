#include "train/training_step.h"

#include <cmath>

#include "labels/teacher.h"
#include "runtime/mixed_precision.h"
#include "train/losses.h"
#include "util/error.h"

namespace ferkd {

namespace {

// Classic KD: the teacher labels the very batch the student sees; soft cross-entropy
// of the tempered distributions, scaled by T^2 so gradients keep their size.
torch::Tensor onlineDistillationLoss(const Teacher& teacher, const torch::Tensor& images, const torch::Tensor& logits,
                                     double temperature) {
    torch::Tensor target;
    {
        torch::NoGradGuard noGrad;
        auto input = images;
        if (input.size(2) != teacher.input_size)
            input = torch::nn::functional::interpolate(
                input, torch::nn::functional::InterpolateFuncOptions()
                           .size(std::vector<int64_t>{teacher.input_size, teacher.input_size})
                           .mode(torch::kBilinear)
                           .align_corners(false));
        target = torch::softmax(teacher.forward(input) / temperature, 1);
    }
    return softCrossEntropy(logits, target, temperature);
}

}  // namespace

std::vector<std::pair<int64_t, int64_t>> microBatchRanges(int64_t rows, int cropsPerImage, int64_t microBatch) {
    const int64_t perImage = std::max(1, cropsPerImage);
    const int64_t images = std::max<int64_t>(1, microBatch <= 0 ? rows / perImage : microBatch / perImage);
    const int64_t step = images * perImage;
    std::vector<std::pair<int64_t, int64_t>> ranges;
    for (int64_t begin = 0; begin < rows; begin += step) ranges.emplace_back(begin, std::min(rows, begin + step));
    return ranges;
}

TrainingStep::TrainingStep(Classifier& model, ScheduledOptimizer& optimizer, ModelEma* ema, DataParallel& parallel,
                           TrainingStepOptions options, const Teacher* teacher)
    : model_(model), optimizer_(optimizer), ema_(ema), parallel_(parallel), options_(options), teacher_(teacher) {}

torch::Tensor TrainingStep::loss(const torch::Tensor& images, const torch::Tensor& logits, const torch::Tensor& labels,
                                 const torch::Tensor& targets) const {
    if (teacher_) return onlineDistillationLoss(*teacher_, images, logits, options_.temperature);
    // Soft cross-entropy against the stored (and adapted) teacher labels, or mixed targets.
    if (targets.defined()) return softCrossEntropy(logits, targets);
    return torch::nn::functional::cross_entropy(logits, labels);
}

StepResult TrainingStep::run(const Batch& batch, double lr, int64_t stepNumber, const std::string& labelsPath) {
    setLearningRate(optimizer_, lr);
    const torch::Device device = options_.device;
    auto images = batch.images.to(device, /*non_blocking=*/true).contiguous(options_.memory_format);
    auto labels = batch.labels.to(device, true);
    torch::Tensor targets = batch.targets.defined() ? batch.targets.to(device, true) : torch::Tensor();
    const int64_t rows = labels.size(0);
    const auto parts = microBatchRanges(rows, options_.crops_per_image, options_.micro_batch);

    parallel_.beforeForward(model_);
    optimizer_.impl->zero_grad();
    // Loss and hits add up on the device: one read-back per step, not per micro-batch.
    torch::Tensor lastLoss, weightedLoss, hits;
    for (const auto& [begin, end] : parts) {
        const int64_t n = end - begin;
        const bool whole = parts.size() == 1;
        auto x = whole ? images : images.slice(0, begin, end);
        auto y = whole ? labels : labels.slice(0, begin, end);
        auto t = targets.defined() && !whole ? targets.slice(0, begin, end) : targets;
        torch::Tensor logits, partLoss;
        {
            AutocastScope autocast(device, options_.bf16);
            logits = model_.forward(x);
            partLoss = loss(x, logits, y, t);
        }
        // Each part's mean loss weighted by its share: the gradients add up to the batch mean's.
        (whole ? partLoss : partLoss * (double(n) / double(rows))).backward();
        lastLoss = partLoss.detach();
        const auto w = lastLoss.to(torch::kDouble) * double(n);
        const auto h = logits.argmax(1).eq(y).sum();
        weightedLoss = weightedLoss.defined() ? weightedLoss + w : w;
        hits = hits.defined() ? hits + h : h;
    }
    // One part: its own mean, exactly as a step without micro-batches reads it.
    const double localMean = parts.size() == 1 ? lastLoss.item<double>() : weightedLoss.item<double>() / double(rows);
    const double lossSum = parts.size() == 1 ? localMean * double(rows) : weightedLoss.item<double>();
    // The step's totals over all ranks, before the update: every rank then sees a NaN or
    // inf, which never reaches the weights, the EMA or a checkpoint.
    StepResult result;
    result.micro_batches = int(parts.size());
    result.totals = parallel_.reduce(StepTotals{lossSum, hits.item<double>(), double(rows)});
    result.loss = parallel_.distributed() ? result.totals.meanLoss() : localMean;
    if (!std::isfinite(result.loss)) {
        const std::string what = std::string("the loss became ") + (std::isnan(result.loss) ? "NaN" : "inf") +
                                 " at step " + std::to_string(stepNumber);
        const std::string keep = " (the last checkpoint holds the weights before it)";
        if (batch.targets.defined() && !torch::isfinite(batch.targets).all().item<bool>())
            throw Error(what + ": a stored soft label is not finite; the label store " + labelsPath +
                        " is damaged, generate it again" + keep);
        throw Error(what + "; lower optim.lr or set optim.grad_clip" + keep);
    }
    parallel_.averageGradients();
    if (options_.grad_clip > 0) torch::nn::utils::clip_grad_norm_(model_.parameters(), options_.grad_clip);
    optimizer_.impl->step();
    if (ema_) ema_->update();
    return result;
}

}  // namespace ferkd
