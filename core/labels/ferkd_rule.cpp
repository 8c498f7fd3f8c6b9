#include "labels/ferkd_rule.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ferkd {

const char* cropClassName(CropClass c) {
    switch (c) {
    case CropClass::Hard: return "hard";
    case CropClass::Middle: return "middle";
    case CropClass::Easy: return "easy";
    }
    return "middle";
}

namespace {
// Crop indices from the least to the most confident; ties keep crop order.
std::vector<int> rankAscending(const std::vector<float>& p) {
    std::vector<int> order(p.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return p[a] < p[b]; });
    return order;
}
int countOf(double share, size_t n) { return static_cast<int>(std::floor(share * double(n) + 1e-9)); }
}  // namespace

std::vector<CropClass> classifyCrops(const std::vector<float>& p, const FerkdRule& rule) {
    std::vector<CropClass> out(p.size(), CropClass::Middle);
    const auto order = rankAscending(p);
    const int easy = countOf(rule.easy_fraction, p.size());
    for (int i = 0; i < easy; ++i) out[order[p.size() - 1 - i]] = CropClass::Easy;
    if (rule.hard_rule == "threshold") {
        for (size_t i = 0; i < p.size(); ++i)
            if (p[i] < rule.hard_threshold) out[i] = CropClass::Hard;
    } else {
        const int hard = countOf(rule.hard_fraction, p.size());
        for (int i = 0; i < hard; ++i) out[order[i]] = CropClass::Hard;
    }
    return out;
}

std::vector<int> keptCrops(const std::vector<float>& p, const FerkdRule& rule) {
    const auto order = rankAscending(p);
    const int drop = countOf(rule.drop_easiest, p.size());
    std::vector<int> kept(order.begin(), order.end() - drop);
    std::sort(kept.begin(), kept.end());
    return kept;
}

}  // namespace ferkd
