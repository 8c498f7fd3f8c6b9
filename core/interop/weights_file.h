#pragma once
// Weight files in the formats the PyTorch ecosystem exchanges: torch.save state dicts
// (Python's torch.load reads them as a dict of tensors), safetensors, and this app's
// own resumable checkpoints. Reading detects the format from the bytes.
#include <string>

#include "interop/state_dict.h"
#include "interop/weights_format.h"

namespace ferkd {

// The tensors of a weights file. A checkpoint gives its model's (or EMA's) state dict.
// Throws FileError naming the file for anything that is not one of the formats.
StateDict readWeightsFile(const std::string& path, CheckpointWeights which = CheckpointWeights::Model);

// Writes a state dict (StateDict or Safetensors format) atomically.
void writeWeightsFile(const std::string& path, const StateDict& sd, WeightsFormat format);

}  // namespace ferkd
