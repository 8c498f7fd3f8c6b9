#pragma once
// Crop boxes in normalised image coordinates and how they are drawn. FKD records the
// same boxes with its soft labels, so they are plain data with no tensor inside.
#include <cstdint>
#include <random>

namespace ferkd {

struct CropBox {
    float x = 0, y = 0, w = 1, h = 1;  // top-left corner and size, as shares of the image side
    bool flip = false;                 // horizontal flip after cropping
};

struct RandomResizedCropParams {
    double scale_min = 0.08, scale_max = 1.0;
    double ratio_min = 3.0 / 4.0, ratio_max = 4.0 / 3.0;
};

// torchvision's RandomResizedCrop.get_params: ten tries at a box of random area and
// log-uniform aspect ratio, then a centre crop with the ratio clamped.
CropBox sampleRandomResizedCrop(std::mt19937_64& rng, int64_t height, int64_t width, const RandomResizedCropParams& p);

// Pad by `pad` pixels on each side and crop the original size at a random offset.
CropBox samplePadCrop(std::mt19937_64& rng, int64_t height, int64_t width, int pad);

// The centred box that keeps `ratio` of the shorter side (the test-time crop).
CropBox centerCrop(int64_t height, int64_t width, double ratio);

}  // namespace ferkd
