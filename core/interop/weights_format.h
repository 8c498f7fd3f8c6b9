#pragma once
// The names of weight-file formats and export choices, free of torch headers so the
// studio can offer them (Qt's `slots` macro and LibTorch do not mix in one file).
#include <string>

namespace ferkd {

enum class WeightsFormat { StateDict, Safetensors, Checkpoint };
// "state_dict" (also "pt", "pth"), "safetensors", "checkpoint". Throws ConfigError naming `field`.
WeightsFormat weightsFormatFromName(const std::string& name, const std::string& field = "format");
const char* weightsFormatName(WeightsFormat format);

// Everything `ferkd export` writes: the weights formats and "onnx" (interop/onnx_export).
// Throws ConfigError naming `field`, with the nearest name, when `name` is none of them.
void checkExportFormatName(const std::string& name, const std::string& field = "format");

// Which weights of a checkpoint: the trained model's or its EMA's.
enum class CheckpointWeights { Model, Ema };

// Precision of exported floating-point tensors.
enum class ExportPrecision { Fp32, Fp16, Bf16 };
// "fp32", "fp16", "bf16". Throws ConfigError naming `field`.
ExportPrecision exportPrecisionFromName(const std::string& name, const std::string& field = "dtype");

}  // namespace ferkd
