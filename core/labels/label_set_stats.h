#pragma once
// What a label set says about its crops, for the studio and `ferkd labels info`: how
// confident the teacher is in the true class (a histogram), which crops FerKD's rule
// calls hard / middle / easy, and the share of hard crops per class. Stored in the
// experiment store next to the label set's row.
#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "labels/ferkd_rule.h"
#include "store/experiment_store.h"

namespace ferkd {

struct LabelSetStats {
    FerkdRule rule;
    std::vector<int64_t> histogram;     // crops per bin of p(true class), bins of equal width over [0, 1]
    std::vector<int64_t> class_crops;   // crops per ground-truth class
    std::vector<int64_t> class_hard;    // hard crops per ground-truth class
    std::vector<int64_t> totals{0, 0, 0};  // hard, middle, easy
    std::vector<uint8_t> crop_classes;  // CropClass per crop, [image * crops_per_image + crop]

    int64_t crops() const { return totals[0] + totals[1] + totals[2]; }
    double share(CropClass c) const;   // of all crops
    double hardShare(int cls) const;   // of the crops of images of class `cls`
};

// Reads the teacher's p(true class) of every crop of `labelsPath` against `data` (the
// data set it was made for) and applies `rule`.
LabelSetStats computeLabelSetStats(const Dataset& data, const std::string& labelsPath, const FerkdRule& rule,
                                   int bins = 20);

// The store's row for a label set (header facts, file size, stats) and back.
LabelSetRecord labelSetRecord(const std::string& labelsPath, const LabelSetStats& stats, int64_t runId);
LabelSetStats labelSetStatsFrom(const LabelSetRecord& record);

}  // namespace ferkd
