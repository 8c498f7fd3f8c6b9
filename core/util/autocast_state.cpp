#include "util/autocast_state.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

namespace ferkd {

// LibTorch 2.4 replaced the per-device setters by ones taking the device type.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
bool autocastEnabled(torch::DeviceType t) { return at::autocast::is_autocast_enabled(t); }
void setAutocastEnabled(torch::DeviceType t, bool on) { at::autocast::set_autocast_enabled(t, on); }
at::ScalarType autocastDtype(torch::DeviceType t) { return at::autocast::get_autocast_dtype(t); }
void setAutocastDtype(torch::DeviceType t, at::ScalarType s) { at::autocast::set_autocast_dtype(t, s); }
#else
bool autocastEnabled(torch::DeviceType t) {
    return t == torch::kCUDA ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
}
void setAutocastEnabled(torch::DeviceType t, bool on) {
    if (t == torch::kCUDA) at::autocast::set_enabled(on);
    else at::autocast::set_cpu_enabled(on);
}
at::ScalarType autocastDtype(torch::DeviceType t) {
    return t == torch::kCUDA ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype();
}
void setAutocastDtype(torch::DeviceType t, at::ScalarType s) {
    if (t == torch::kCUDA) at::autocast::set_autocast_gpu_dtype(s);
    else at::autocast::set_autocast_cpu_dtype(s);
}
#endif

AutocastSnapshot AutocastSnapshot::current() {
    AutocastSnapshot s;
    s.cpu = autocastEnabled(torch::kCPU);
    s.cuda = autocastEnabled(torch::kCUDA);
    s.cpuType = autocastDtype(torch::kCPU);
    s.cudaType = autocastDtype(torch::kCUDA);
    return s;
}

void AutocastSnapshot::restore() const {
    setAutocastEnabled(torch::kCPU, cpu);
    setAutocastEnabled(torch::kCUDA, cuda);
    setAutocastDtype(torch::kCPU, cpuType);
    setAutocastDtype(torch::kCUDA, cudaType);
}

}  // namespace ferkd
