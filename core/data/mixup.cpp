#include "data/mixup.h"

#include "data/selfmix.h"

namespace ferkd {

double applyMixup(torch::Tensor& images, torch::Tensor& targets, const MixupParams& p, std::mt19937_64& rng) {
    if (!p.enabled() || images.size(0) < 2) return 1.0;
    if (!std::bernoulli_distribution(p.prob)(rng)) return 1.0;
    bool cutmix = p.cutmix_alpha > 0 && (p.mixup_alpha <= 0 || std::bernoulli_distribution(p.switch_prob)(rng));
    torch::NoGradGuard guard;
    double lambda;
    auto reversed = images.flip({0});
    if (cutmix) {
        const int64_t S = images.size(2);
        PatchBox box = sampleCutBox(rng, S, sampleBeta(rng, p.cutmix_alpha));
        lambda = 1.0 - double(box.area()) / double(S * S);
        auto patch = reversed.narrow(2, box.y0, box.y1 - box.y0).narrow(3, box.x0, box.x1 - box.x0).clone();
        images.narrow(2, box.y0, box.y1 - box.y0).narrow(3, box.x0, box.x1 - box.x0).copy_(patch);
    } else {
        lambda = sampleBeta(rng, p.mixup_alpha);
        images.mul_(lambda).add_(reversed, 1.0 - lambda);
    }
    targets.copy_(targets * lambda + targets.flip({0}) * (1.0 - lambda));
    return lambda;
}

}  // namespace ferkd
