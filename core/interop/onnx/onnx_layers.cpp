#include "interop/onnx/onnx_layers.h"

#include <cmath>

#include "util/error.h"

namespace ferkd::onnx_export {
namespace nn = torch::nn;

ModuleIndex::ModuleIndex(const nn::Module& model) {
    for (const auto& item : model.named_modules("", /*include_self=*/false)) modules_[item.key()] = item.value();
}

const std::shared_ptr<nn::Module>& ModuleIndex::find(const std::string& path) const {
    auto it = modules_.find(path);
    if (it == modules_.end()) throw Error("ONNX export: the model has no module '" + path + "'");
    return it->second;
}

std::runtime_error ModuleIndex::wrongType(const std::string& path) const {
    return Error("ONNX export: module '" + path + "' is a " + find(path)->name() + ", not the layer expected there");
}

namespace {

std::vector<int64_t> twoInts(const torch::ExpandingArray<2>& a) { return {a->at(0), a->at(1)}; }

}  // namespace

std::string convBn(OnnxGraph& g, const std::string& x, const nn::Conv2dImpl& conv, const nn::BatchNorm2dImpl* bn,
                   const std::string& name) {
    const auto& o = conv.options;
    if (!c10::holds_alternative<torch::enumtype::kZeros>(o.padding_mode()))
        throw Error("ONNX export: convolution '" + name + "' pads other than with zeros");
    const auto* padding = c10::get_if<torch::ExpandingArray<2>>(&o.padding());
    if (!padding) throw Error("ONNX export: convolution '" + name + "' uses 'same'/'valid' padding");
    torch::Tensor w = conv.weight.detach().to(torch::kDouble);
    torch::Tensor b = conv.bias.defined() ? conv.bias.detach().to(torch::kDouble)
                                          : torch::zeros({w.size(0)}, torch::kDouble);
    if (bn) {
        // Eval-mode batch norm is a per-channel affine map: fold it into the convolution.
        const torch::Tensor scale =
            bn->weight.detach().to(torch::kDouble) / (bn->running_var.to(torch::kDouble) + bn->options.eps()).sqrt();
        w = w * scale.view({-1, 1, 1, 1});
        b = (b - bn->running_mean.to(torch::kDouble)) * scale + bn->bias.detach().to(torch::kDouble);
    }
    const auto pads = twoInts(*padding);
    return g.node("Conv", {x, g.weight(name + ".weight", w), g.weight(name + ".bias", b)}, name,
                  {{"kernel_shape", twoInts(o.kernel_size())},
                   {"strides", twoInts(o.stride())},
                   {"pads", std::vector<int64_t>{pads[0], pads[1], pads[0], pads[1]}},
                   {"dilations", twoInts(o.dilation())},
                   {"group", o.groups()}});
}

std::string convBn(OnnxGraph& g, const std::string& x, const ModuleIndex& m, const std::string& path) {
    return convBn(g, x, m.get<nn::Conv2dImpl>(path + ".0"), &m.get<nn::BatchNorm2dImpl>(path + ".1"), path);
}

std::string linear(OnnxGraph& g, const std::string& x, const torch::Tensor& weight, const torch::Tensor& bias,
                   bool rank2, const std::string& name, double scale) {
    const torch::Tensor w = weight.detach().to(torch::kDouble) * scale;
    const torch::Tensor b = (bias.defined() ? bias.detach().to(torch::kDouble)
                                            : torch::zeros({weight.size(0)}, torch::kDouble)) * scale;
    if (rank2)
        return g.node("Gemm", {x, g.weight(name + ".weight", w), g.weight(name + ".bias", b)}, name,
                      {{"transB", int64_t(1)}});
    // MatMul takes [in, out]: the transposed weight is stored, no Transpose node at run time.
    const std::string y = g.node("MatMul", {x, g.weight(name + ".weight_t", w.t().contiguous())}, name + ".matmul");
    return g.node("Add", {y, g.weight(name + ".bias", b)}, name);
}

std::string linear(OnnxGraph& g, const std::string& x, const nn::LinearImpl& layer, bool rank2,
                   const std::string& name) {
    return linear(g, x, layer.weight, layer.bias, rank2, name);
}

std::string layerNorm(OnnxGraph& g, const std::string& x, const nn::LayerNormImpl& ln, int opset,
                      const std::string& name) {
    const auto& o = ln.options;
    if (o.normalized_shape().size() != 1)
        throw Error("ONNX export: layer norm '" + name + "' normalises more than the last axis");
    const float eps = float(o.eps());
    const std::string gamma = g.weight(name + ".weight", ln.weight);
    const std::string beta = g.weight(name + ".bias", ln.bias);
    if (opset >= 17)
        return g.node("LayerNormalization", {x, gamma, beta}, name, {{"axis", int64_t(-1)}, {"epsilon", eps}});
    // Before opset 17: the decomposition torch.onnx writes.
    const std::vector<int64_t> last{-1};
    const std::string mean = g.node("ReduceMean", {x}, name + ".mean", {{"axes", last}});
    const std::string centred = g.node("Sub", {x, mean}, name + ".centred");
    const std::string square = g.node("Mul", {centred, centred}, name + ".square");
    const std::string var = g.node("ReduceMean", {square}, name + ".var", {{"axes", last}});
    const std::string std = g.node("Sqrt", {g.node("Add", {var, g.scalar(name + ".eps", eps)}, name + ".var_eps")},
                                   name + ".std");
    const std::string normed = g.node("Div", {centred, std}, name + ".normed");
    return g.node("Add", {g.node("Mul", {normed, gamma}, name + ".scaled"), beta}, name);
}

std::string gelu(OnnxGraph& g, const std::string& x, const std::string& name) {
    const std::string erf =
        g.node("Erf", {g.node("Div", {x, g.scalar(name + ".sqrt2", std::sqrt(2.0))}, name + ".div")}, name + ".erf");
    const std::string onePlus = g.node("Add", {erf, g.scalar(name + ".one", 1.0)}, name + ".add");
    const std::string half = g.node("Mul", {x, g.scalar(name + ".half", 0.5)}, name + ".half_x");
    return g.node("Mul", {half, onePlus}, name);
}

}  // namespace ferkd::onnx_export
