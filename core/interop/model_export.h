#pragma once
// A run's trained weights out to the PyTorch ecosystem: the state dict (torchvision's
// or timm's names, as the models use them) as a torch.save file or safetensors, in
// fp32, fp16 or bf16; or the app's own resumable checkpoint, copied whole.
#include <string>

#include "interop/weights_file.h"
#include <torch/torch.h>

namespace ferkd {

struct ExportOptions {
    WeightsFormat format = WeightsFormat::StateDict;
    CheckpointWeights weights = CheckpointWeights::Model;
    torch::ScalarType dtype = torch::kFloat;  // of floating-point tensors; integer buffers keep theirs
};

// "fp32", "fp16", "bf16". Throws ConfigError naming `field`.
torch::ScalarType exportDtypeFromName(const std::string& name, const std::string& field = "dtype");

// Writes the weights of checkpoint file `checkpoint` to `out` (atomically). Returns the
// number of tensors written.
int64_t exportCheckpoint(const std::string& checkpoint, const std::string& out, const ExportOptions& options);

}  // namespace ferkd
