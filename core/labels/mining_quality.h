#pragma once
// How well the teacher's p(true class) tells the crops that hold the object from those
// that miss it, measured on data sets that know each image's object box (the cluttered
// testbed, image folders with boxes.csv). FerKD's premise (the paper's Figure 1) is that
// low p marks background crops; this puts a number on it:
//  - per crop, the share of the object it covers and the share of it that is object;
//  - the ROC AUC of p at separating "most of the object" crops (positives) from
//    "no object" crops (negatives), ties counted half (the Mann-Whitney statistic);
//  - p binned by object coverage;
//  - how the rule's four groups split by coverage: the precision of
//    "discarded-hard = no object" and of "calibrated = context (not most of the object)".
// Free of torch headers, so Qt widgets can include it.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "labels/ferkd_rule.h"

namespace ferkd {

class Dataset;
class DistillTargets;

struct MiningSettings {
    // A crop covering less than this share of the object's box holds "no object".
    double no_object_below = 0.1;
    // A crop covering at least this share holds "most of the object".
    double most_object_from = 0.5;
    int bins = 10;  // bins of object coverage over [0, 1] for the table
};

// The three coverage classes the cuts define, in this order in every array below.
enum class Coverage : uint8_t { None = 0, Partial = 1, Most = 2 };
constexpr int kCoverageClasses = 3;
const char* coverageName(Coverage c);  // "no object", "partial", "most of it"
Coverage coverageOf(double objectCovered, const MiningSettings& settings);

using CoverageCounts = std::array<int64_t, kCoverageClasses>;

// One stored crop as the analysis sees it.
struct CropMining {
    int64_t image = 0;
    int crop = 0;
    float p_true = 0;
    float object_covered = 0;  // share of the object's box inside the crop; -1 when the image has no box
    float crop_is_object = 0;  // share of the crop inside the object's box; -1 when the image has no box
    CropGroup group = CropGroup::Teacher;
};

struct CoverageBin {
    double lo = 0, hi = 0;  // object coverage in [lo, hi); the last bin includes 1
    int64_t crops = 0;
    double mean_p = 0, q25_p = 0, median_p = 0, q75_p = 0;  // p(true class); 0 when the bin is empty
    double mean_crop_is_object = 0;
    GroupCounts groups{};
};

struct MiningQuality {
    MiningSettings settings;
    FerkdConfig rule;
    int64_t crops = 0;          // crops of images with a box (the others are left out)
    CoverageCounts coverage{};  // crops per coverage class
    double auc = 0;             // NaN without crops of both "no object" and "most of it"
    std::vector<CoverageBin> bins;
    std::array<CoverageCounts, kCropGroups> group_coverage{};  // [group][coverage class]

    // Share of the group's crops in the coverage class (0 for an empty group).
    double share(CropGroup g, Coverage c) const;
    double hardPrecision() const { return share(CropGroup::DiscardedHard, Coverage::None); }
    double calibratedPrecision() const;  // calibrated crops that do not hold most of the object
    double noObjectRecall() const;       // "no object" crops the rule discards as hard
};

// ROC AUC of scores: the probability that a random positive scores above a random
// negative, ties counted half. NaN when either list is empty.
double rocAuc(std::vector<float> positives, std::vector<float> negatives);

MiningQuality measureMining(const std::vector<CropMining>& crops, const FerkdConfig& rule, const MiningSettings& settings);

// Whether any image of `data` has an object box (an image folder's boxes.csv may leave
// some out); asks image by image until one has.
bool hasObjectBoxes(const Dataset& data);

// Every stored crop of `targets` (ferkd mode, opened for `data`), grouped by its rule, in
// store order ([image * crops_per_image + crop]).
// Throws ConfigError naming `data` when the data set has no object boxes.
std::vector<CropMining> mineCrops(const Dataset& data, const DistillTargets& targets);

// The summary stored with a label set's statistics, and back (Error when damaged).
nlohmann::json miningToJson(const MiningQuality& m);
MiningQuality miningFromJson(const nlohmann::json& j);

// The binned table as CSV (one row per coverage bin), and every crop as CSV
// (image,crop,p_true,object_covered,crop_is_object,group; -1: no box), each written atomically.
void writeMiningBinsCsv(const std::string& path, const MiningQuality& m);
void writeCropMiningCsv(const std::string& path, const std::vector<CropMining>& crops);

// "AUC 0.91 (2,301 no-object vs 9,122 most-of-it crops); discarded-hard = no object 84.0%, ...".
std::string describeMining(const MiningQuality& m);

}  // namespace ferkd
