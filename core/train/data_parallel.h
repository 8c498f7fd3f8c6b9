#pragma once
// What the training loop does differently when it is one rank of several: the model
// starts from rank 0's state, gradients are averaged, batch norm buffers follow rank 0,
// step totals and the test evaluation are added up over ranks, and decisions (stop)
// are taken together. Without a process group every call is the single-process identity.
#include <functional>
#include <memory>

#include "batch/batch_builder.h"
#include "dist/gradient_sync.h"
#include "dist/process_group.h"
#include "train/evaluator.h"

namespace ferkd {

// One step's totals over the ranks' slices.
struct StepTotals {
    double loss_sum = 0, correct = 0, seen = 0;
    double meanLoss() const { return seen > 0 ? loss_sum / seen : 0; }
};

// Rank 0 picks the run to train (creates or finds it) and every rank learns its id;
// 0 means there is nothing to train. Alone, just `choose()`.
int64_t agreeOnRun(ProcessGroup* group, const std::function<int64_t()>& choose);

class DataParallel {
public:
    explicit DataParallel(ProcessGroup* group) : group_(group) {}

    bool distributed() const { return group_ != nullptr; }
    bool leader() const { return !group_ || group_->leader(); }
    int rank() const { return group_ ? group_->rank() : 0; }
    int size() const { return group_ ? group_->size() : 1; }
    DataShard shard() const { return {rank(), size()}; }

    // After the weights are loaded (fresh or from the checkpoint): rank 0's state
    // everywhere, the EMA's `shadow` too.
    void start(torch::nn::Module& model, torch::nn::Module* shadow = nullptr);
    void beforeForward(torch::nn::Module& model);  // rank 0's buffers (batch norm statistics)
    void averageGradients();
    StepTotals reduce(StepTotals local);
    bool any(bool flag) { return group_ ? group_->any(flag) : flag; }
    // This rank's part [begin, end) of a test set of `n` images.
    std::pair<int64_t, int64_t> evaluationRange(int64_t n) const;
    EvalResult reduce(EvalResult local);

private:
    ProcessGroup* group_;
    std::unique_ptr<GradientAverager> gradients_;
    bool hasBuffers_ = false;
};

}  // namespace ferkd
