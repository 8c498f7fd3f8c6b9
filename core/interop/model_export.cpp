#include "interop/model_export.h"

#include "interop/weights_file.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace ferkd {

namespace {

torch::ScalarType dtypeOf(ExportPrecision p) {
    switch (p) {
    case ExportPrecision::Fp16: return torch::kHalf;
    case ExportPrecision::Bf16: return torch::kBFloat16;
    case ExportPrecision::Fp32: break;
    }
    return torch::kFloat;
}

}  // namespace

int64_t exportCheckpoint(const std::string& checkpoint, const std::string& out, const ExportOptions& o) {
    if (o.format == WeightsFormat::Checkpoint) {
        if (o.precision != ExportPrecision::Fp32) throw ConfigError("dtype", "a checkpoint resumes training and stays fp32");
        const StateDict check = readWeightsFile(checkpoint, o.weights);  // refuses a damaged file before copying
        copyFileAtomically(checkpoint, out);
        return static_cast<int64_t>(check.size());
    }
    StateDict sd = readWeightsFile(checkpoint, o.weights);
    for (auto& [name, t] : sd.entries)
        if (t.is_floating_point()) t = t.to(dtypeOf(o.precision));
    writeWeightsFile(out, sd, o.format);
    return static_cast<int64_t>(sd.size());
}

}  // namespace ferkd
