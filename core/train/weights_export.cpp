#include "train/weights_export.h"

#include <filesystem>

#include "interop/model_export.h"
#include "interop/weights_format.h"
#include "store/run_files.h"
#include "util/atomic_file.h"
#include "util/error.h"
#ifdef FERKD_WITH_ONNX
#include "train/run_export.h"
#endif

namespace ferkd {
namespace {
// The checkpoint by its file name only: the summary also goes to a server's clients.
std::string fileName(const std::string& path) { return std::filesystem::path(path).filename().string(); }
}  // namespace

std::string weightsExportSuffix(const std::string& format) {
    if (format == "onnx") return ".onnx";
    return format == "safetensors" ? ".safetensors" : ".pt";
}

std::string exportRunWeights(const ExperimentStore& store, int64_t runId, const WeightsExport& r, const std::string& out) {
    checkExportFormatName(r.format, "format");
    requireCheckpointKind(r.checkpoint);
    if (r.weights != "model" && r.weights != "ema") throw ConfigError("weights", "expected model or ema, got '" + r.weights + "'");
    const CheckpointWeights weights = r.weights == "ema" ? CheckpointWeights::Ema : CheckpointWeights::Model;
    if (r.format == "onnx") {
#ifdef FERKD_WITH_ONNX
        OnnxExportOptions o;
        o.opset = r.opset;
        o.batch = r.batch;
        o.input_size = r.input_size;
        o.precision = exportPrecisionFromName(r.precision, "precision");
        const RunOnnxExport e = exportRunOnnx(store, runId, r.checkpoint, weights, o, out);
        std::string shape;
        for (int64_t d : e.summary.input_shape) shape += (shape.empty() ? "" : "x") + (d < 0 ? "batch" : std::to_string(d));
        const std::string message = "ONNX opset " + std::to_string(e.summary.opset) + ", " +
                                    std::to_string(e.summary.nodes) + " nodes, " + std::to_string(e.summary.parameters) +
                                    " parameters (" + r.precision + ", " + r.weights + " weights), input 'input' " + shape +
                                    ", output 'logits'; checked (ONNX checker, strict shape inference); from " +
                                    fileName(e.checkpoint);
        return e.note.empty() ? message : message + "; note: " + e.note;
#else
        throw ConfigError("format", "this ferkd was built without ONNX export (-DFERKD_WITH_ONNX=OFF)");
#endif
    }
    ExportOptions o;
    o.format = weightsFormatFromName(r.format, "format");
    o.precision = exportPrecisionFromName(r.precision, "precision");
    o.weights = weights;
    const std::string checkpoint = existingCheckpoint(store, runId, r.checkpoint);
    requireWritableFolder(out);
    const int64_t tensors = exportCheckpoint(checkpoint, out, o);
    return std::to_string(tensors) + " tensors (" + r.weights + " weights, " + r.format + ", " + r.precision + ") from " +
           fileName(checkpoint);
}

}  // namespace ferkd
