#pragma once
// Decoding image files to 8-bit RGB through OpenCV (the only OpenCV user in the core).
#include <torch/torch.h>

#include <string>

namespace ferkd {

// [H, W, 3] uint8 RGB. Grey, RGBA and 16-bit files are converted. Throws FileError
// naming the file when it cannot be decoded.
torch::Tensor decodeImageRgb8(const std::string& path);

}  // namespace ferkd
