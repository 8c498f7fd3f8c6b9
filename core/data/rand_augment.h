#pragma once
// RandAugment as timm runs it for EVA's finetuning recipe ("rand-m9-mstd0.5-inc1"):
// each image gets `num_ops` operations drawn uniformly from the "increasing" set, each
// applied with probability `prob` at a magnitude drawn from N(magnitude, magnitude_std)
// clipped to [0, 10]. Works on batches of crops as float pixels in 0..255 (before
// normalisation); the images of a batch that drew the same operation are transformed
// together, and geometric operations fill with grey (128) as timm does.
#include <torch/torch.h>

#include <random>
#include <string>
#include <vector>

namespace ferkd {

enum class RandAugmentOp {
    AutoContrast, Equalize, Invert, Rotate, Posterize, Solarize, SolarizeAdd,
    Color, Contrast, Brightness, Sharpness, ShearX, ShearY, TranslateX, TranslateY,
};
constexpr int kRandAugmentOpCount = 15;
const char* randAugmentOpName(RandAugmentOp op);

struct RandAugmentParams {
    int num_ops = 0;             // operations per image, 0 = off (timm's default when on: 2)
    double magnitude = 9;        // 0..10 (Table 2: 9)
    double magnitude_std = 0.5;  // Gaussian noise on the magnitude per operation (Table 2: 0.5)
    double prob = 0.5;           // chance each drawn operation is applied (timm's default)
    bool enabled() const { return num_ops > 0; }
};

// Applies `op` to every image of `images` [N, C, H, W] (float, 0..255). `levels` holds
// one signed magnitude in [-10, 10] per image; signed operations (rotate, shear,
// translate, enhance) use the sign as their direction, the others ignore it.
torch::Tensor applyRandAugmentOp(RandAugmentOp op, const torch::Tensor& images, const std::vector<double>& levels);

// Augments a batch; a pure function of the batch and the generator's state.
torch::Tensor applyRandAugment(const torch::Tensor& images, const RandAugmentParams& params, std::mt19937_64& rng);
// The same with one generator per row (rows may share one; they then draw in row
// order), so an image's draws do not depend on which batch or rank it lands in.
torch::Tensor applyRandAugment(const torch::Tensor& images, const RandAugmentParams& params,
                               const std::vector<std::mt19937_64*>& rowRngs);

}  // namespace ferkd
