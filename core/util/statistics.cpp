#include "util/statistics.h"

#include <algorithm>

#include <cmath>

namespace ferkd {

MeanStd meanStd(const std::vector<double>& values) {
    MeanStd r;
    if (values.empty()) return r;
    for (double x : values) r.mean += x;
    r.mean /= double(values.size());
    double ss = 0;
    for (double x : values) ss += (x - r.mean) * (x - r.mean);
    r.std = values.size() > 1 ? std::sqrt(ss / double(values.size() - 1)) : 0;
    return r;
}

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

}  // namespace ferkd
