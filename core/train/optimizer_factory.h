#pragma once
// Builds the optimiser's parameter groups: weight decay on weights, none on norms,
// biases and tokens (timm's param_groups_weight_decay), and with optim.layer_decay < 1
// a learning-rate scale per depth, decay^(layers - layer) (timm's layer decay, used by
// Table 2's finetuning).
#include <torch/torch.h>

#include "config/run_config.h"
#include "models/classifier.h"

namespace ferkd {

struct ScheduledOptimizer {
    std::unique_ptr<torch::optim::Optimizer> impl;
    std::vector<double> lr_scale;  // one per parameter group
};

ScheduledOptimizer createOptimizer(Classifier& model, const OptimConfig& config);
// Sets every group's learning rate to lr times its scale.
void setLearningRate(ScheduledOptimizer& optimizer, double lr);

}  // namespace ferkd
