#include "labels/ferkd_rule.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

namespace ferkd {

const char* cropGroupName(CropGroup g) {
    switch (g) {
    case CropGroup::DiscardedHard: return "discarded-hard";
    case CropGroup::Calibrated: return "calibrated";
    case CropGroup::Teacher: return "teacher";
    case CropGroup::DiscardedEasy: return "discarded-easy";
    }
    return "teacher";
}

int64_t totalCrops(const GroupCounts& counts) {
    int64_t n = 0;
    for (int64_t c : counts) n += c;
    return n;
}

double groupShare(const GroupCounts& counts, CropGroup g) {
    const int64_t n = totalCrops(counts);
    return n > 0 ? double(counts[size_t(g)]) / double(n) : 0.0;
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

CropGroup paperGroup(float p, const FerkdConfig& r) {
    if (p < r.t_low) return CropGroup::DiscardedHard;
    if (p < r.t_mid) return CropGroup::Calibrated;
    if (p <= r.t_top) return CropGroup::Teacher;
    return CropGroup::DiscardedEasy;
}

std::vector<CropGroup> groupCrops(const std::vector<float>& p, const FerkdConfig& rule) {
    std::vector<CropGroup> out(p.size(), CropGroup::Teacher);
    if (rule.rule == "paper") {
        for (size_t i = 0; i < p.size(); ++i) out[i] = paperGroup(p[i], rule);
        return out;
    }
    const auto order = rankAscending(p);
    if (rule.rule == "threshold") {
        for (size_t i = 0; i < p.size(); ++i)
            if (p[i] < rule.hard_threshold) out[i] = CropGroup::Calibrated;
    } else {
        const int hard = countOf(rule.hard_fraction, p.size());
        for (int i = 0; i < hard; ++i) out[order[i]] = CropGroup::Calibrated;
    }
    // Dropped easiest crops were left out even where the hard share reached them.
    const int drop = countOf(rule.drop_easiest, p.size());
    for (int i = 0; i < drop; ++i) out[order[p.size() - 1 - i]] = CropGroup::DiscardedEasy;
    return out;
}

void calibratedTarget(int64_t trueClass, int numClasses, double eps, float* out) {
    const float e = static_cast<float>(eps);
    std::fill(out, out + numClasses, e / float(numClasses));
    out[trueClass] += 1.0f - e;
}

std::string describeRule(const FerkdConfig& r) {
    std::ostringstream o;
    o << r.rule;
    if (r.rule == "paper") o << " t_low " << r.t_low << ", t_mid " << r.t_mid << ", t_top " << r.t_top;
    else if (r.rule == "fraction") o << " hard_fraction " << r.hard_fraction << ", drop_easiest " << r.drop_easiest;
    else o << " hard_threshold " << r.hard_threshold << ", drop_easiest " << r.drop_easiest;
    o << ", eps " << r.eps;
    return o.str();
}

}  // namespace ferkd
