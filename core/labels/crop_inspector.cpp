#include "labels/crop_inspector.h"

#include <algorithm>

namespace ferkd {

std::vector<CropMining> sampleMinedCrops(const std::vector<CropMining>& all, size_t maxCrops) {
    if (maxCrops == 0) return {};
    size_t measured = 0;
    for (const auto& c : all) measured += c.object_covered >= 0;
    const size_t keep = maxCrops;
    const size_t stride = measured <= keep ? 1 : (measured + keep - 1) / keep;
    std::vector<CropMining> out;
    out.reserve(std::min(measured, keep));
    size_t k = 0;
    for (const auto& c : all)
        if (c.object_covered >= 0 && k++ % stride == 0) out.push_back(c);
    return out;
}

}  // namespace ferkd
