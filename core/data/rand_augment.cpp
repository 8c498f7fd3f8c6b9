#include "data/rand_augment.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace ferkd {

namespace F = torch::nn::functional;

namespace {

constexpr double kPi = 3.14159265358979323846;

// [n, 1, 1, 1] per-image values, for broadcasting against [n, C, H, W].
torch::Tensor perImage(const std::vector<double>& values, const torch::Tensor& like) {
    std::vector<float> v(values.begin(), values.end());
    return torch::tensor(v, torch::kFloat).to(like.device(), true).view({-1, 1, 1, 1});
}

std::vector<double> mapLevels(const std::vector<double>& levels, double (*f)(double)) {
    std::vector<double> out;
    out.reserve(levels.size());
    for (double l : levels) out.push_back(f(l));
    return out;
}

// Pixel values as PIL keeps them: integers in 0..255.
torch::Tensor quantise(const torch::Tensor& x) { return x.round().clamp(0, 255); }

// PIL's "L" conversion (ITU-R 601-2 luma), [n, 1, H, W].
torch::Tensor grey(const torch::Tensor& x) {
    if (x.size(1) != 3) return x.mean(1, true);
    return (x.select(1, 0) * 0.299f + x.select(1, 1) * 0.587f + x.select(1, 2) * 0.114f).unsqueeze(1);
}

// PIL's ImageEnhance: blend(degenerate, image, factor), factor = 1 + 0.9 * level / 10.
torch::Tensor enhance(const torch::Tensor& x, const torch::Tensor& degenerate, const std::vector<double>& levels) {
    auto factor = perImage(mapLevels(levels, [](double l) { return 1.0 + 0.09 * l; }), x);
    return quantise(degenerate + factor * (x - degenerate));
}

// PIL's SMOOTH kernel ([[1,1,1],[1,5,1],[1,1,1]] / 13) inside, the original on the border.
torch::Tensor smooth(const torch::Tensor& x) {
    const int64_t C = x.size(1);
    if (x.size(2) < 3 || x.size(3) < 3) return x;
    auto k = torch::ones({3, 3}, x.options());
    k[1][1] = 5;
    k = (k / 13).expand({C, 1, 3, 3}).contiguous();
    auto inner = F::conv2d(x, k, F::Conv2dFuncOptions().groups(C));
    auto out = x.clone();
    out.narrow(2, 1, x.size(2) - 2).narrow(3, 1, x.size(3) - 2).copy_(inner);
    return quantise(out);
}

// PIL's ImageOps.equalize, per image and channel.
torch::Tensor equalize(const torch::Tensor& x) {
    auto q = quantise(x).to(torch::kCPU).to(torch::kUInt8).contiguous();
    const int64_t planes = q.size(0) * q.size(1), pixels = q.size(2) * q.size(3);
    uint8_t* data = q.data_ptr<uint8_t>();
    for (int64_t p = 0; p < planes; ++p) {
        uint8_t* plane = data + p * pixels;
        int64_t hist[256] = {0};
        for (int64_t i = 0; i < pixels; ++i) hist[plane[i]]++;
        int64_t last = 0, nonzero = 0;
        for (int v = 0; v < 256; ++v)
            if (hist[v]) last = hist[v], ++nonzero;
        const int64_t step = (pixels - last) / 255;
        if (nonzero <= 1 || step == 0) continue;
        uint8_t lut[256];
        int64_t n = step / 2;
        for (int v = 0; v < 256; ++v) {
            lut[v] = static_cast<uint8_t>(std::min<int64_t>(255, n / step));
            n += hist[v];
        }
        for (int64_t i = 0; i < pixels; ++i) plane[i] = lut[plane[i]];
    }
    return q.to(x.device()).to(torch::kFloat);
}

torch::Tensor autoContrast(const torch::Tensor& x) {
    auto flat = x.flatten(2);
    auto lo = std::get<0>(flat.min(2, true)).unsqueeze(-1);
    auto hi = std::get<0>(flat.max(2, true)).unsqueeze(-1);
    auto range = hi - lo;
    auto scaled = (x - lo) * (255.0f / range.clamp_min(1e-6));
    return quantise(torch::where(range > 0, scaled, x));
}

// Affine resampling with grey fill: output coordinate (u, v) in [-1, 1] samples the
// input at theta * (u, v, 1).
torch::Tensor warp(const torch::Tensor& x, const std::vector<std::array<float, 6>>& thetas) {
    auto theta = torch::empty({int64_t(thetas.size()), 2, 3}, torch::kFloat);
    auto t = theta.accessor<float, 3>();
    for (size_t i = 0; i < thetas.size(); ++i)
        for (int k = 0; k < 6; ++k) t[i][k / 3][k % 3] = thetas[i][k];
    auto grid = F::affine_grid(theta.to(x.device(), true), x.sizes(), false);
    auto sampled = F::grid_sample(x - 128.0f, grid,
                                  F::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kZeros).align_corners(false));
    return quantise(sampled + 128.0f);
}

