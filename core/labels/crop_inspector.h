#pragma once
// What the studio's crop browser (the paper's Figure 1) reads: one image of a label
// set's data with all its stored crops, each with the teacher's probability of the true
// class, its top-5 and its FerKD group under a given rule; the data-set-wide count of
// crops in each group for a rule; images ranked by how many crops the teacher hardly
// recognises; on data sets with object boxes, each image's box and the mining quality
// (labels/mining_quality.h) under a rule.
// Free of torch headers, so Qt widgets can include it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "data/crop_box.h"
#include "data/object_box.h"
#include "imaging/image_pixels.h"
#include "labels/ferkd_rule.h"
#include "labels/mining_quality.h"

namespace ferkd {

struct InspectedCrop {
    int index = 0;  // the crop's position in the store
    CropBox box;
    float p_true = 0;
    CropGroup group = CropGroup::Teacher;
    float object_covered = -1;  // share of the image's object box inside the crop (-1: no box)
    std::vector<std::pair<int, float>> top5;  // (class, probability), most probable first
    int student_class = -1;                   // the student's prediction for the crop (-1: no student)
    float student_prob = 0;
};

class CropInspector {
public:
    // Opens the training split of `dataPath` and the label store made for it (errors
    // name the file: FileError, ConfigError).
    CropInspector(const std::string& dataPath, const std::string& labelsPath);
    ~CropInspector();

    int64_t images() const;
    int cropsPerImage() const;
    const std::vector<std::string>& classNames() const;
    int64_t label(int64_t image) const;
    ImagePixels image(int64_t image) const;
    std::string imageName(int64_t image) const;  // its file, or "#index" (see Dataset::name)
    // Images whose name contains `text` (case-insensitive), in data set order, at most `limit`.
    std::vector<int64_t> findImages(const std::string& text, int limit) const;

    // A trained run's best checkpoint whose predictions are shown beside the stored labels
    // (the crops cut and normalised as the run trained). Empty path: none.
    void setStudent(const std::string& checkpointPath);
    bool hasStudent() const;

    // Every stored crop of `image`, in store order, grouped by `rule`.
    std::vector<InspectedCrop> crops(int64_t image, const FerkdConfig& rule) const;
    // Crops of the whole label set per bin of p(true class) over [0, 1] and group of
    // `rule`; summed over the bins, the set's crops per group.
    std::vector<GroupCounts> groupHistogram(const FerkdConfig& rule, int bins) const;
    // Images with the most crops below `threshold` (p(true class)); among equal counts
    // (a weak teacher leaves many images with every crop below it) the lowest mean p first.
    struct Unrecognised {
        int64_t image = 0;
        int below = 0;      // crops below the threshold
        float mean_p = 0;   // mean p(true class) over all the image's crops
    };
    std::vector<Unrecognised> mostUnrecognised(float threshold, int limit) const;

    // Object boxes (the cluttered testbed, image folders with boxes.csv): each crop's
    // coverage is measured once, when the label set is opened.
    bool hasObjectBoxes() const;
    std::optional<ObjectBox> objectBox(int64_t image) const;
    // The mining quality with the crops grouped by `rule`; every crop with its coverage
    // (for the p-against-coverage plot) in `crops` when given.
    MiningQuality mining(const FerkdConfig& rule, const MiningSettings& settings = {},
                         std::vector<CropMining>* crops = nullptr) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ferkd
