#include "runtime/mixed_precision.h"

#include <ATen/autocast_mode.h>

#include <fstream>
#include <sstream>

#include "util/autocast_state.h"

// The compute capability needs the CUDA runtime's headers, which only a CUDA build of
// LibTorch brings (Debian's is CPU-only).
#if __has_include(<ATen/cuda/CUDAContext.h>) && __has_include(<cuda_runtime_api.h>)
#include <ATen/cuda/CUDAContext.h>
#define FERKD_CUDA_PROPERTIES 1
#endif

namespace ferkd {
namespace {

// The compute capability of a CUDA device as major * 10 + minor; 0 when unknown.
int cudaCapability(const torch::Device& device) {
#ifdef FERKD_CUDA_PROPERTIES
    const cudaDeviceProp* p = at::cuda::getDeviceProperties(device.has_index() ? device.index() : c10::DeviceIndex(0));
    return p ? p->major * 10 + p->minor : 0;
#else
    (void)device;
    return 0;
#endif
}

}  // namespace

bool usesBf16(const std::string& precision) { return precision == "bf16"; }

bool cpuFlagsHaveFastBf16(const std::string& flags) {
    std::istringstream words(flags);
    for (std::string w; words >> w;)
        if (w == "avx512_bf16" || w == "amx_bf16") return true;
    return false;
}

std::string readCpuFlags() {
    std::ifstream in("/proc/cpuinfo");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("flags", 0) == 0) {
            const auto colon = line.find(':');
            return colon == std::string::npos ? std::string() : line.substr(colon + 1);
        }
    return {};
}

PrecisionChoice choosePrecision(const std::string& requested, torch::Device device, const std::string& cpuFlags) {
    if (requested != "auto") return {requested, "as configured"};
    if (device.is_cuda()) {
        const int cc = cudaCapability(device);
        if (cc >= 80) return {"bf16", "auto: the GPU (compute capability " + std::to_string(cc / 10) + "." +
                                          std::to_string(cc % 10) + ") computes in bf16"};
        return {"fp32", cc > 0 ? "auto: the GPU's compute capability " + std::to_string(cc / 10) + "." +
                                     std::to_string(cc % 10) + " has no fast bf16 (8.0 does)"
                               : "auto: this build cannot read the GPU's compute capability"};
    }
    if (cpuFlagsHaveFastBf16(cpuFlags)) return {"bf16", "auto: the CPU has avx512_bf16/amx_bf16"};
    return {"fp32", "auto: the CPU has neither avx512_bf16 nor amx_bf16, so bf16 would be emulated and slower"};
}

PrecisionChoice choosePrecision(const std::string& requested, torch::Device device) {
    static const std::string flags = readCpuFlags();
    return choosePrecision(requested, device, flags);
}

AutocastScope::AutocastScope(torch::Device device, bool bf16) : type_(device.type()) {
    if (!bf16) return;
    active_ = true;
    wasEnabled_ = autocastEnabled(type_);
    previousType_ = autocastDtype(type_);
    setAutocastDtype(type_, at::kBFloat16);
    setAutocastEnabled(type_, true);
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope() {
    if (!active_) return;
    // Leaving the outermost scope drops the bf16 copies of the weights it cached.
    if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
    setAutocastEnabled(type_, wasEnabled_);
    setAutocastDtype(type_, previousType_);
}

}  // namespace ferkd
