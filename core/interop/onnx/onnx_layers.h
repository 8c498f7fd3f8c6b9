#pragma once
// The layers the family emitters share, each written as ONNX nodes from the torch
// module that holds its weights and hyper-parameters: convolution with its batch norm
// folded in (eval mode), linear layers, layer norm, GELU; and a lookup of a model's
// submodules by their state_dict path ("layer1.0.conv1").
#include <map>
#include <memory>
#include <string>

#include "interop/onnx/onnx_graph.h"

namespace ferkd::onnx_export {

class ModuleIndex {
public:
    explicit ModuleIndex(const torch::nn::Module& model);
    bool has(const std::string& path) const { return modules_.count(path) > 0; }
    // The submodule at `path` as a T; Error naming the path when it is missing or another type.
    template <typename T>
    const T& get(const std::string& path) const {
        const auto* m = find(path)->template as<T>();
        if (!m) throw wrongType(path);
        return *m;
    }
    const torch::nn::Module& module(const std::string& path) const { return *find(path); }

private:
    const std::shared_ptr<torch::nn::Module>& find(const std::string& path) const;
    std::runtime_error wrongType(const std::string& path) const;
    std::map<std::string, std::shared_ptr<torch::nn::Module>> modules_;
};

// Conv (+ BatchNorm folded into its weight and bias, computed in double); `bn` may be null.
std::string convBn(OnnxGraph& g, const std::string& x, const torch::nn::Conv2dImpl& conv,
                   const torch::nn::BatchNorm2dImpl* bn, const std::string& name);
// Conv + BatchNorm from a torchvision-style Sequential "<path>.0", "<path>.1".
std::string convBn(OnnxGraph& g, const std::string& x, const ModuleIndex& m, const std::string& path);

// y = x W^T + b: Gemm for [B, in], MatMul + Add for [B, N, in]. `scale` multiplies
// weight and bias (attention's 1/sqrt(d) folded into the query projection).
std::string linear(OnnxGraph& g, const std::string& x, const torch::Tensor& weight, const torch::Tensor& bias,
                   bool rank2, const std::string& name, double scale = 1.0);
std::string linear(OnnxGraph& g, const std::string& x, const torch::nn::LinearImpl& layer, bool rank2,
                   const std::string& name);

// LayerNorm over the last axis: LayerNormalization from opset 17, else its decomposition.
std::string layerNorm(OnnxGraph& g, const std::string& x, const torch::nn::LayerNormImpl& ln, int opset,
                      const std::string& name);

// The exact (erf) GELU: 0.5 x (1 + erf(x / sqrt 2)), the pattern runtimes fuse.
std::string gelu(OnnxGraph& g, const std::string& x, const std::string& name);

}  // namespace ferkd::onnx_export
