#include "models/vit.h"

#include <cmath>

namespace ferkd {
namespace nn = torch::nn;

namespace {

nn::LayerNorm layerNorm(int64_t dim) { return nn::LayerNorm(nn::LayerNormOptions({dim}).eps(1e-6)); }

// Drops the whole residual branch per sample with probability p, scaling survivors.
torch::Tensor dropPath(const torch::Tensor& x, double p, bool training) {
    if (p <= 0.0 || !training) return x;
    double keep = 1.0 - p;
    std::vector<int64_t> shape(x.dim(), 1);
    shape[0] = x.size(0);
    auto mask = torch::empty(shape, x.options()).bernoulli_(keep);
    return x * mask.div_(keep);
}

struct AttentionImpl : nn::Module {
    AttentionImpl(int64_t dim, int64_t heads, bool qvBias)
        : num_heads(heads), scale(1.0 / std::sqrt(double(dim / heads))),
          qkv(register_module("qkv", nn::Linear(nn::LinearOptions(dim, dim * 3).bias(!qvBias)))),
          proj(register_module("proj", nn::Linear(dim, dim))) {
        if (qvBias) {  // EVA: learnt q and v biases, none for k
            q_bias = register_parameter("q_bias", torch::zeros({dim}));
            v_bias = register_parameter("v_bias", torch::zeros({dim}));
        }
    }
    torch::Tensor forward(torch::Tensor x) {
        auto B = x.size(0), N = x.size(1), C = x.size(2);
        auto projected = q_bias.defined()
                             ? torch::nn::functional::linear(x, qkv->weight, torch::cat({q_bias, torch::zeros_like(q_bias), v_bias}))
                             : qkv(x);
        auto parts = projected.reshape({B, N, 3, num_heads, C / num_heads}).permute({2, 0, 3, 1, 4});
        auto q = parts[0], k = parts[1], v = parts[2];
        auto attn = torch::softmax(torch::matmul(q * scale, k.transpose(-2, -1)), -1);
        auto out = torch::matmul(attn, v).transpose(1, 2).reshape({B, N, C});
        return proj(out);
    }
    int64_t num_heads;
    double scale;
    nn::Linear qkv, proj;
    torch::Tensor q_bias, v_bias;
};
TORCH_MODULE(Attention);

struct MlpImpl : nn::Module {
    MlpImpl(int64_t dim, int64_t hidden)
        : fc1(register_module("fc1", nn::Linear(dim, hidden))),
          fc2(register_module("fc2", nn::Linear(hidden, dim))) {}
    torch::Tensor forward(torch::Tensor x) { return fc2(torch::gelu(fc1(x))); }
    nn::Linear fc1, fc2;
};
TORCH_MODULE(Mlp);

struct BlockImpl : nn::Module {
    BlockImpl(int64_t dim, int64_t heads, int64_t hidden, bool qvBias, double drop_path_)
        : norm1(register_module("norm1", layerNorm(dim))),
          attn(register_module("attn", Attention(dim, heads, qvBias))),
          norm2(register_module("norm2", layerNorm(dim))),
          mlp(register_module("mlp", Mlp(dim, hidden))),
          drop_path(drop_path_) {}
    torch::Tensor forward(torch::Tensor x) {
        x = x + dropPath(attn(norm1(x)), drop_path, is_training());
        return x + dropPath(mlp(norm2(x)), drop_path, is_training());
    }
    nn::LayerNorm norm1, norm2;
    Attention attn;
    Mlp mlp;
    double drop_path;
};
TORCH_MODULE(Block);

}  // namespace

VisionTransformer::VisionTransformer(const VisionTransformerOptions& o) : options_(o) {
    TORCH_CHECK(o.img_size() % o.patch_size() == 0, "ViT: image size ", o.img_size(),
                " is not a multiple of the patch size ", o.patch_size());
    const int64_t D = o.embed_dim();
    const int64_t grid = o.img_size() / o.patch_size();
    auto patch_embed = register_module("patch_embed", std::make_shared<nn::Module>());
    patch_proj = patch_embed->register_module(
        "proj", nn::Conv2d(nn::Conv2dOptions(o.in_chans(), D, o.patch_size()).stride(o.patch_size())));
    cls_token = register_parameter("cls_token", torch::zeros({1, 1, D}));
    pos_embed = register_parameter("pos_embed", torch::zeros({1, grid * grid + 1, D}));
    blocks = nn::Sequential();
    const int64_t hidden = o.mlp_hidden() > 0 ? o.mlp_hidden() : int64_t(double(D) * o.mlp_ratio());
    for (int64_t i = 0; i < o.depth(); ++i) {
        double dp = o.depth() > 1 ? o.drop_path_rate() * double(i) / double(o.depth() - 1) : o.drop_path_rate();
        blocks->push_back(Block(D, o.num_heads(), hidden, o.eva(), dp));
    }
    register_module("blocks", blocks);
    if (o.eva())
        fc_norm = register_module("fc_norm", layerNorm(D));
    else
        norm = register_module("norm", layerNorm(D));
    head = register_module("head", nn::Linear(D, o.num_classes()));

    // timm's init: truncated normal std 0.02 for tokens and linear weights, zero biases.
    torch::NoGradGuard guard;
    auto trunc = [](torch::Tensor t) { t.normal_(0, 0.02).clamp_(-0.04, 0.04); };
    trunc(pos_embed);
    cls_token.normal_(0, 1e-6);
    for (auto& m : modules(false)) {
        if (auto* lin = m->as<nn::Linear>()) {
            trunc(lin->weight);
            if (lin->bias.defined()) lin->bias.zero_();
        }
    }
}

int VisionTransformer::layerId(const std::string& name) const {
    if (name == "cls_token" || name == "pos_embed" || name.rfind("patch_embed.", 0) == 0) return 0;
    int block = indexAfter(name, "blocks.");
    return block >= 0 ? block + 1 : numLayers();
}

torch::Tensor VisionTransformer::forward(torch::Tensor x) {
    x = patch_proj(x).flatten(2).transpose(1, 2);  // [B, N, D]
    x = torch::cat({cls_token.expand({x.size(0), -1, -1}), x}, 1) + pos_embed;
    for (size_t i = 0; i < blocks->size(); ++i) {
        auto* block = blocks->ptr(i)->as<BlockImpl>();
        x = runBlock([block](const torch::Tensor& in) { return block->forward(in); }, x);
    }
    if (options_.eva()) return head(fc_norm(x.narrow(1, 1, x.size(1) - 1).mean(1)));
    return head(norm(x).select(1, 0));
}

}  // namespace ferkd
