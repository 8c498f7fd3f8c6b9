#include "interop/onnx_export.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "interop/onnx/onnx_families.h"
#include "interop/onnx/onnx_headers.h"
#include "models/classifier.h"
#include "models/model_registry.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace ferkd {
namespace {

// A protobuf message is at most 2 GiB; weights beyond that need ONNX's external-data
// files, which this exporter does not write.
constexpr int64_t kProtobufLimit = (int64_t(1) << 31) - (int64_t(64) << 20);  // headroom for the graph itself

std::string joined(const std::vector<double>& values) {
    std::ostringstream s;
    for (size_t i = 0; i < values.size(); ++i) s << (i ? "," : "") << values[i];
    return s.str();
}

std::string shapeText(const std::vector<int64_t>& dims) {
    std::string s;
    for (size_t i = 0; i < dims.size(); ++i) s += (i ? "," : "") + (dims[i] < 0 ? std::string("batch") : std::to_string(dims[i]));
    return s;
}

std::vector<std::pair<std::string, std::string>> metadataOf(const OnnxModelFacts& f, const std::vector<int64_t>& shape,
                                                            bool half) {
    std::vector<std::pair<std::string, std::string>> m{
        {"arch", f.arch},
        {"input_name", "input"},
        {"input_shape", shapeText(shape)},
        {"input_dtype", half ? "float16" : "float32"},
        {"input_layout", "NCHW"},
        {"color_order", f.in_chans == 1 ? "grey" : "RGB"},
        {"normalization", "(pixel / 255 - mean) / std, per channel"},
        {"mean", joined(f.mean)},
        {"std", joined(f.std)},
        {"input_size", std::to_string(shape.back())},
        {"output_name", "logits"},
        {"output", "logits [batch, num_classes], before softmax"},
        {"num_classes", std::to_string(f.num_classes)},
    };
    if (!f.class_names.empty()) m.emplace_back("class_names", nlohmann::json(f.class_names).dump());
    for (const auto& e : f.extra) m.push_back(e);
    return m;
}

}  // namespace

int64_t onnxBatchFromText(const std::string& text, const std::string& field) {
    if (text == "dynamic") return 0;
    try {
        size_t used = 0;
        const long long n = std::stoll(text, &used);
        if (used == text.size() && n > 0) return n;
    } catch (const std::exception&) {
    }
    throw ConfigError(field, "expected 'dynamic' or a positive batch size, got '" + text + "'");
}

std::string onnxCoverage() {
    std::string out;
    for (const auto& family : onnx_export::onnxFamilies()) {
        std::string archs;
        for (const auto& info : modelRegistry())
            if (info.family == family.name) archs += (archs.empty() ? "" : ", ") + info.name;
        out += (out.empty() ? "" : "; ") + family.name + " (" + archs + ")";
    }
    return out;
}

OnnxExportSummary writeOnnxModel(const Classifier& model, const OnnxModelFacts& facts, const OnnxExportOptions& o,
                                 const std::string& out) {
    const auto* family = onnx_export::findOnnxFamily(facts.family);
    if (!family)
        throw Error("ONNX export does not cover '" + facts.arch + "' (family '" + facts.family +
                    "'); it covers " + onnxCoverage());
    if (o.opset < kOnnxMinOpset || o.opset > kOnnxMaxOpset)
        throw ConfigError("opset", "expected " + std::to_string(kOnnxMinOpset) + " to " + std::to_string(kOnnxMaxOpset) +
                                       ", got " + std::to_string(o.opset));
    if (o.precision == ExportPrecision::Bf16)
        throw ConfigError("dtype", "ONNX runtimes run bfloat16 graphs on few devices; export fp32 or fp16");
    const bool half = o.precision == ExportPrecision::Fp16;
    const int64_t weightBytes = countParameters(model) * (half ? 2 : 4);
    if (weightBytes > kProtobufLimit)
        throw Error("'" + facts.arch + "' holds " + std::to_string(weightBytes >> 20) + " MiB of " +
                    (half ? "fp16" : "fp32") + " weights, over the 2 GiB one ONNX file holds without external data" +
                    (half ? "" : "; try --dtype fp16"));
    int size = o.input_size > 0 ? o.input_size : facts.input_size;
    if (family->fixedInputSize && size != facts.input_size)
        throw ConfigError("input_size", "'" + facts.arch + "' was built for " + std::to_string(facts.input_size) +
                                            " px (its position embeddings fix it), not " + std::to_string(size));

    onnx::ModelProto proto;
    proto.set_ir_version(onnx::IR_VERSION);
    proto.set_producer_name("ferkd-studio");
    proto.set_producer_version(FERKD_VERSION);
    proto.set_model_version(1);
    proto.set_doc_string(facts.arch + " student, eval mode (batch norm folded), exported by FerKD Studio");
    auto* opset = proto.add_opset_import();
    opset->set_domain("");
    opset->set_version(o.opset);
    auto* graph = proto.mutable_graph();
    graph->set_name(facts.arch);

    const std::vector<int64_t> inputShape{o.batch > 0 ? o.batch : -1, facts.in_chans, size, size};
    onnx_export::OnnxGraph g(graph, half ? onnx::TensorProto_DataType_FLOAT16 : onnx::TensorProto_DataType_FLOAT);
    g.addInput("input", inputShape);
    {
        torch::NoGradGuard noGrad;
        family->emit(model, g, "input", o.opset);
    }
    g.renameLastOutput("logits");
    g.addOutput("logits", {inputShape[0], facts.num_classes});

    OnnxExportSummary summary;
    summary.opset = o.opset;
    summary.nodes = graph->node_size();
    summary.parameters = g.parameterCount();
    summary.input_shape = inputShape;
    summary.metadata = metadataOf(facts, inputShape, half);
    for (const auto& [key, value] : summary.metadata) {
        auto* p = proto.add_metadata_props();
        p->set_key(key);
        p->set_value(value);
    }
    try {
        // The full check: the model's structure, then every node's types and shapes, the
        // declared output included (what onnx.checker.check_model(full_check=True) does).
        onnx::checker::check_model(proto);
        onnx::shape_inference::InferShapes(proto, onnx::OpSchemaRegistry::Instance(),
                                           onnx::ShapeInferenceOptions(/*check_type=*/true, /*strict_mode=*/1));
    } catch (const std::exception& e) {
        throw Error("ONNX export of '" + facts.arch + "': the graph fails the ONNX checker: " + e.what());
    }
    requireWritableFolder(out);
    writeFileAtomically(out, [&](const std::string& tmp) {
        std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
        if (!file || !proto.SerializeToOstream(&file) || !file.flush())
            throw FileError(tmp, "write failed (disk full?)");
    });
    summary.bytes = int64_t(proto.ByteSizeLong());
    return summary;
}

}  // namespace ferkd
