#pragma once
// Activation checkpointing (torch.utils.checkpoint, reentrant form): the forward pass of
// a block keeps only its input; the backward pass runs the block again, with autograd
// on, and back-propagates through that. Activation memory falls to one block's worth
// plus the blocks' inputs, for about one more forward pass of compute.
//
// The recomputation replays the random number generator state the first pass saw, so
// drop path drops the same rows and the gradients are the ones without checkpointing;
// autocast is replayed as it was. Batch norm's running averages see the block twice,
// as in PyTorch.
#include <torch/torch.h>

#include <functional>

namespace ferkd {

using BlockFunction = std::function<torch::Tensor(const torch::Tensor&)>;

// `block(input)`, its activations recomputed in the backward pass. Without autograd
// (evaluation) or when `input` needs no gradient, it is just `block(input)`.
torch::Tensor checkpointed(const BlockFunction& block, const torch::Tensor& input);

}  // namespace ferkd