torch::Tensor geometric(RandAugmentOp op, const torch::Tensor& x, const std::vector<double>& levels) {
    const double H = double(x.size(2)), W = double(x.size(3));
    std::vector<std::array<float, 6>> thetas;
    for (double l : levels) {
        std::array<float, 6> t{1, 0, 0, 0, 1, 0};
        switch (op) {
        case RandAugmentOp::Rotate: {  // up to 30 degrees about the centre
            const double a = l / 10.0 * 30.0 * kPi / 180.0;
            t = {float(std::cos(a)), float(-std::sin(a) * H / W), 0, float(std::sin(a) * W / H), float(std::cos(a)), 0};
            break;
        }
        case RandAugmentOp::ShearX: {  // PIL: out(x, y) = in(x + s * y, y), s up to 0.3
            const double s = l / 10.0 * 0.3;
            t = {1, float(s * H / W), float(s * (H - 1) / W), 0, 1, 0};
            break;
        }
        case RandAugmentOp::ShearY: {
            const double s = l / 10.0 * 0.3;
            t = {1, 0, 0, float(s * W / H), 1, float(s * (W - 1) / H)};
            break;
        }
        case RandAugmentOp::TranslateX:  // out(x, y) = in(x + p * W, y), p up to 0.45
            t[2] = float(2.0 * l / 10.0 * 0.45);
            break;
        case RandAugmentOp::TranslateY:
            t[5] = float(2.0 * l / 10.0 * 0.45);
            break;
        default:
            break;
        }
        thetas.push_back(t);
    }
    return warp(x, thetas);
}

}  // namespace

const char* randAugmentOpName(RandAugmentOp op) {
    static const char* const names[kRandAugmentOpCount] = {
        "AutoContrast", "Equalize",  "Invert",   "Rotate",     "PosterizeIncreasing", "SolarizeIncreasing",
        "SolarizeAdd",  "ColorIncreasing", "ContrastIncreasing", "BrightnessIncreasing", "SharpnessIncreasing",
        "ShearX",       "ShearY",    "TranslateXRel", "TranslateYRel"};
    return names[static_cast<int>(op)];
}

torch::Tensor applyRandAugmentOp(RandAugmentOp op, const torch::Tensor& images, const std::vector<double>& levels) {
    const torch::Tensor& x = images;
    switch (op) {
    case RandAugmentOp::AutoContrast: return autoContrast(x);
    case RandAugmentOp::Equalize: return equalize(x);
    case RandAugmentOp::Invert: return 255.0f - quantise(x);
    case RandAugmentOp::Posterize: {  // keep 4 - int(4 * m / 10) bits
        auto shift = perImage(mapLevels(levels, [](double l) { return std::pow(2.0, 8 - (4 - int(std::abs(l) / 10.0 * 4))); }), x);
        return torch::floor(quantise(x) / shift) * shift;
    }
    case RandAugmentOp::Solarize: {  // invert pixels at or above 256 - int(256 * m / 10)
        auto threshold = perImage(mapLevels(levels, [](double l) { return 256.0 - int(std::abs(l) / 10.0 * 256); }), x);
        auto q = quantise(x);
        return torch::where(q >= threshold, 255.0f - q, q);
    }
    case RandAugmentOp::SolarizeAdd: {  // add int(110 * m / 10) to pixels below 128
        auto add = perImage(mapLevels(levels, [](double l) { return double(int(std::abs(l) / 10.0 * 110)); }), x);
        auto q = quantise(x);
        return torch::where(q < 128, (q + add).clamp_max(255), q);
    }
    case RandAugmentOp::Color:
        return x.size(1) == 3 ? enhance(x, grey(x).expand_as(x), levels) : x;
    case RandAugmentOp::Contrast: {
        auto mean = (grey(x).mean({1, 2, 3}, true) + 0.5f).floor();
        return enhance(x, mean.expand_as(x), levels);
    }
    case RandAugmentOp::Brightness: return enhance(x, torch::zeros_like(x), levels);
    case RandAugmentOp::Sharpness: return enhance(x, smooth(x), levels);
    case RandAugmentOp::Rotate:
    case RandAugmentOp::ShearX:
    case RandAugmentOp::ShearY:
    case RandAugmentOp::TranslateX:
    case RandAugmentOp::TranslateY: return geometric(op, x, levels);
    }
    return x;
}

torch::Tensor applyRandAugment(const torch::Tensor& images, const RandAugmentParams& params, std::mt19937_64& rng) {
    return applyRandAugment(images, params, std::vector<std::mt19937_64*>(images.size(0), &rng));
}

torch::Tensor applyRandAugment(const torch::Tensor& images, const RandAugmentParams& params,
                               const std::vector<std::mt19937_64*>& rowRngs) {
    if (!params.enabled() || images.size(0) == 0) return images;
    const int64_t N = images.size(0);
    if (int64_t(rowRngs.size()) != N) throw std::invalid_argument("applyRandAugment: one generator per row");
    std::uniform_int_distribution<int> pick(0, kRandAugmentOpCount - 1);
    std::bernoulli_distribution apply(params.prob), negate(0.5);
    std::normal_distribution<double> noise(0.0, 1.0);
    torch::Tensor out = images.clone();
    for (int layer = 0; layer < params.num_ops; ++layer) {
        std::vector<std::vector<int64_t>> rows(kRandAugmentOpCount);
        std::vector<std::vector<double>> levels(kRandAugmentOpCount);
        for (int64_t i = 0; i < N; ++i) {
            // Every image makes the same draws whether or not its operation applies, so
            // one image's choices never shift another's.
            std::mt19937_64& rng = *rowRngs[i];
            const int op = pick(rng);
            const bool on = apply(rng);
            const double m = std::clamp(params.magnitude + params.magnitude_std * noise(rng), 0.0, 10.0);
            const bool negative = negate(rng);
            if (!on) continue;
            rows[op].push_back(i);
            levels[op].push_back(negative ? -m : m);
        }
        // Images that drew the same operation are transformed in one call.
        for (int op = 0; op < kRandAugmentOpCount; ++op) {
            if (rows[op].empty()) continue;
            auto idx = torch::tensor(rows[op], torch::kInt64).to(out.device(), true);
            auto part = applyRandAugmentOp(static_cast<RandAugmentOp>(op), out.index_select(0, idx), levels[op]);
            out.index_copy_(0, idx, part);
        }
    }
    return out;
}

}  // namespace ferkd
