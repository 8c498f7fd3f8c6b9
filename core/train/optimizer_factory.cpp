#include "train/optimizer_factory.h"

#include "util/error.h"

namespace ferkd {

std::unique_ptr<torch::optim::Optimizer> createOptimizer(Classifier& model, const OptimConfig& c) {
    std::vector<torch::Tensor> decay, noDecay;
    for (const auto& item : model.named_parameters()) {
        if (!item.value().requires_grad()) continue;
        (model.isNoDecay(item.key(), item.value()) ? noDecay : decay).push_back(item.value());
    }
    if (c.name == "adamw") {
        auto opts = [&](double wd) {
            return std::make_unique<torch::optim::AdamWOptions>(
                torch::optim::AdamWOptions(c.lr).betas({c.beta1, c.beta2}).eps(c.eps).weight_decay(wd));
        };
        std::vector<torch::optim::OptimizerParamGroup> groups;
        groups.emplace_back(decay, opts(c.weight_decay));
        groups.emplace_back(noDecay, opts(0.0));
        return std::make_unique<torch::optim::AdamW>(groups, torch::optim::AdamWOptions(c.lr));
    }
    if (c.name == "sgd") {
        auto opts = [&](double wd) {
            return std::make_unique<torch::optim::SGDOptions>(
                torch::optim::SGDOptions(c.lr).momentum(c.beta1).nesterov(c.beta1 > 0).weight_decay(wd));
        };
        std::vector<torch::optim::OptimizerParamGroup> groups;
        groups.emplace_back(decay, opts(c.weight_decay));
        groups.emplace_back(noDecay, opts(0.0));
        return std::make_unique<torch::optim::SGD>(groups, torch::optim::SGDOptions(c.lr));
    }
    throw ConfigError("optim.name", "'" + c.name + "' is not an optimiser; expected adamw or sgd");
}

void setLearningRate(torch::optim::Optimizer& optimizer, double lr) {
    for (auto& group : optimizer.param_groups()) group.options().set_lr(lr);
}

}  // namespace ferkd
