#pragma once
// Top-1/top-5 and loss of a model on a test set (centre crop of test_crop_ratio).
#include "batch/batch_builder.h"
#include "models/classifier.h"

namespace ferkd {

struct EvalResult {
    double loss = 0, top1 = 0, top5 = 0;  // top-k in percent
    int64_t images = 0;
    double loss_sum = 0;                  // the sums behind them, for combining ranks' parts
    int64_t top1_hits = 0, top5_hits = 0;
    std::vector<int64_t> confusion;       // [num_classes * num_classes], row = true class
};

// Each test batch with its first image's index and the model's float logits on the CPU.
using EvalBatchObserver = std::function<void(int64_t begin, const Batch& batch, const torch::Tensor& logits)>;

// `progress(done, total)` is optional. `range` [begin, end) limits it to part of the
// test set (a rank's share); end -1 means the whole set. `observe` sees every batch
// (per-image predictions, a teacher beside the model).
EvalResult evaluate(Classifier& model, const BatchBuilder& testData, torch::Device device, int64_t batchSize,
                    const std::function<void(int64_t, int64_t)>& progress = {},
                    std::pair<int64_t, int64_t> range = {0, -1}, const EvalBatchObserver& observe = {});

// Loss and top-k from the sums (after adding up ranks' parts).
void finishEvalResult(EvalResult& result);

// Counts of correct predictions within the top-1 and top-k logits.
std::pair<int64_t, int64_t> countTopK(const torch::Tensor& logits, const torch::Tensor& labels, int64_t k);

}  // namespace ferkd
