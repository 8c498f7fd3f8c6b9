#pragma once
// Mean and sample standard deviation (n - 1), as the ablation, the run comparison and
// the studio's seed bands report spread over seeds; the median of benchmark timings.
#include <vector>

namespace ferkd {

struct MeanStd {
    double mean = 0, std = 0;  // std is 0 for fewer than two values
};
MeanStd meanStd(const std::vector<double>& values);

// The middle value (the upper one of an even count), as benchmarks report timings; 0 when empty.
double median(std::vector<double> values);

}  // namespace ferkd
