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
    // The same in the tensor's own memory, for a batch the caller owns: a 224-px batch of 64
    // images is 38.5 MB, above malloc's mmap threshold, so each new one is fresh pages to
    // fault in (1.6 ms per image on the development VM; two of them were 5 ms of the
    // pipeline's 7.6 ms per image). Returns it contiguous.
    torch::Tensor inPlace(torch::Tensor images) const;

private:
    torch::Tensor mean_, invStd_;  // [1, C, 1, 1], in pixel units
};

}  // namespace ferkd
