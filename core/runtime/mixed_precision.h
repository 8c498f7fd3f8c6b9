#pragma once
// bf16 autocast, as torch.autocast(device, dtype=torch.bfloat16) in Python: while a
// scope is alive, matrix multiplications and convolutions on `device` run in bf16 and
// precision-sensitive operations (softmax, losses, norms) stay in fp32; the weights,
// gradients and optimiser stay fp32, so no loss scaling is needed (bf16 keeps fp32's
// exponent range). Thread-local, like PyTorch's autocast state.
#include <torch/torch.h>

#include <string>

namespace ferkd {

// "bf16" (a precision that choosePrecision resolved; "auto" is not one).
bool usesBf16(const std::string& precision);

// What runtime.precision = auto | fp32 | bf16 means on a device: the precision in force
// and, for the run's events, why.
struct PrecisionChoice {
    std::string precision;  // fp32 | bf16
    std::string reason;
};

// True when a CPU flags line (/proc/cpuinfo's "flags") names a bf16 instruction set:
// avx512_bf16 or amx_bf16. Without them LibTorch emulates bf16 and it is slower than fp32.
bool cpuFlagsHaveFastBf16(const std::string& flags);

// The "flags" line of /proc/cpuinfo; empty where there is none.
std::string readCpuFlags();

// auto picks bf16 on CUDA devices of compute capability 8.0 or newer and on CPUs whose
// `cpuFlags` pass cpuFlagsHaveFastBf16, fp32 elsewhere; fp32 and bf16 are kept as asked.
PrecisionChoice choosePrecision(const std::string& requested, torch::Device device, const std::string& cpuFlags);
PrecisionChoice choosePrecision(const std::string& requested, torch::Device device);  // this machine's flags

class AutocastScope {
public:
    AutocastScope(torch::Device device, bool bf16);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    torch::DeviceType type_;
    bool active_ = false, wasEnabled_ = false;
    at::ScalarType previousType_ = at::kFloat;
};

}  // namespace ferkd
