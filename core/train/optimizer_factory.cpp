#include "train/optimizer_factory.h"

#include <cmath>
#include <map>

#include "util/error.h"

namespace ferkd {

ScheduledOptimizer createOptimizer(Classifier& model, const OptimConfig& c) {
    if (c.name != "adamw" && c.name != "sgd")
        throw ConfigError("optim.name", "'" + c.name + "' is not an optimiser; expected adamw or sgd");
    const bool layered = c.layer_decay > 0 && c.layer_decay < 1 && model.numLayers() > 0;
    // (layer, decays?) -> parameters; layer 0 for all when no layer decay.
    std::map<std::pair<int, bool>, std::vector<torch::Tensor>> groups;
    for (const auto& item : model.named_parameters()) {
        if (!item.value().requires_grad()) continue;
        const int layer = layered ? model.layerId(item.key()) : 0;
        groups[{layer, !model.isNoDecay(item.key(), item.value())}].push_back(item.value());
    }
    ScheduledOptimizer out;
    std::vector<torch::optim::OptimizerParamGroup> paramGroups;
    for (auto& [key, params] : groups) {
        const double wd = key.second ? c.weight_decay : 0.0;
        std::unique_ptr<torch::optim::OptimizerOptions> options;
        if (c.name == "adamw")
            options = std::make_unique<torch::optim::AdamWOptions>(
                torch::optim::AdamWOptions(c.lr).betas({c.beta1, c.beta2}).eps(c.eps).weight_decay(wd));
        else
            options = std::make_unique<torch::optim::SGDOptions>(
                torch::optim::SGDOptions(c.lr).momentum(c.beta1).nesterov(c.beta1 > 0).weight_decay(wd));
        paramGroups.emplace_back(std::move(params), std::move(options));
        out.lr_scale.push_back(layered ? std::pow(c.layer_decay, model.numLayers() - key.first) : 1.0);
    }
    if (c.name == "adamw")
        out.impl = std::make_unique<torch::optim::AdamW>(std::move(paramGroups), torch::optim::AdamWOptions(c.lr));
    else
        out.impl = std::make_unique<torch::optim::SGD>(std::move(paramGroups), torch::optim::SGDOptions(c.lr));
    return out;
}

void setLearningRate(ScheduledOptimizer& optimizer, double lr) {
    auto& groups = optimizer.impl->param_groups();
    for (size_t i = 0; i < groups.size(); ++i) groups[i].options().set_lr(lr * optimizer.lr_scale[i]);
}

}  // namespace ferkd
