#pragma once
// FerKD's surgical label adaptation. Each image's crops are ranked by the teacher's
// probability of the true class. The least confident ones (hard negatives: mostly
// background) get a softened ground-truth label instead of the teacher's,
// (1 - eps) * onehot(y) + eps / K; the most confident ones (easy) may be left out.
#include <cstdint>
#include <string>
#include <vector>

namespace ferkd {

enum class CropClass : uint8_t { Hard = 0, Middle = 1, Easy = 2 };
const char* cropClassName(CropClass c);

struct FerkdRule {
    std::string hard_rule = "fraction";  // fraction: the hard_fraction least confident; threshold: p < hard_threshold
    double hard_fraction = 0.2;
    double hard_threshold = 0.1;
    double easy_fraction = 0.2;          // the most confident share counts as easy
    double eps = 0.1;                    // smoothing of the calibrated label
    double drop_easiest = 0.0;           // share of the most confident crops left out of training
};

// One class per crop, from the teacher's probability of the true class per crop.
std::vector<CropClass> classifyCrops(const std::vector<float>& trueClassProbs, const FerkdRule& rule);

// Indices of crops kept for training: all but the drop_easiest most confident.
std::vector<int> keptCrops(const std::vector<float>& trueClassProbs, const FerkdRule& rule);

}  // namespace ferkd
