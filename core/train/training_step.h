#pragma once
// One optimisation step over a batch of crops. The batch is cut into micro-batches of
// whole images (SelfMix mixes crops of one image, so they stay together); each
// micro-batch's loss is weighted by its share of the batch, so the accumulated
// gradients are the full batch's. Then, once per step: gradients averaged over the
// ranks, clipped, one optimiser update, one EMA update. Batch norm normalises each
// micro-batch with its own statistics and updates its running averages once per
// micro-batch, as timm's --grad-accum-steps does.
#include <torch/torch.h>

#include <optional>

#include "batch/batch_builder.h"
#include "models/classifier.h"
#include "train/data_parallel.h"
#include "train/model_ema.h"
#include "train/optimizer_factory.h"

namespace ferkd {

struct Teacher;  // labels/teacher.h

struct TrainingStepOptions {
    torch::Device device = torch::kCPU;
    torch::MemoryFormat memory_format = torch::MemoryFormat::Contiguous;
    bool bf16 = false;
    double grad_clip = 0;       // global norm, 0 = off
    int crops_per_image = 1;    // rows of one image, kept in one micro-batch
    int64_t micro_batch = 0;    // crops per micro-batch on this process; 0 = the whole slice
    double temperature = 1;     // kd
};

// The step's loss and counts, added up over the ranks.
struct StepResult {
    double loss = 0;  // mean over the step's crops on all ranks
    StepTotals totals;
    int micro_batches = 0;
};

// The micro-batches' row ranges [begin, end) of a slice of `rows` rows: whole images of
// `cropsPerImage` rows each, at most `microBatch` rows (at least one image) per part.
std::vector<std::pair<int64_t, int64_t>> microBatchRanges(int64_t rows, int cropsPerImage, int64_t microBatch);

class TrainingStep {
public:
    TrainingStep(Classifier& model, ScheduledOptimizer& optimizer, ModelEma* ema, DataParallel& parallel,
                 TrainingStepOptions options, const Teacher* teacher = nullptr);

    // Trains on `batch` at learning rate `lr`. A non-finite loss on any rank throws
    // Error before the weights change (naming a damaged label store where the stored
    // labels are not finite; `labelsPath` names it).
    StepResult run(const Batch& batch, double lr, int64_t stepNumber, const std::string& labelsPath);

private:
    torch::Tensor loss(const torch::Tensor& images, const torch::Tensor& logits, const torch::Tensor& labels,
                       const torch::Tensor& targets) const;

    Classifier& model_;
    ScheduledOptimizer& optimizer_;
    ModelEma* ema_;
    DataParallel& parallel_;
    TrainingStepOptions options_;
    const Teacher* teacher_;
};

}  // namespace ferkd
