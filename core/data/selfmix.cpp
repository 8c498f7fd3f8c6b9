#include "data/selfmix.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ferkd {

double sampleBeta(std::mt19937_64& rng, double alpha) {
    std::gamma_distribution<double> gamma(alpha, 1.0);
    double x = gamma(rng), y = gamma(rng);
    return x + y > 0 ? x / (x + y) : 0.5;
}

PatchBox sampleCutBox(std::mt19937_64& rng, int64_t size, double lambda) {
    const double ratio = std::sqrt(std::max(0.0, 1.0 - lambda));
    const int64_t cut = static_cast<int64_t>(double(size) * ratio);
    std::uniform_int_distribution<int64_t> centre(0, size - 1);
    const int64_t cy = centre(rng), cx = centre(rng);
    PatchBox b;
    b.y0 = std::clamp<int64_t>(cy - cut / 2, 0, size);
    b.y1 = std::clamp<int64_t>(cy + cut / 2, 0, size);
    b.x0 = std::clamp<int64_t>(cx - cut / 2, 0, size);
    b.x1 = std::clamp<int64_t>(cx + cut / 2, 0, size);
    return b;
}

std::vector<float> applySelfMix(torch::Tensor& images, torch::Tensor& targets, int64_t n, const SelfMixParams& p,
                                std::mt19937_64& rng) {
    return applySelfMix(images, targets, n, p, std::vector<std::mt19937_64*>(n > 0 ? images.size(0) / n : 0, &rng));
}

std::vector<float> applySelfMix(torch::Tensor& images, torch::Tensor& targets, int64_t n, const SelfMixParams& p,
                                const std::vector<std::mt19937_64*>& groupRngs) {
    const int64_t rows = images.size(0), S = images.size(2);
    std::vector<float> kept(rows, 1.0f);
    if (n < 2 || p.prob <= 0) return kept;
    std::bernoulli_distribution apply(p.prob);
    torch::NoGradGuard guard;
    if (int64_t(groupRngs.size()) < rows / n) throw std::invalid_argument("applySelfMix: one generator per group");
    for (int64_t g = 0; g + n <= rows; g += n) {
        std::mt19937_64& rng = *groupRngs[g / n];
        if (!apply(rng)) continue;
        const PatchBox box = sampleCutBox(rng, S, sampleBeta(rng, p.alpha));
        if (box.area() == 0) continue;
        const float own = 1.0f - float(box.area()) / float(S * S);
        auto group = images.narrow(0, g, n);
        // Each crop takes the patch from the next crop of the same image.
        auto donors = group.roll(-1, 0).narrow(2, box.y0, box.y1 - box.y0).narrow(3, box.x0, box.x1 - box.x0).clone();
        group.narrow(2, box.y0, box.y1 - box.y0).narrow(3, box.x0, box.x1 - box.x0).copy_(donors);
        auto t = targets.narrow(0, g, n);
        auto mixed = t * own + t.roll(-1, 0) * (1.0f - own);
        t.copy_(mixed);
        std::fill(kept.begin() + g, kept.begin() + g + n, own);
    }
    return kept;
}

}  // namespace ferkd
