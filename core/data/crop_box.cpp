#include "data/crop_box.h"

#include <algorithm>
#include <cmath>

namespace ferkd {

CropBox sampleRandomResizedCrop(std::mt19937_64& rng, int64_t height, int64_t width, const RandomResizedCropParams& p) {
    const double area = double(height) * double(width);
    std::uniform_real_distribution<double> scale(p.scale_min, p.scale_max);
    std::uniform_real_distribution<double> logRatio(std::log(p.ratio_min), std::log(p.ratio_max));
    for (int attempt = 0; attempt < 10; ++attempt) {
        double target = area * scale(rng);
        double ratio = std::exp(logRatio(rng));
        int64_t w = std::llround(std::sqrt(target * ratio));
        int64_t h = std::llround(std::sqrt(target / ratio));
        if (w > 0 && h > 0 && w <= width && h <= height) {
            int64_t x = std::uniform_int_distribution<int64_t>(0, width - w)(rng);
            int64_t y = std::uniform_int_distribution<int64_t>(0, height - h)(rng);
            return {float(x) / width, float(y) / height, float(w) / width, float(h) / height, false};
        }
    }
    double inRatio = double(width) / double(height);
    int64_t w = width, h = height;
    if (inRatio < p.ratio_min) h = std::llround(w / p.ratio_min);
    else if (inRatio > p.ratio_max) w = std::llround(h * p.ratio_max);
    return {float((width - w) / 2) / width, float((height - h) / 2) / height, float(w) / width, float(h) / height, false};
}

CropBox samplePadCrop(std::mt19937_64& rng, int64_t height, int64_t width, int pad) {
    std::uniform_int_distribution<int> offset(-pad, pad);
    return {float(offset(rng)) / width, float(offset(rng)) / height, 1.0f, 1.0f, false};
}

CropBox centerCrop(int64_t height, int64_t width, double ratio) {
    double side = ratio * double(std::min(height, width));
    float w = float(side / width), h = float(side / height);
    return {(1.0f - w) / 2, (1.0f - h) / 2, w, h, false};
}

}  // namespace ferkd
