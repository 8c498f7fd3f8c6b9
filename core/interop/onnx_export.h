#pragma once
// A student out to deployment runtimes: its eval-mode inference graph as an ONNX model
// (batch norm folded, no dropout or drop path), built with Debian's ONNX library,
// passed through the ONNX checker and strict shape inference before it is written
// (atomically), with what a deployment needs in metadata_props: the input's name,
// shape, dtype and normalisation, and the class names. Free of ONNX and torch headers.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "interop/weights_format.h"

namespace ferkd {

class Classifier;  // models/classifier.h

constexpr int kOnnxMinOpset = 13;  // Softmax over one axis, Pad and Reshape as written here
constexpr int kOnnxMaxOpset = 17;  // the newest Debian's ONNX 1.12 knows; LayerNormalization from 17

struct OnnxExportOptions {
    int opset = kOnnxMaxOpset;
    int64_t batch = 0;      // 0: dynamic (the symbolic dimension "batch")
    ExportPrecision precision = ExportPrecision::Fp32;  // fp32 or fp16 (weights, input and output)
    int input_size = 0;     // 0: the size the model was trained at; convolutional families only
};

// "dynamic" or a positive number, for --batch. Throws ConfigError naming `field`.
int64_t onnxBatchFromText(const std::string& text, const std::string& field = "batch");

// What the graph itself cannot say, written into metadata_props.
struct OnnxModelFacts {
    std::string arch;               // "resnet18"
    std::string family;             // ModelInfo::family: which emitter writes it
    int in_chans = 3, input_size = 224, num_classes = 1000;
    std::vector<double> mean, std;  // per channel, on pixel values scaled to 0..1
    std::vector<std::string> class_names;                   // empty when unknown
    std::vector<std::pair<std::string, std::string>> extra;  // provenance: run, checkpoint, weights
};

struct OnnxExportSummary {
    int opset = 0;
    int64_t nodes = 0, parameters = 0, bytes = 0;
    std::vector<int64_t> input_shape;  // -1: the dynamic batch
    std::vector<std::pair<std::string, std::string>> metadata;
};

// The families the exporter covers, with their registered architectures:
// "resnet (resnet18, ...), regnet (...), vit (...)".
std::string onnxCoverage();

// Builds, checks and writes `model` to `out`. Throws Error for a family it does not
// cover (naming the ones it does), a model over ONNX's 2 GiB protobuf limit, an opset
// out of range, or a graph the checker refuses; FileError when `out` cannot be written.
// Nothing is left at `out` on failure.
OnnxExportSummary writeOnnxModel(const Classifier& model, const OnnxModelFacts& facts, const OnnxExportOptions& options,
                                 const std::string& out);

}  // namespace ferkd
