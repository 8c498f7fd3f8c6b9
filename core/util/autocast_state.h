#pragma once
// The thread's autocast switches per device type, over LibTorch 1.13 (one setter per
// device) and 2.4+ (setters taking the device type).
#include <torch/torch.h>

namespace ferkd {

bool autocastEnabled(torch::DeviceType type);
void setAutocastEnabled(torch::DeviceType type, bool on);
at::ScalarType autocastDtype(torch::DeviceType type);
void setAutocastDtype(torch::DeviceType type, at::ScalarType dtype);

// Both CPU's and CUDA's switches as they are now, to be put back later.
struct AutocastSnapshot {
    bool cpu = false, cuda = false;
    at::ScalarType cpuType = at::kBFloat16, cudaType = at::kHalf;

    static AutocastSnapshot current();
    void restore() const;
};

}  // namespace ferkd
