#pragma once
// A small builder over ONNX's own protobuf classes (Debian's libonnx-dev): named
// initializers from torch tensors, nodes with typed attributes, unique output names.
// The family emitters (onnx_resnet, onnx_regnet, onnx_vit) speak only through it.
#include <torch/torch.h>

#include "interop/onnx/onnx_headers.h"

#include <string>
#include <variant>
#include <vector>

namespace ferkd::onnx_export {

using AttributeValue = std::variant<int64_t, float, std::vector<int64_t>>;
using Attributes = std::vector<std::pair<std::string, AttributeValue>>;

class OnnxGraph {
public:
    // `floatType`: the element type of every floating-point initializer and of the
    // graph's input and output (FLOAT or FLOAT16).
    OnnxGraph(onnx::GraphProto* graph, onnx::TensorProto_DataType floatType);

    onnx::TensorProto_DataType floatType() const { return floatType_; }

    // A graph input or output of the float type; a dimension < 0 is the symbolic "batch".
    void addInput(const std::string& name, const std::vector<int64_t>& dims);
    void addOutput(const std::string& name, const std::vector<int64_t>& dims);

    // A floating-point initializer (converted to the float type), returned by name.
    std::string weight(const std::string& name, const torch::Tensor& values);
    // An int64 initializer (shapes, pads, axes).
    std::string ints(const std::string& name, const std::vector<int64_t>& values);
    // A float scalar of the float type (shape [] for broadcasting anywhere).
    std::string scalar(const std::string& name, double value);

    // Appends a node; its one output is named `name` (made unique) and returned.
    std::string node(const std::string& opType, const std::vector<std::string>& inputs, const std::string& name,
                     const Attributes& attributes = {});
    // Renames the output of the last node (the graph's output must have a fixed name).
    void renameLastOutput(const std::string& name);

    int64_t parameterCount() const { return parameters_; }

private:
    std::string unique(const std::string& name);
    std::string floatInitializer(const std::string& name, const torch::Tensor& values);
    void addValue(onnx::ValueInfoProto* value, const std::string& name, const std::vector<int64_t>& dims);

    onnx::GraphProto* graph_;
    onnx::TensorProto_DataType floatType_;
    std::vector<std::string> names_;
    int64_t parameters_ = 0;
};

}  // namespace ferkd::onnx_export
