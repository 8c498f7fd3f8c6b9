#pragma once
// How much memory tensors take while a piece of work runs, measured where LibTorch
// allocates it: on the CPU through a counting allocator put in front of LibTorch's CPU
// allocator for the meter's life (only the allocations of the thread that made the meter
// count, so another run training in the same process is not measured); on CUDA through
// the caching allocator's peak statistics. Used by the memory plan (train/memory_plan.h).
#include <torch/torch.h>

#include <cstdint>
#include <memory>

namespace ferkd {

class PeakMemoryMeter {
public:
    explicit PeakMemoryMeter(torch::Device device);
    ~PeakMemoryMeter();
    PeakMemoryMeter(const PeakMemoryMeter&) = delete;
    PeakMemoryMeter& operator=(const PeakMemoryMeter&) = delete;

    // The most bytes of tensors made since the meter started that were alive at once.
    int64_t peakBytes() const;

    struct Counter;

private:
    torch::Device device_;
    std::shared_ptr<Counter> counter_;
    int64_t cudaStart_ = 0;
};

// This process's resident memory (VmRSS) and the machine's available memory
// (MemAvailable), in bytes; 0 where /proc does not say.
int64_t residentBytes();
int64_t availableMemoryBytes();

// The peak of this process's resident memory (VmHWM), and setting it back to the resident
// memory now (false where /proc/self/clear_refs cannot be written).
int64_t residentPeakBytes();
bool resetResidentPeak();

// A CUDA device's free and total memory; {0, 0} without CUDA.
std::pair<int64_t, int64_t> cudaMemoryInfo(int deviceIndex);

}  // namespace ferkd
