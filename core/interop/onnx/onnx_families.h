#pragma once
// One emitter per model family: it writes the family's eval-mode forward pass as ONNX
// nodes from `input` and returns the name of the logits. Each mirrors the forward() of
// its model in core/models; the tests hold the two to the same logits.
#include <functional>
#include <string>
#include <vector>

#include "interop/onnx/onnx_graph.h"
#include "models/classifier.h"

namespace ferkd::onnx_export {

using FamilyEmitter =
    std::function<std::string(const Classifier& model, OnnxGraph& g, const std::string& input, int opset)>;

struct OnnxFamily {
    std::string name;      // ModelInfo::family: "resnet", "regnet", "vit"
    bool fixedInputSize;   // position embeddings tie the graph to the trained size
    FamilyEmitter emit;
};

const std::vector<OnnxFamily>& onnxFamilies();
const OnnxFamily* findOnnxFamily(const std::string& family);

std::string emitResNet(const Classifier& model, OnnxGraph& g, const std::string& input, int opset);
std::string emitRegNet(const Classifier& model, OnnxGraph& g, const std::string& input, int opset);
std::string emitVisionTransformer(const Classifier& model, OnnxGraph& g, const std::string& input, int opset);

}  // namespace ferkd::onnx_export
