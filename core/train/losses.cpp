#include "train/losses.h"

namespace ferkd {

torch::Tensor softCrossEntropy(const torch::Tensor& logits, const torch::Tensor& targets, double temperature) {
    const auto logProbs = torch::log_softmax(logits.to(torch::kFloat) / temperature, 1);
    return -(targets * logProbs).sum(1).mean() * (temperature * temperature);
}

}  // namespace ferkd
