#pragma once
// Vision Transformer with timm's module names (vit_tiny/small/base_patch16_224 and
// EVA's eva_giant_patch14_336), so state_dict keys and shapes match timm; pre-norm
// blocks, stochastic depth decaying linearly over depth. Two timm variants: ViT
// (fused qkv bias, class-token pooling, final `norm`) and EVA (separate q and v biases,
// no k bias, average pooling of the patch tokens, `fc_norm`).
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
    TORCH_ARG(int64_t, mlp_hidden) = 0;  // overrides mlp_ratio when set (EVA-g: 6144)
    TORCH_ARG(double, drop_path_rate) = 0.0;
    TORCH_ARG(bool, eva) = false;        // EVA: q/v biases, average pool + fc_norm
};

class VisionTransformer : public Classifier {
public:
    std::vector<std::string> headNames() const override { return {"head.weight", "head.bias"}; }
    std::string positionEmbeddingName() const override { return "pos_embed"; }
    explicit VisionTransformer(const VisionTransformerOptions& options);
    torch::Tensor forward(torch::Tensor x) override;
    // Tokens and patch embedding 0, block i is i + 1, final norm and head depth + 1.
    int numLayers() const override { return int(options_.depth()) + 1; }
    int layerId(const std::string& name) const override;
    const VisionTransformerOptions& options() const { return options_; }

private:
    VisionTransformerOptions options_;
    torch::nn::Conv2d patch_proj{nullptr};  // registered as patch_embed.proj
    torch::Tensor cls_token, pos_embed;
    torch::nn::Sequential blocks{nullptr};
    torch::nn::LayerNorm norm{nullptr}, fc_norm{nullptr};
    torch::nn::Linear head{nullptr};
};

}  // namespace ferkd
