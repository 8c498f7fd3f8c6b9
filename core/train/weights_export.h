#pragma once
// A run's weights exported for the PyTorch ecosystem (state_dict, safetensors, a
// checkpoint copy) or its student for deployment runtimes (ONNX), as the studio's export
// dialog asks for it; the workspace does it where the checkpoint is (Workspace::exportWeights).
#include <cstdint>
#include <string>

#include "store/experiment_store.h"

namespace ferkd {

struct WeightsExport {
    std::string format = "state_dict";  // state_dict | safetensors | checkpoint | onnx
    std::string precision = "fp32";     // fp32 | fp16 | bf16
    std::string weights = "model";      // model | ema
    std::string checkpoint = "best";    // best (else last) | last
    int opset = 17;      // onnx
    int batch = 0;       // onnx: 0 = dynamic
    int input_size = 0;  // onnx: 0 = as trained
};

// The file name's ending for the format: ".onnx", ".safetensors", ".pt".
std::string weightsExportSuffix(const std::string& format);

// Run `runId`'s checkpoint exported into `out` (written whole or not at all); what was
// written, for a status line ("62 tensors (model weights, safetensors, fp16) from best.pt").
// ConfigError naming the field for a bad request, Error for a run without the checkpoint.
std::string exportRunWeights(const ExperimentStore& store, int64_t runId, const WeightsExport& request,
                             const std::string& out);

}  // namespace ferkd
