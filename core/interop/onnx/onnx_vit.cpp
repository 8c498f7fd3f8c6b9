// Vision Transformer (timm's names, ViT and EVA). The class token enters without shape
// arithmetic: the patch tokens are padded with one zero token in front and one
// constant [tokens, dim] is added, position embeddings plus the class token in row 0.
// Attention keeps q, k, v as three projections (1/sqrt(d) folded into q), so every
// tensor stays rank 4 or less.
#include "interop/onnx/onnx_families.h"
#include "interop/onnx/onnx_layers.h"
#include "models/vit.h"
#include "util/error.h"

namespace ferkd::onnx_export {
namespace nn = torch::nn;

namespace {

torch::Tensor parameter(const nn::Module& module, const std::string& name) {
    const auto params = module.named_parameters();
    const torch::Tensor* t = params.find(name);
    if (!t) throw Error("ONNX export: the model has no parameter '" + name + "'");
    return t->detach();
}

std::string attention(OnnxGraph& g, const std::string& x, const ModuleIndex& m, const std::string& path,
                      int64_t tokens, int64_t dim, int64_t heads) {
    const auto& qkv = m.get<nn::LinearImpl>(path + ".qkv");
    const nn::Module& attn = m.module(path);
    // EVA learns q and v biases and none for k; ViT one fused qkv bias.
    torch::Tensor bias = qkv.bias.defined()
                             ? qkv.bias.detach()
                             : torch::cat({parameter(attn, "q_bias"), torch::zeros({dim}), parameter(attn, "v_bias")});
    const int64_t headDim = dim / heads;
    const double scale = 1.0 / std::sqrt(double(headDim));
    const std::string split = g.ints(path + ".heads_shape", {0, tokens, heads, headDim});
    std::string projected[3];
    const char* names[3] = {"q", "k", "v"};
    for (int i = 0; i < 3; ++i) {
        const std::string p = path + "." + names[i];
        const std::string y = linear(g, x, qkv.weight.narrow(0, i * dim, dim), bias.narrow(0, i * dim, dim),
                                     /*rank2=*/false, p, i == 0 ? scale : 1.0);
        // q, v: [B, heads, N, d]; k already transposed to [B, heads, d, N].
        const std::vector<int64_t> perm = i == 1 ? std::vector<int64_t>{0, 2, 3, 1} : std::vector<int64_t>{0, 2, 1, 3};
        projected[i] = g.node("Transpose", {g.node("Reshape", {y, split}, p + ".split")}, p + ".heads", {{"perm", perm}});
    }
    std::string a = g.node("MatMul", {projected[0], projected[1]}, path + ".scores");
    a = g.node("Softmax", {a}, path + ".softmax", {{"axis", int64_t(-1)}});
    std::string out = g.node("MatMul", {a, projected[2]}, path + ".context");
    out = g.node("Transpose", {out}, path + ".merge", {{"perm", std::vector<int64_t>{0, 2, 1, 3}}});
    out = g.node("Reshape", {out, g.ints(path + ".merged_shape", {0, tokens, dim})}, path + ".merged");
    return linear(g, out, m.get<nn::LinearImpl>(path + ".proj"), /*rank2=*/false, path + ".proj");
}

}  // namespace

std::string emitVisionTransformer(const Classifier& model, OnnxGraph& g, const std::string& input, int opset) {
    const auto* vit = dynamic_cast<const VisionTransformer*>(&model);
    if (!vit) throw Error("ONNX export: the model is not a VisionTransformer");
    const auto& o = vit->options();
    const ModuleIndex m(model);
    const int64_t dim = o.embed_dim();
    const int64_t grid = o.img_size() / o.patch_size();
    const int64_t tokens = grid * grid + 1;

    std::string x = convBn(g, input, m.get<nn::Conv2dImpl>("patch_embed.proj"), nullptr, "patch_embed.proj");
    x = g.node("Reshape", {x, g.ints("patch_embed.shape", {0, dim, grid * grid})}, "patch_embed.flatten");
    x = g.node("Transpose", {x}, "patch_embed.tokens", {{"perm", std::vector<int64_t>{0, 2, 1}}});
    x = g.node("Pad", {x, g.ints("cls_slot", {0, 1, 0, 0, 0, 0})}, "cls_slot");
    torch::Tensor embedding = parameter(model, "pos_embed").squeeze(0).clone();  // [tokens, dim]
    embedding[0] += parameter(model, "cls_token").view({dim});
    x = g.node("Add", {x, g.weight("pos_embed_with_cls_token", embedding)}, "pos_embed");

    for (int64_t i = 0; i < o.depth(); ++i) {
        const std::string b = "blocks." + std::to_string(i);
        std::string h = layerNorm(g, x, m.get<nn::LayerNormImpl>(b + ".norm1"), opset, b + ".norm1");
        x = g.node("Add", {x, attention(g, h, m, b + ".attn", tokens, dim, o.num_heads())}, b + ".add1");
        h = layerNorm(g, x, m.get<nn::LayerNormImpl>(b + ".norm2"), opset, b + ".norm2");
        h = gelu(g, linear(g, h, m.get<nn::LinearImpl>(b + ".mlp.fc1"), false, b + ".mlp.fc1"), b + ".mlp.gelu");
        x = g.node("Add", {x, linear(g, h, m.get<nn::LinearImpl>(b + ".mlp.fc2"), false, b + ".mlp.fc2")},
                   b + ".add2");
    }
    std::string pooled;
    if (o.eva()) {  // average of the patch tokens, then fc_norm
        pooled = g.node("Slice", {x, g.ints("patches.start", {1}), g.ints("patches.end", {tokens}),
                                  g.ints("patches.axis", {1})},
                        "patches");
        pooled = g.node("ReduceMean", {pooled}, "pool", {{"axes", std::vector<int64_t>{1}}, {"keepdims", int64_t(0)}});
        pooled = layerNorm(g, pooled, m.get<nn::LayerNormImpl>("fc_norm"), opset, "fc_norm");
    } else {  // the final norm, then the class token
        pooled = layerNorm(g, x, m.get<nn::LayerNormImpl>("norm"), opset, "norm");
        pooled = g.node("Slice", {pooled, g.ints("cls.start", {0}), g.ints("cls.end", {1}), g.ints("cls.axis", {1})}, "cls");
        pooled = g.node("Flatten", {pooled}, "cls_token", {{"axis", int64_t(1)}});
    }
    return linear(g, pooled, m.get<nn::LinearImpl>("head"), /*rank2=*/true, "head");
}

}  // namespace ferkd::onnx_export
