// ResNet (torchvision's names; the small-input stem has no max pool): convolutions with
// their batch norms folded, residual adds, global average pool, Gemm.
#include "interop/onnx/onnx_families.h"
#include "interop/onnx/onnx_layers.h"
#include "models/resnet.h"
#include "util/error.h"

namespace ferkd::onnx_export {
namespace nn = torch::nn;

std::string emitResNet(const Classifier& model, OnnxGraph& g, const std::string& input, int /*opset*/) {
    const auto* resnet = dynamic_cast<const ResNet*>(&model);
    if (!resnet) throw Error("ONNX export: the model is not a ResNet");
    const ModuleIndex m(model);
    std::string x = convBn(g, input, m.get<nn::Conv2dImpl>("conv1"), &m.get<nn::BatchNorm2dImpl>("bn1"), "conv1");
    x = g.node("Relu", {x}, "relu");
    if (!resnet->options().small_stem())
        x = g.node("MaxPool", {x}, "maxpool",
                   {{"kernel_shape", std::vector<int64_t>{3, 3}},
                    {"strides", std::vector<int64_t>{2, 2}},
                    {"pads", std::vector<int64_t>{1, 1, 1, 1}}});
    for (int layer = 1; layer <= 4; ++layer) {
        for (int i = 0;; ++i) {
            const std::string b = "layer" + std::to_string(layer) + "." + std::to_string(i);
            if (!m.has(b)) break;
            const bool bottleneck = m.has(b + ".conv3");
            std::string identity = m.has(b + ".downsample") ? convBn(g, x, m, b + ".downsample") : x;
            std::string out = x;
            const int convs = bottleneck ? 3 : 2;
            for (int c = 1; c <= convs; ++c) {
                const std::string k = std::to_string(c);
                out = convBn(g, out, m.get<nn::Conv2dImpl>(b + ".conv" + k), &m.get<nn::BatchNorm2dImpl>(b + ".bn" + k),
                             b + ".conv" + k);
                if (c < convs) out = g.node("Relu", {out}, b + ".relu" + k);
            }
            x = g.node("Relu", {g.node("Add", {out, identity}, b + ".add")}, b + ".relu");
        }
    }
    x = g.node("Flatten", {g.node("GlobalAveragePool", {x}, "avgpool")}, "flatten", {{"axis", int64_t(1)}});
    return linear(g, x, m.get<nn::LinearImpl>("fc"), /*rank2=*/true, "fc");
}

}  // namespace ferkd::onnx_export
