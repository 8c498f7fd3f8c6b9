#pragma once
// An [H, W, C] uint8 tensor copied out as plain bytes (ImagePixels).
#include <torch/torch.h>

#include "imaging/image_pixels.h"

namespace ferkd {

ImagePixels pixelsOf(const torch::Tensor& hwc);

}  // namespace ferkd
