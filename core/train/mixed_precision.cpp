#include "train/mixed_precision.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

namespace ferkd {
namespace {

// LibTorch 2.4 replaced the per-device setters by ones taking the device type.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
bool enabled(torch::DeviceType t) { return at::autocast::is_autocast_enabled(t); }
void setEnabled(torch::DeviceType t, bool on) { at::autocast::set_autocast_enabled(t, on); }
at::ScalarType dtype(torch::DeviceType t) { return at::autocast::get_autocast_dtype(t); }
void setDtype(torch::DeviceType t, at::ScalarType s) { at::autocast::set_autocast_dtype(t, s); }
#else
bool enabled(torch::DeviceType t) { return t == torch::kCUDA ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled(); }
void setEnabled(torch::DeviceType t, bool on) {
    if (t == torch::kCUDA) at::autocast::set_enabled(on);
    else at::autocast::set_cpu_enabled(on);
}
at::ScalarType dtype(torch::DeviceType t) {
    return t == torch::kCUDA ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype();
}
void setDtype(torch::DeviceType t, at::ScalarType s) {
    if (t == torch::kCUDA) at::autocast::set_autocast_gpu_dtype(s);
    else at::autocast::set_autocast_cpu_dtype(s);
}
#endif

}  // namespace

bool usesBf16(const std::string& precision) { return precision == "bf16"; }

AutocastScope::AutocastScope(torch::Device device, bool bf16) : type_(device.type()) {
    if (!bf16) return;
    active_ = true;
    wasEnabled_ = enabled(type_);
    previousType_ = dtype(type_);
    setDtype(type_, at::kBFloat16);
    setEnabled(type_, true);
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope() {
    if (!active_) return;
    // Leaving the outermost scope drops the bf16 copies of the weights it cached.
    if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
    setEnabled(type_, wasEnabled_);
    setDtype(type_, previousType_);
}

}  // namespace ferkd
