#include "train/data_parallel.h"

namespace ferkd {

int64_t agreeOnRun(ProcessGroup* group, const std::function<int64_t()>& choose) {
    if (!group) return choose();
    return std::stoll(group->shareFromLeader("run", [&] { return std::to_string(choose()); }));
}

void DataParallel::start(torch::nn::Module& model, torch::nn::Module* shadow) {
    if (!group_) return;
    broadcastModuleState(*group_, model);
    if (shadow) broadcastModuleState(*group_, *shadow);
    gradients_ = std::make_unique<GradientAverager>(*group_, model.parameters());
    hasBuffers_ = !model.buffers().empty();
}

void DataParallel::beforeForward(torch::nn::Module& model) {
    if (group_ && hasBuffers_) broadcastBuffers(*group_, model);
}

void DataParallel::averageGradients() {
    if (gradients_) gradients_->average();
}

StepTotals DataParallel::reduce(StepTotals local) {
    if (!group_) return local;
    std::vector<torch::Tensor> t{torch::tensor({local.loss_sum, local.correct, local.seen}, torch::kDouble)};
    group_->allReduceSum(t);
    auto v = t[0].accessor<double, 1>();
    return {v[0], v[1], v[2]};
}

std::pair<int64_t, int64_t> DataParallel::evaluationRange(int64_t n) const {
    return {n * rank() / size(), n * (rank() + 1) / size()};
}

EvalResult DataParallel::reduce(EvalResult local) {
    if (!group_) return local;
    std::vector<torch::Tensor> t{torch::tensor({local.loss_sum, double(local.top1_hits), double(local.top5_hits),
                                                double(local.images)}, torch::kDouble)};
    std::vector<torch::Tensor> confusion{torch::tensor(local.confusion, torch::kInt64)};
    group_->allReduceSum(t);
    group_->allReduceSum(confusion);
    auto v = t[0].accessor<double, 1>();
    EvalResult total;
    total.loss_sum = v[0];
    total.top1_hits = static_cast<int64_t>(v[1]);
    total.top5_hits = static_cast<int64_t>(v[2]);
    total.images = static_cast<int64_t>(v[3]);
    total.confusion.assign(confusion[0].data_ptr<int64_t>(), confusion[0].data_ptr<int64_t>() + confusion[0].numel());
    finishEvalResult(total);
    return total;
}

}  // namespace ferkd
