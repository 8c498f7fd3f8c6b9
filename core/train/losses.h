#pragma once
// The soft cross-entropy every distillation mode trains with: -sum_k t_k log softmax(z / T)_k,
// averaged over the batch and scaled by T^2 (Hinton's correction, so gradients keep their
// size across temperatures). log_softmax keeps it finite for extreme logits.
#include <torch/torch.h>

namespace ferkd {

torch::Tensor softCrossEntropy(const torch::Tensor& logits, const torch::Tensor& targets, double temperature = 1.0);

}  // namespace ferkd
