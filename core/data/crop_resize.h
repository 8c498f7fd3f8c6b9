#pragma once
// Cutting crops out of decoded images on any device: one affine_grid + grid_sample call
// per batch, the crop box and the flip in the affine matrix.
#include <torch/torch.h>

#include <vector>

#include "data/crop_box.h"

namespace ferkd {

// Cuts `boxes[i]` out of image i of `images` ([B, C, H, W] float) and resizes it to
// size x size (bilinear), flipping where the box says so.
torch::Tensor cropAndResize(const torch::Tensor& images, const std::vector<CropBox>& boxes, int64_t size);

// Cuts every box out of one image ([1, C, H, W] float) in a single grid_sample call:
// the crops' sampling grids are stacked, so the image is not copied per crop.
torch::Tensor cropAndResizeMany(const torch::Tensor& image, const std::vector<CropBox>& boxes, int64_t size);

// Decoded uint8 pixels, one image [H, W, C] or a stack [B, H, W, C], as the float
// [B, C, H, W] that cropAndResize cuts, on `device`. The uint8 pixels travel (through
// pinned memory, without blocking: the copy queues behind the device's work), not floats.
torch::Tensor floatImagesOn(const torch::Tensor& pixels, torch::Device device);

}  // namespace ferkd
