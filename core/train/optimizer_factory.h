#pragma once
// Builds the optimiser with two parameter groups: weight decay on weights, none on
// norms, biases and tokens (as timm's param_groups_weight_decay does).
#include <torch/torch.h>

#include "config/run_config.h"
#include "models/classifier.h"

namespace ferkd {

std::unique_ptr<torch::optim::Optimizer> createOptimizer(Classifier& model, const OptimConfig& config);
void setLearningRate(torch::optim::Optimizer& optimizer, double lr);

}  // namespace ferkd
