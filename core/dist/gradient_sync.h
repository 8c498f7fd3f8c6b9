#pragma once
// Data parallelism's two synchronisations, as PyTorch's DistributedDataParallel does
// them: the model's state broadcast from rank 0 (at the start, and its buffers before
// every step so batch norm's running statistics stay rank 0's), and after backward the
// gradients averaged across ranks, bucketed: the gradients are copied into a few flat
// buffers of about `bucketBytes` so a step makes a few large all-reduces, not one per
// tensor. Gradients then match those of one process on the ranks' batches together.
#include <torch/torch.h>

#include <vector>

#include "dist/process_group.h"

namespace ferkd {

class GradientAverager {
public:
    GradientAverager(ProcessGroup& group, std::vector<torch::Tensor> parameters, size_t bucketBytes = 25u << 20);

    // After backward: every trainable parameter's gradient becomes the mean over ranks
    // (a parameter without a gradient on this rank counts as zero).
    void average();
    size_t bucketCount() const { return buckets_.size(); }

private:
    struct Bucket {
        std::vector<size_t> members;  // indices into parameters_
        torch::Tensor flat;
    };
    ProcessGroup& group_;
    std::vector<torch::Tensor> parameters_;
    std::vector<Bucket> buckets_;
};

// Copies rank 0's parameters and buffers into every rank's module.
void broadcastModuleState(ProcessGroup& group, torch::nn::Module& module);
// Copies rank 0's buffers (batch norm statistics) into every rank's module.
void broadcastBuffers(ProcessGroup& group, torch::nn::Module& module);

}  // namespace ferkd
