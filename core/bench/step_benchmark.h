#pragma once
// The FerKD training step alone, data ready: a batch of crops and their soft labels
// already in memory, the model's forward, the soft cross-entropy, backward, the AdamW
// update and the loss read back, as the trainer does each step. What `ferkd bench
// step` times against bench/python/step_peer.py doing the same in PyTorch.
#include <string>
#include <vector>

namespace ferkd {

struct StepBenchOptions {
    std::string arch = "resnet18";
    int input_size = 112;
    int in_chans = 3;
    int num_classes = 100;
    int batch = 32;  // crops per step (images x crops per image)
    int steps = 20;  // timed
    int warmup = 3;  // untimed, first
    int threads = 0; // 0: all cores
    bool channels_last = true;
    std::string device = "cpu";
    std::string precision = "fp32";  // or bf16 (autocast)
    bool grad_checkpointing = false;  // recompute block activations in backward (model.grad_checkpointing)
    int micro_batch = 0;  // crops per forward and backward pass, gradients added up (0 = the whole batch)
};

struct BenchTiming {
    std::vector<double> seconds;  // each timed repetition
    double median() const;
};

// Where a step's time goes: medians of forward + loss, backward, optimiser update (on
// CUDA the device is synchronised between them, so each phase is its own). With
// micro-batches, forward and backward are each the sum over the step's passes.
struct StepBreakdown {
    BenchTiming step, forward, backward, update;
    std::vector<double> losses;  // every step's loss, warm-up included: the same on any device
    // The most bytes of tensors alive at once, from before the model was made to the last
    // step: weights, gradients, optimiser state, the batch and one micro-batch's activations
    // (util/peak_memory.h; on CUDA torch.cuda.max_memory_allocated's figure).
    int64_t peak_bytes = 0;
};

StepBreakdown benchmarkTrainingStep(const StepBenchOptions& options);

}  // namespace ferkd
