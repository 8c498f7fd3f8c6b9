#include "runtime/runtime.h"

#include <thread>

#include "util/error.h"

namespace ferkd {

int configureThreads(int requested) {
    int n = requested > 0 ? requested : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (at::get_num_threads() != n) at::set_num_threads(n);
    return at::get_num_threads();
}

torch::Device resolveDevice(const std::string& requested, int localRank) {
    if (requested == "cpu") return torch::kCPU;
    if (requested == "cuda" && !torch::cuda::is_available())
        throw ConfigError("runtime.device", "'cuda' was asked for but no CUDA device is available; use cpu or auto");
    if (!torch::cuda::is_available()) return torch::kCPU;
    // cuDNN autotuning: the first pass of each input shape tries the algorithms, the
    // fastest is kept (the shapes of a run do not change).
    at::globalContext().setBenchmarkCuDNN(true);
    const int gpus = static_cast<int>(torch::cuda::device_count());
    return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(localRank % std::max(1, gpus)));
}

std::string describeDevice(const torch::Device& device) {
    if (device.is_cuda()) return "cuda:" + std::to_string(device.index()) + " (" + std::to_string(torch::cuda::device_count()) + " GPUs)";
    return "cpu (" + std::to_string(at::get_num_threads()) + " threads)";
}

int dataWorkers(int requested, const torch::Device& device, int computeThreads) {
    if (requested > 0) return requested;
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return std::max(1, device.is_cuda() ? cores - 2 : cores - computeThreads);
}

// clone(format), not contiguous(format): contiguous() keeps a tensor whose size-1
// dimension makes it count as both layouts (a 1-channel stem's [64,1,7,7] weight) with its
// NCHW strides, and oneDNN picks the output layout from the strides, so a Fashion-MNIST
// stem's output came out NCHW: batch norm and max-pool ran on the slow layout and the next
// convolution converted back (22% of a 28-px ResNet-18 forward pass). Python's
// Module.to(memory_format=...) restrides the same way.
void setMemoryFormat(torch::nn::Module& module, torch::MemoryFormat format) {
    torch::NoGradGuard guard;
    for (auto& p : module.parameters())
        if (p.dim() == 4) p.set_data(p.clone(format));
    for (auto& b : module.buffers())
        if (b.dim() == 4) b.set_data(b.clone(format));
}

}  // namespace ferkd
