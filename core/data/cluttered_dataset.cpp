#include "data/cluttered_dataset.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "util/error.h"
#include "util/hash.h"

namespace ferkd {
namespace {

// Own uniform and normal draws from the raw 64-bit stream: std::uniform_*_distribution
// differ between standard libraries, and the same seed must make the same bytes.
double uniform01(std::mt19937_64& rng) { return double(rng() >> 11) * 0x1.0p-53; }
int64_t uniformInt(std::mt19937_64& rng, int64_t lo, int64_t hi) {  // [lo, hi]
    return lo + int64_t(rng() % uint64_t(hi - lo + 1));
}
double normal(std::mt19937_64& rng) {
    const double u = std::max(uniform01(rng), 1e-300), v = uniform01(rng);
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * M_PI * v);
}

// [H, W, C] uint8 to side x side, as `dataset pack` resizes (area when shrinking).
torch::Tensor resizeSquare(const torch::Tensor& hwc, int64_t side) {
    namespace F = torch::nn::functional;
    auto x = hwc.permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat);
    auto opts = F::InterpolateFuncOptions().size(std::vector<int64_t>{side, side});
    if (side < hwc.size(0)) opts.mode(torch::kArea);
    else opts.mode(torch::kBilinear).align_corners(false);
    x = F::interpolate(x, opts);
    return x.squeeze(0).permute({1, 2, 0}).round().clamp(0, 255).to(torch::kUInt8).contiguous();
}

void validateClutterOptions(const ClutterOptions& o, int64_t sourceSide) {
    if (o.scale_min <= 0 || o.scale_max < o.scale_min)
        throw ConfigError("scale_min", "expected 0 < scale_min <= scale_max, got " + nlohmann::json(o.scale_min).dump() +
                                           " and " + nlohmann::json(o.scale_max).dump());
    const int64_t largest = std::lround(sourceSide * o.scale_max);
    if (o.canvas < largest || o.canvas > 1024)
        throw ConfigError("canvas", std::to_string(o.canvas) + " px cannot hold the largest object (" +
                                        std::to_string(largest) + " px = " + std::to_string(sourceSide) +
                                        " x scale_max); expected " + std::to_string(largest) + "-1024");
    if (o.fragments < 0 || o.fragments > 64)
        throw ConfigError("fragments", std::to_string(o.fragments) + " is outside 0-64");
    if (o.fragment_size < 1 || o.fragment_size > sourceSide || o.fragment_size > o.canvas)
        throw ConfigError("fragment_size", std::to_string(o.fragment_size) + " px; expected 1 to the source's " +
                                               std::to_string(sourceSide) + " px");
    if (o.noise < 0 || o.noise > 128) throw ConfigError("noise", nlohmann::json(o.noise).dump() + " is outside 0-128");
}

std::string clutterOptionsJson(const ClutterOptions& o, const std::string& source) {
    return nlohmann::json{{"generator", "make-cluttered"},
                          {"source", source},
                          {"canvas", o.canvas},
                          {"scale", {o.scale_min, o.scale_max}},
                          {"fragments", o.fragments},
                          {"fragment_size", o.fragment_size},
                          {"noise", o.noise},
                          {"seed", o.seed}}
        .dump();
}

}  // namespace

ClutteredDataset::ClutteredDataset(std::shared_ptr<const Dataset> source, ClutterOptions options,
                                   const std::string& split)
    : source_(std::move(source)), o_(options), salt_(fnv1a64(split.data(), split.size())) {
    if (source_->size() < 2) throw Error("a cluttered set needs at least 2 source images (clutter comes from others)");
    const auto first = source_->image(0);
    if (first.size(0) != first.size(1))
        throw Error("the source's images are " + std::to_string(first.size(1)) + "x" + std::to_string(first.size(0)) +
                    "; make-cluttered takes square images (pack them with --size first)");
    validateClutterOptions(o_, first.size(0));
    report_ = source_->report();
    report_.format = "cluttered";
    report_.generation = clutterOptionsJson(o_, source_->report().path);
    fingerprint_ = source_->fingerprint() + "/cluttered:" + hex64(fnv1a64(report_.generation.data(),
                                                                          report_.generation.size(), salt_));
}

