#pragma once
// A state dict as the PyTorch ecosystem exchanges it: parameter and buffer names in
// order, each with its tensor.
#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

namespace ferkd {

struct StateDict {
    std::vector<std::pair<std::string, torch::Tensor>> entries;

    const torch::Tensor* find(const std::string& name) const;
    void add(std::string name, torch::Tensor tensor) { entries.emplace_back(std::move(name), std::move(tensor)); }
    size_t size() const { return entries.size(); }
};

// The named parameters and buffers of `module`, as torch.nn.Module.state_dict() lists them.
StateDict stateDictOf(const torch::nn::Module& module);

}  // namespace ferkd
