// RegNetY (torchvision's names): stem, X blocks with grouped 3x3 convolutions and
// squeeze-excitation, each with its batch norms folded; global average pool, Gemm.
#include "interop/onnx/onnx_families.h"
#include "interop/onnx/onnx_layers.h"
#include "models/regnet.h"
#include "util/error.h"

namespace ferkd::onnx_export {
namespace nn = torch::nn;

namespace {

std::string squeezeExcitation(OnnxGraph& g, const std::string& x, const ModuleIndex& m, const std::string& path) {
    std::string s = g.node("GlobalAveragePool", {x}, path + ".avgpool");
    s = g.node("Relu", {convBn(g, s, m.get<nn::Conv2dImpl>(path + ".fc1"), nullptr, path + ".fc1")}, path + ".relu");
    s = g.node("Sigmoid", {convBn(g, s, m.get<nn::Conv2dImpl>(path + ".fc2"), nullptr, path + ".fc2")}, path + ".sigmoid");
    return g.node("Mul", {x, s}, path);
}

}  // namespace

std::string emitRegNet(const Classifier& model, OnnxGraph& g, const std::string& input, int /*opset*/) {
    if (!dynamic_cast<const RegNet*>(&model)) throw Error("ONNX export: the model is not a RegNet");
    const ModuleIndex m(model);
    std::string x = g.node("Relu", {convBn(g, input, m, "stem")}, "stem.relu");
    for (int stage = 1;; ++stage) {
        const std::string s = "trunk_output.block" + std::to_string(stage);
        if (!m.has(s)) break;
        for (int i = 0;; ++i) {
            const std::string b = s + ".block" + std::to_string(stage) + "-" + std::to_string(i);
            if (!m.has(b)) break;
            const std::string shortcut = m.has(b + ".proj") ? convBn(g, x, m, b + ".proj") : x;
            std::string f = g.node("Relu", {convBn(g, x, m, b + ".f.a")}, b + ".f.a.relu");
            f = g.node("Relu", {convBn(g, f, m, b + ".f.b")}, b + ".f.b.relu");
            f = convBn(g, squeezeExcitation(g, f, m, b + ".f.se"), m, b + ".f.c");
            x = g.node("Relu", {g.node("Add", {shortcut, f}, b + ".add")}, b + ".relu");
        }
    }
    x = g.node("Flatten", {g.node("GlobalAveragePool", {x}, "avgpool")}, "flatten", {{"axis", int64_t(1)}});
    return linear(g, x, m.get<nn::LinearImpl>("fc"), /*rank2=*/true, "fc");
}

}  // namespace ferkd::onnx_export
