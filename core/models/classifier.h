#pragma once
// The interface the training loop sees: an image classifier that is a torch Module.
#include <torch/torch.h>

namespace ferkd {

class Classifier : public torch::nn::Module {
public:
    // images: [B, C, H, W] float; returns logits [B, num_classes].
    virtual torch::Tensor forward(torch::Tensor images) = 0;
    // Parameters that get no weight decay (norms, biases, position/class tokens).
    virtual bool isNoDecay(const std::string& name, const torch::Tensor& param) const {
        return param.dim() <= 1 || name.find("pos_embed") != std::string::npos ||
               name.find("cls_token") != std::string::npos;
    }
};

int64_t countParameters(const torch::nn::Module& module);

}  // namespace ferkd
