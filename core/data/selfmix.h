#pragma once
// SelfMix (FerKD): a CutMix whose pasted patch comes from another crop of the same
// image. A batch holds each image's crops next to each other (groups of num_crops
// rows); within a group, crop j receives a box from crop (j + 1) mod n, and the soft
// labels mix by area. lambda ~ Beta(alpha, alpha), as in CutMix.
#include <torch/torch.h>

#include <random>

namespace ferkd {

struct SelfMixParams {
    double prob = 1.0;   // share of groups mixed (Table 1: 1.0)
    double alpha = 1.0;  // Beta(alpha, alpha)
};

// A CutMix box covering about (1 - lambda) of a size x size image, clipped at the edges.
struct PatchBox {
    int64_t y0 = 0, y1 = 0, x0 = 0, x1 = 0;
    int64_t area() const { return (y1 - y0) * (x1 - x0); }
};
PatchBox sampleCutBox(std::mt19937_64& rng, int64_t size, double lambda);

// A draw from Beta(alpha, alpha) (CutMix's, Mixup's and SelfMix's lambda).
double sampleBeta(std::mt19937_64& rng, double alpha);

// Mixes `images` [G * n, C, S, S] and `targets` [G * n, K] in place, group by group.
// Returns, per row, the share of its own crop that was kept (1 for unmixed rows).
std::vector<float> applySelfMix(torch::Tensor& images, torch::Tensor& targets, int64_t groupSize,
                                const SelfMixParams& params, std::mt19937_64& rng);
// The same with one generator per group (an image's own), so its draws do not depend
// on the batch or rank it lands in.
std::vector<float> applySelfMix(torch::Tensor& images, torch::Tensor& targets, int64_t groupSize,
                                const SelfMixParams& params, const std::vector<std::mt19937_64*>& groupRngs);

}  // namespace ferkd