ClutteredDataset::Made ClutteredDataset::make(int64_t i) const {
    uint64_t seedWords[3] = {o_.seed, salt_, uint64_t(i)};
    std::mt19937_64 rng(fnv1a64(seedWords, sizeof seedWords));
    const int64_t n = source_->size(), side = o_.canvas, c = source_->channels();
    std::vector<uint8_t> canvas(size_t(side * side * c), 0);
    auto paste = [&](const torch::Tensor& hwc, int64_t top, int64_t left) {  // brightest wins, as digits on black
        const int64_t h = hwc.size(0), w = hwc.size(1);
        const uint8_t* src = hwc.data_ptr<uint8_t>();
        for (int64_t y = 0; y < h; ++y)
            for (int64_t x = 0; x < w; ++x)
                for (int64_t k = 0; k < c; ++k) {
                    uint8_t& dst = canvas[size_t(((top + y) * side + left + x) * c + k)];
                    dst = std::max(dst, src[(y * w + x) * c + k]);
                }
    };
    for (int f = 0; f < o_.fragments; ++f) {
        int64_t j = uniformInt(rng, 0, n - 2);
        if (j >= i) ++j;  // another image than this one
        const torch::Tensor other = source_->image(j);
        const int64_t fs = o_.fragment_size;
        const int64_t fy = uniformInt(rng, 0, other.size(0) - fs), fx = uniformInt(rng, 0, other.size(1) - fs);
        const torch::Tensor piece = other.narrow(0, fy, fs).narrow(1, fx, fs).contiguous();
        paste(piece, uniformInt(rng, 0, side - fs), uniformInt(rng, 0, side - fs));
    }
    const torch::Tensor object = source_->image(i);
    const double scale = o_.scale_min + (o_.scale_max - o_.scale_min) * uniform01(rng);
    const int64_t s = std::clamp<int64_t>(std::lround(object.size(0) * scale), 1, side);
    const torch::Tensor resized = s == object.size(0) ? object.contiguous() : resizeSquare(object, s);
    const int64_t top = uniformInt(rng, 0, side - s), left = uniformInt(rng, 0, side - s);
    paste(resized, top, left);
    // The box is the object's own pixels (the source's black margin is not object); an
    // all-black object keeps the square it was pasted into.
    ObjectBox box{int(left + s), int(top + s), int(left), int(top)};
    const uint8_t* px = resized.data_ptr<uint8_t>();
    for (int64_t y = 0; y < s; ++y)
        for (int64_t x = 0; x < s; ++x)
            for (int64_t k = 0; k < c; ++k)
                if (px[(y * s + x) * c + k] > 0) {
                    box.x0 = std::min(box.x0, int(left + x));
                    box.y0 = std::min(box.y0, int(top + y));
                    box.x1 = std::max(box.x1, int(left + x + 1));
                    box.y1 = std::max(box.y1, int(top + y + 1));
                }
    if (box.x1 <= box.x0) box = {int(left), int(top), int(left + s), int(top + s)};
    if (o_.noise > 0)
        for (uint8_t& v : canvas) v = uint8_t(std::clamp(std::lround(v + o_.noise * normal(rng)), 0L, 255L));
    torch::Tensor pixels = torch::from_blob(canvas.data(), {side, side, c}, torch::kUInt8).clone();
    return {pixels, box};
}

torch::Tensor ClutteredDataset::image(int64_t i) const { return make(i).pixels; }

std::optional<ObjectBox> ClutteredDataset::objectBox(int64_t i) const { return make(i).box; }

}  // namespace ferkd
