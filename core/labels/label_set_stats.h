#pragma once
// What a label set says about its crops, for the studio and `ferkd labels info`: how
// confident the teacher is in the true class (a histogram), into which of FerKD's four
// groups a rule puts each crop, over the set and per class. Stored in the experiment
// store next to the label set's row.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "labels/ferkd_rule.h"
#include "labels/mining_quality.h"
#include "store/experiment_store.h"

namespace ferkd {

struct LabelSetStats {
    FerkdConfig rule;
    std::vector<int64_t> histogram;         // crops per bin of p(true class), bins of equal width over [0, 1]
    std::vector<int64_t> class_crops;       // crops per ground-truth class
    std::vector<GroupCounts> class_groups;  // crops per group, per ground-truth class
    GroupCounts totals{};                   // crops per group
    std::vector<uint8_t> crop_groups;       // CropGroup per crop, [image * crops_per_image + crop]
    std::optional<MiningQuality> mining;    // on data sets with object boxes, under the same rule

    int64_t crops() const { return totalCrops(totals); }
    double share(CropGroup g) const { return groupShare(totals, g); }  // of all crops
    double share(int cls, CropGroup g) const;  // of the crops of images of class `cls`
    // "discarded-hard 2.1%, calibrated 8.0%, teacher 85.3%, discarded-easy 4.6% (paper t_low ...)".
    std::string describeGroups() const;
};

// Reads the teacher's p(true class) of every crop of `labelsPath` against `data` (the
// data set it was made for) and applies `rule`; measures the mining where `data` has
// object boxes.
LabelSetStats computeLabelSetStats(const Dataset& data, const std::string& labelsPath, const FerkdConfig& rule,
                                   int bins = 20, const MiningSettings& mining = {});
// The same from a label set already opened for `data` in ferkd mode, under its rule.
LabelSetStats computeLabelSetStats(const Dataset& data, const DistillTargets& targets, int bins = 20,
                                   const MiningSettings& mining = {});

// The store's row for a label set (header facts, file size, stats) and back. Reading
// statistics stored by an earlier version (three crop classes, not four groups)
// throws Error saying how to recompute them.
LabelSetRecord labelSetRecord(const std::string& labelsPath, const LabelSetStats& stats, int64_t runId);
LabelSetStats labelSetStatsFrom(const LabelSetRecord& record);

}  // namespace ferkd
