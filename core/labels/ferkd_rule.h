#pragma once
// FerKD's surgical label adaptation: every stored crop falls into one of four groups
// by the teacher's probability p of the image's true class (config/run_config.h,
// FerkdConfig, says how the thresholds are read). Discarded crops are never trained
// on; calibrated ones learn (1 - eps) * onehot(y) + eps / K; the rest the teacher's
// label.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "config/run_config.h"

namespace ferkd {

enum class CropGroup : uint8_t { DiscardedHard = 0, Calibrated = 1, Teacher = 2, DiscardedEasy = 3 };
constexpr int kCropGroups = 4;
// "discarded-hard", "calibrated", "teacher", "discarded-easy".
const char* cropGroupName(CropGroup g);
inline bool isKept(CropGroup g) { return g == CropGroup::Calibrated || g == CropGroup::Teacher; }

// Crops per group, in the enum's order.
using GroupCounts = std::array<int64_t, kCropGroups>;
int64_t totalCrops(const GroupCounts& counts);
double groupShare(const GroupCounts& counts, CropGroup g);  // 0 when there are no crops

// The group of each crop of one image, from its crops' p(true class). The paper rule
// looks at each crop alone; fraction and threshold (the earlier reading) rank an
// image's crops. Boundaries: p == t_low is calibrated, p == t_mid and p == t_top keep
// the teacher's label.
std::vector<CropGroup> groupCrops(const std::vector<float>& trueClassProbs, const FerkdConfig& rule);

// The paper rule's group of one crop.
CropGroup paperGroup(float p, const FerkdConfig& rule);

// The soft target of a calibrated crop: (1 - eps) * onehot(y) + eps / K into `out`.
void calibratedTarget(int64_t trueClass, int numClasses, double eps, float* out);

// One line for logs and tables: "paper t_low 0.01, t_mid 0.1, t_top 1, eps 0.1".
std::string describeRule(const FerkdConfig& rule);

}  // namespace ferkd
