#pragma once
// The interface the training loop sees: an image classifier that is a torch Module.
#include <torch/torch.h>

#include "models/activation_checkpoint.h"

namespace ferkd {

class Classifier : public torch::nn::Module {
public:
    // images: [B, C, H, W] float; returns logits [B, num_classes].
    virtual torch::Tensor forward(torch::Tensor images) = 0;
    // Parameters that get no weight decay (norms, biases, position/class tokens).
    // Depth of the network for layer-wise learning-rate decay: the stem is layer 0, the
    // head numLayers(). 0 means the model has no such layering.
    virtual int numLayers() const { return 0; }
    virtual int layerId(const std::string& /*paramName*/) const { return 0; }
    // The classification head's parameters (replaced when finetuning to a new class count).
    virtual std::vector<std::string> headNames() const = 0;
    // Patch-grid position embeddings resized when weights for another input size are
    // loaded: the name, or empty for models without them.
    virtual std::string positionEmbeddingName() const { return {}; }
    virtual bool isNoDecay(const std::string& name, const torch::Tensor& param) const {
        return param.dim() <= 1 || name.find("pos_embed") != std::string::npos ||
               name.find("cls_token") != std::string::npos;
    }

    // Activation checkpointing of the transformer blocks (ViT, EVA) or stages (ResNet,
    // RegNet) while training, as timm's set_grad_checkpointing (model.grad_checkpointing).
    void setGradCheckpointing(bool on) { gradCheckpointing_ = on; }
    bool gradCheckpointing() const { return gradCheckpointing_; }

protected:
    // One block or stage of the forward pass, checkpointed when that is on and the model trains.
    torch::Tensor runBlock(const BlockFunction& block, const torch::Tensor& x) {
        return gradCheckpointing_ && is_training() ? checkpointed(block, x) : block(x);
    }

private:
    bool gradCheckpointing_ = false;
};

int64_t countParameters(const torch::nn::Module& module);

// For names like "<prefix>.<index>.rest": the index, else -1.
int indexAfter(const std::string& name, const std::string& prefix);

}  // namespace ferkd
