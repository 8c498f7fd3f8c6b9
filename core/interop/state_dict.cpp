#include "interop/state_dict.h"

namespace ferkd {

const torch::Tensor* StateDict::find(const std::string& name) const {
    for (const auto& [n, t] : entries)
        if (n == name) return &t;
    return nullptr;
}

StateDict stateDictOf(const torch::nn::Module& module) {
    StateDict sd;
    // Parameters then buffers per module, as Python's state_dict() orders them.
    for (const auto& item : module.named_parameters(true)) sd.add(item.key(), item.value());
    for (const auto& item : module.named_buffers(true)) sd.add(item.key(), item.value());
    return sd;
}

}  // namespace ferkd
