#include "interop/weights_file.h"

#include <algorithm>

#include "interop/safetensors.h"
#include "interop/torch_pickle.h"
#include "interop/zip_archive.h"
#include "store/checkpoint.h"
#include "util/error.h"
#include "util/mapped_file.h"
#include "util/text.h"

namespace ferkd {

WeightsFormat weightsFormatFromName(const std::string& name, const std::string& field) {
    if (name == "state_dict" || name == "pt" || name == "pth") return WeightsFormat::StateDict;
    if (name == "safetensors") return WeightsFormat::Safetensors;
    if (name == "checkpoint") return WeightsFormat::Checkpoint;
    throw ConfigError(field, "'" + name + "' is not a weights format; expected state_dict, safetensors or checkpoint");
}

void checkExportFormatName(const std::string& name, const std::string& field) {
    const std::vector<std::string> names{"state_dict", "pt", "pth", "safetensors", "checkpoint", "onnx"};
    if (std::find(names.begin(), names.end(), name) != names.end()) return;
    const std::string near = nearestName(name, names);
    throw ConfigError(field, "'" + name + "' is not an export format" + (near.empty() ? "" : "; did you mean '" + near + "'?") +
                                 " Expected state_dict, safetensors, checkpoint or onnx");
}

ExportPrecision exportPrecisionFromName(const std::string& name, const std::string& field) {
    if (name == "fp32" || name == "float32") return ExportPrecision::Fp32;
    if (name == "fp16" || name == "float16") return ExportPrecision::Fp16;
    if (name == "bf16" || name == "bfloat16") return ExportPrecision::Bf16;
    throw ConfigError(field, "'" + name + "' is not an export precision; expected fp32, fp16 or bf16");
}

const char* weightsFormatName(WeightsFormat format) {
    switch (format) {
    case WeightsFormat::StateDict: return "state_dict";
    case WeightsFormat::Safetensors: return "safetensors";
    case WeightsFormat::Checkpoint: return "checkpoint";
    }
    return "?";
}

StateDict readWeightsFile(const std::string& path, CheckpointWeights which) {
    MappedFile file(path, "weights file");
    if (looksLikeSafetensors(file.data(), file.size())) return readSafetensors(file.data(), file.size(), path);
    if (!ZipArchive::looksLikeZip(file.data(), file.size()))
        throw FileError(path, "is neither a torch.save file, a safetensors file nor a ferkd checkpoint");
    ZipArchive zip(file.data(), file.size(), path);
    bool scripted = false;  // LibTorch archives (ferkd checkpoints) carry constants.pkl; torch.save files do not
    for (const auto& e : zip.entries())
        if (e.name.size() >= 13 && e.name.compare(e.name.size() - 13, 13, "constants.pkl") == 0) scripted = true;
    if (!scripted) return readTorchStateDict(file.data(), file.size(), path);
    const CheckpointModel loaded = loadCheckpointModel(path, which == CheckpointWeights::Ema);
    return stateDictOf(*loaded.model);
}

void writeWeightsFile(const std::string& path, const StateDict& sd, WeightsFormat format) {
    switch (format) {
    case WeightsFormat::StateDict: writeTorchStateDict(path, sd); return;
    case WeightsFormat::Safetensors: writeSafetensors(path, sd, {{"format", "pt"}}); return;
    case WeightsFormat::Checkpoint: break;
    }
    throw Error("a checkpoint holds more than a state dict; copy the run's checkpoint instead");
}

}  // namespace ferkd
