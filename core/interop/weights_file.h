#pragma once
// Weight files in the formats the PyTorch ecosystem exchanges: torch.save state dicts
// (Python's torch.load reads them as a dict of tensors), safetensors, and this app's
// own resumable checkpoints. Reading detects the format from the bytes.
#include <string>

#include "interop/state_dict.h"

namespace ferkd {

enum class WeightsFormat { StateDict, Safetensors, Checkpoint };
// "state_dict" (also "pt", "pth"), "safetensors", "checkpoint". Throws ConfigError naming `field`.
WeightsFormat weightsFormatFromName(const std::string& name, const std::string& field = "format");
const char* weightsFormatName(WeightsFormat format);

// Which weights of a checkpoint: the trained model's or its EMA's.
enum class CheckpointWeights { Model, Ema };

// The tensors of a weights file. A checkpoint gives its model's (or EMA's) state dict.
// Throws FileError naming the file for anything that is not one of the formats.
StateDict readWeightsFile(const std::string& path, CheckpointWeights which = CheckpointWeights::Model);

// Writes a state dict (StateDict or Safetensors format) atomically.
void writeWeightsFile(const std::string& path, const StateDict& sd, WeightsFormat format);

}  // namespace ferkd
