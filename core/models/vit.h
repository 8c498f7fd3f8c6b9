#pragma once
// Vision Transformer with timm's module names (vit_tiny/small/base_patch16_224), so
// state_dict keys and shapes match timm; class-token pooling, pre-norm blocks,
// stochastic depth decaying linearly over depth.
#include "models/classifier.h"

namespace ferkd {

struct VisionTransformerOptions {
    TORCH_ARG(int64_t, img_size) = 224;
    TORCH_ARG(int64_t, patch_size) = 16;
    TORCH_ARG(int64_t, in_chans) = 3;
    TORCH_ARG(int64_t, num_classes) = 1000;
    TORCH_ARG(int64_t, embed_dim) = 384;
    TORCH_ARG(int64_t, depth) = 12;
    TORCH_ARG(int64_t, num_heads) = 6;
    TORCH_ARG(double, mlp_ratio) = 4.0;
    TORCH_ARG(double, drop_path_rate) = 0.0;
};

class VisionTransformer : public Classifier {
public:
    explicit VisionTransformer(const VisionTransformerOptions& options);
    torch::Tensor forward(torch::Tensor x) override;
    const VisionTransformerOptions& options() const { return options_; }

private:
    VisionTransformerOptions options_;
    torch::nn::Conv2d patch_proj{nullptr};  // registered as patch_embed.proj
    torch::Tensor cls_token, pos_embed;
    torch::nn::Sequential blocks{nullptr};
    torch::nn::LayerNorm norm{nullptr};
    torch::nn::Linear head{nullptr};
};

}  // namespace ferkd
