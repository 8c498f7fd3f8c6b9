#pragma once
// A run's trained weights out to the PyTorch ecosystem: the state dict (torchvision's
// or timm's names, as the models use them) as a torch.save file or safetensors, in
// fp32, fp16 or bf16; or the app's own resumable checkpoint, copied whole.
#include <cstdint>
#include <string>

#include "interop/weights_format.h"

namespace ferkd {

struct ExportOptions {
    WeightsFormat format = WeightsFormat::StateDict;
    CheckpointWeights weights = CheckpointWeights::Model;
    ExportPrecision precision = ExportPrecision::Fp32;  // of floating-point tensors; integer buffers keep theirs
};

// Writes the weights of checkpoint file `checkpoint` to `out` (atomically). Returns the
// number of tensors written.
int64_t exportCheckpoint(const std::string& checkpoint, const std::string& out, const ExportOptions& options);

}  // namespace ferkd
