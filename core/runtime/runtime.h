#pragma once
// Where training runs: intra-op threads (Debian's LibTorch starts with one) and device.
#include <torch/torch.h>

#include <string>

namespace ferkd {

// Sets LibTorch's intra-op threads; 0 = all cores. Returns the count in force.
int configureThreads(int requested);

// "auto" picks CUDA when present. Throws ConfigError for "cuda" without a GPU. The GPU
// is number `localRank` (modulo the count): each process of a run on its own GPU.
torch::Device resolveDevice(const std::string& requested, int localRank = 0);

std::string describeDevice(const torch::Device& device);

// Threads that build batches (runtime.data_workers; 0 = auto): on a GPU every core but
// two (the training thread and the system), on a CPU the cores the `computeThreads`
// intra-op threads leave free; at least 1.
int dataWorkers(int requested, const torch::Device& device, int computeThreads);

// Puts every 4-d parameter and buffer of `module` in `format` (torch.nn.Module.to(memory_format=...)).
void setMemoryFormat(torch::nn::Module& module, torch::MemoryFormat format);

}  // namespace ferkd
