#pragma once
// Input normalisation, folded into one multiply-add on 0..255 pixel values:
// (x / 255 - mean) / std.
#include <torch/torch.h>

#include <string>
#include <vector>

namespace ferkd {

// Per-channel mean and std on pixel values scaled to 0..1, as torchvision writes them.
struct NormalizationStats {
    std::vector<float> mean, std;
};
// kind: "dataset" (mean 0.5, std 0.5) or "imagenet" (ImageNet mean/std; grey images
// use their average).
NormalizationStats normalizationStats(int64_t channels, const std::string& kind);

class Normalizer {
public:
    // kind: as normalizationStats.
    Normalizer(int64_t channels, const std::string& kind);
    // images: [B, C, H, W] float in 0..255.
    torch::Tensor operator()(const torch::Tensor& images) const;

private:
    torch::Tensor mean_, invStd_;  // [1, C, 1, 1], in pixel units
};

}  // namespace ferkd
