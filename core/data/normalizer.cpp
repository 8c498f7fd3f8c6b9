#include "data/normalizer.h"

namespace ferkd {

NormalizationStats normalizationStats(int64_t C, const std::string& kind) {
    NormalizationStats s{std::vector<float>(C, 0.5f), std::vector<float>(C, 0.5f)};
    if (kind == "imagenet") {
        const float m[3] = {0.485f, 0.456f, 0.406f}, d[3] = {0.229f, 0.224f, 0.225f};
        for (int64_t c = 0; c < C; ++c) {
            s.mean[c] = C == 3 ? m[c] : 0.449f;
            s.std[c] = C == 3 ? d[c] : 0.226f;
        }
    }
    return s;
}

Normalizer::Normalizer(int64_t C, const std::string& kind) {
    const NormalizationStats s = normalizationStats(C, kind);
    mean_ = torch::tensor(s.mean).view({1, C, 1, 1}) * 255.0f;
    invStd_ = 1.0f / (torch::tensor(s.std).view({1, C, 1, 1}) * 255.0f);
}

torch::Tensor Normalizer::operator()(const torch::Tensor& images) const {
    // non_blocking: on a GPU, the upload does not wait for the kernels already queued.
    return ((images - mean_.to(images.device(), /*non_blocking=*/true)) * invStd_.to(images.device(), true)).contiguous();
}

torch::Tensor Normalizer::inPlace(torch::Tensor images) const {
    images.sub_(mean_.to(images.device(), /*non_blocking=*/true)).mul_(invStd_.to(images.device(), true));
    return images.contiguous();
}

}  // namespace ferkd
