#pragma once
// Mixup and CutMix across the images of a batch (the ViT recipe), as timm's Mixup in
// batch mode: with probability `prob` the batch is mixed with itself reversed; CutMix
// is chosen over Mixup with probability `switch_prob` when both are on. Labels mix by
// the kept share (for CutMix, the true pasted area).
#include <torch/torch.h>

#include <random>

namespace ferkd {

struct MixupParams {
    double mixup_alpha = 0.0;   // 0 = off (Table 1 ViT: 0.8)
    double cutmix_alpha = 0.0;  // 0 = off (Table 1 ViT: 1.0)
    double prob = 1.0;
    double switch_prob = 0.5;
    bool enabled() const { return (mixup_alpha > 0 || cutmix_alpha > 0) && prob > 0; }
};

// Mixes images [B, C, S, S] and soft targets [B, K] in place; returns the kept share
// lambda (1 when the batch was left alone).
double applyMixup(torch::Tensor& images, torch::Tensor& targets, const MixupParams& params, std::mt19937_64& rng);

}  // namespace ferkd
