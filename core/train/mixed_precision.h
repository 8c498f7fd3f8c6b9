#pragma once
// bf16 autocast, as torch.autocast(device, dtype=torch.bfloat16) in Python: while a
// scope is alive, matrix multiplications and convolutions on `device` run in bf16 and
// precision-sensitive operations (softmax, losses, norms) stay in fp32; the weights,
// gradients and optimiser stay fp32, so no loss scaling is needed (bf16 keeps fp32's
// exponent range). Thread-local, like PyTorch's autocast state.
#include <torch/torch.h>

#include <string>

namespace ferkd {

// "fp32" or "bf16" (config field runtime.precision).
bool usesBf16(const std::string& precision);

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
