#include "interop/onnx/onnx_graph.h"

#include <algorithm>

#include "util/error.h"

namespace ferkd::onnx_export {

OnnxGraph::OnnxGraph(onnx::GraphProto* graph, onnx::TensorProto_DataType floatType)
    : graph_(graph), floatType_(floatType) {}

void OnnxGraph::addValue(onnx::ValueInfoProto* value, const std::string& name, const std::vector<int64_t>& dims) {
    value->set_name(name);
    auto* tensor = value->mutable_type()->mutable_tensor_type();
    tensor->set_elem_type(floatType_);
    auto* shape = tensor->mutable_shape();
    for (int64_t d : dims) {
        auto* dim = shape->add_dim();
        if (d < 0)
            dim->set_dim_param("batch");
        else
            dim->set_dim_value(d);
    }
}

void OnnxGraph::addInput(const std::string& name, const std::vector<int64_t>& dims) {
    addValue(graph_->add_input(), unique(name), dims);
}

void OnnxGraph::addOutput(const std::string& name, const std::vector<int64_t>& dims) {
    // The output names a value a node already made.
    if (std::find(names_.begin(), names_.end(), name) == names_.end())
        throw Error("ONNX export: the graph output '" + name + "' is made by no node");
    addValue(graph_->add_output(), name, dims);
}

std::string OnnxGraph::unique(const std::string& name) {
    std::string candidate = name;
    for (int i = 1; std::find(names_.begin(), names_.end(), candidate) != names_.end(); ++i)
        candidate = name + "_" + std::to_string(i);
    names_.push_back(candidate);
    return candidate;
}

std::string OnnxGraph::floatInitializer(const std::string& name, const torch::Tensor& values) {
    const bool half = floatType_ == onnx::TensorProto_DataType_FLOAT16;
    const torch::Tensor t = values.detach().to(torch::kCPU, half ? torch::kHalf : torch::kFloat).contiguous();
    auto* init = graph_->add_initializer();
    init->set_name(unique(name));
    init->set_data_type(floatType_);
    for (int64_t d : t.sizes()) init->add_dims(d);
    // raw_data is little-endian, as this machine's memory (x86-64, aarch64).
    init->set_raw_data(t.data_ptr(), size_t(t.numel()) * t.element_size());
    return init->name();
}

std::string OnnxGraph::weight(const std::string& name, const torch::Tensor& values) {
    parameters_ += values.numel();
    return floatInitializer(name, values);
}

std::string OnnxGraph::ints(const std::string& name, const std::vector<int64_t>& values) {
    auto* init = graph_->add_initializer();
    init->set_name(unique(name));
    init->set_data_type(onnx::TensorProto_DataType_INT64);
    init->add_dims(int64_t(values.size()));
    for (int64_t v : values) init->add_int64_data(v);
    return init->name();
}

std::string OnnxGraph::scalar(const std::string& name, double value) {
    return floatInitializer(name, torch::tensor(value, torch::kDouble));  // a constant, not a parameter
}

std::string OnnxGraph::node(const std::string& opType, const std::vector<std::string>& inputs, const std::string& name,
                            const Attributes& attributes) {
    auto* n = graph_->add_node();
    n->set_op_type(opType);
    const std::string out = unique(name);
    n->set_name(out);
    for (const auto& in : inputs) n->add_input(in);
    n->add_output(out);
    for (const auto& [key, value] : attributes) {
        auto* a = n->add_attribute();
        a->set_name(key);
        if (const auto* i = std::get_if<int64_t>(&value)) {
            a->set_type(onnx::AttributeProto_AttributeType_INT);
            a->set_i(*i);
        } else if (const auto* f = std::get_if<float>(&value)) {
            a->set_type(onnx::AttributeProto_AttributeType_FLOAT);
            a->set_f(*f);
        } else {
            a->set_type(onnx::AttributeProto_AttributeType_INTS);
            for (int64_t v : std::get<std::vector<int64_t>>(value)) a->add_ints(v);
        }
    }
    return out;
}

void OnnxGraph::renameLastOutput(const std::string& name) {
    auto* last = graph_->mutable_node(graph_->node_size() - 1);
    names_.erase(std::find(names_.begin(), names_.end(), last->output(0)));
    last->set_output(0, unique(name));
}

}  // namespace ferkd::onnx_export
