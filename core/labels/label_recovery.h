#pragma once
// From a stored label back to a distribution over all classes. Marginal smoothing
// (FKD): the top-k probabilities stay, the mass left over is spread evenly over the
// other K - k classes, so every recovered label sums to 1.
#include <torch/torch.h>

#include "labels/soft_label.h"

namespace ferkd {

// The recovered probability of class `cls` for one crop.
float recoveredProbability(const CropLabel& label, LabelType type, int numClasses, int cls);

// Writes one crop's recovered distribution (numClasses floats, summing to 1) to `out`.
void recoverDistribution(const CropLabel& label, LabelType type, int numClasses, float* out);

// [n, K] float: one recovered distribution per crop.
torch::Tensor recoverDistributions(const std::vector<CropLabel>& labels, LabelType type, int numClasses);

}  // namespace ferkd
