#pragma once
// Mean and sample standard deviation (n - 1), as the ablation, the run comparison and
// the studio's seed bands report spread over seeds.
#include <vector>

namespace ferkd {

struct MeanStd {
    double mean = 0, std = 0;  // std is 0 for fewer than two values
};
MeanStd meanStd(const std::vector<double>& values);

}  // namespace ferkd
