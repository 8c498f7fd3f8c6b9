#include "interop/model_export.h"

#include <fstream>

#include "util/atomic_file.h"
#include "util/error.h"

namespace ferkd {

torch::ScalarType exportDtypeFromName(const std::string& name, const std::string& field) {
    if (name == "fp32" || name == "float32") return torch::kFloat;
    if (name == "fp16" || name == "float16") return torch::kHalf;
    if (name == "bf16" || name == "bfloat16") return torch::kBFloat16;
    throw ConfigError(field, "'" + name + "' is not an export precision; expected fp32, fp16 or bf16");
}

int64_t exportCheckpoint(const std::string& checkpoint, const std::string& out, const ExportOptions& o) {
    if (o.format == WeightsFormat::Checkpoint) {
        if (o.dtype != torch::kFloat) throw ConfigError("dtype", "a checkpoint resumes training and stays fp32");
        const StateDict check = readWeightsFile(checkpoint, o.weights);  // refuses a damaged file before copying
        writeFileAtomically(out, [&](const std::string& tmp) {
            std::ifstream in(checkpoint, std::ios::binary);
            std::ofstream to(tmp, std::ios::binary);
            to << in.rdbuf();
            to.flush();
            if (!in || !to) throw FileError(tmp, "cannot copy the checkpoint (disk full?)");
        });
        return static_cast<int64_t>(check.size());
    }
    StateDict sd = readWeightsFile(checkpoint, o.weights);
    for (auto& [name, t] : sd.entries)
        if (t.is_floating_point()) t = t.to(o.dtype);
    writeWeightsFile(out, sd, o.format);
    return static_cast<int64_t>(sd.size());
}

}  // namespace ferkd
