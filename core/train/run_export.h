#pragma once
// A run's student exported for deployment: its checkpoint's model (or EMA) as ONNX, with
// the run's normalisation, class names and provenance in the metadata. Free of torch
// headers: `ferkd export --format onnx` and the studio's export dialog both call it.
#include <cstdint>
#include <string>

#include "interop/onnx_export.h"
#include "store/experiment_store.h"

namespace ferkd {

struct RunOnnxExport {
    OnnxExportSummary summary;
    std::string checkpoint;   // the file exported
    std::string note;         // what was left out, e.g. class names when the data is gone; else empty
};

// `checkpoint`: "best" (falling back to "last") or "last".
RunOnnxExport exportRunOnnx(const ExperimentStore& store, int64_t runId, const std::string& checkpoint,
                            CheckpointWeights weights, const OnnxExportOptions& options, const std::string& out);

}  // namespace ferkd
