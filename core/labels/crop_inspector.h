#pragma once
// What the studio's crop browser (the paper's Figure 1) reads: one image of a label
// set's data with all its stored crops, each with the teacher's probability of the true
// class, its top-5 and its FerKD group under a given rule; the data-set-wide count of
// crops in each group for a rule; images ranked by how many crops the teacher hardly
// recognises; on data sets with object boxes, each image's box and the mining quality
// (labels/mining_quality.h) under a rule.
// Two implementations: LocalCropInspector (the files on this machine) and
// remote/RemoteCropInspector (a label set of a server's workspace); Workspace::inspectLabelSet
// gives the one that fits. Free of torch headers, so Qt widgets can include it.
#include <cstdint>
#include <limits>
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

// An image ranked by how many of its crops the teacher hardly recognises.
struct UnrecognisedImage {
    int64_t image = 0;
    int below = 0;      // crops below the threshold
    float mean_p = 0;   // mean p(true class) over all the image's crops
};

class CropInspector {
public:
    virtual ~CropInspector() = default;

    // Its answers cross a network (a server's label set): a window asks off its GUI thread.
    // The names, labels and counts below are kept here and answer at once either way.
    virtual bool remote() const { return false; }

    virtual int64_t images() const = 0;
    virtual int cropsPerImage() const = 0;
    virtual const std::vector<std::string>& classNames() const = 0;
    virtual int64_t label(int64_t image) const = 0;
    virtual ImagePixels image(int64_t image) const = 0;
    virtual std::string imageName(int64_t image) const = 0;  // its file, or "#index" (see Dataset::name)
    // Images whose name contains `text` (case-insensitive), in data set order, at most `limit`.
    virtual std::vector<int64_t> findImages(const std::string& text, int limit) const = 0;

    // A trained run of the workspace whose predictions are shown beside the stored labels
    // (its best checkpoint, else its last; the crops cut and normalised as the run
    // trained). 0: none. Error when the run has no checkpoint or its model does not fit.
    virtual void setStudentRun(int64_t runId) = 0;
    virtual int64_t studentRun() const = 0;

    // Every stored crop of `image`, in store order, grouped by `rule`.
    virtual std::vector<InspectedCrop> crops(int64_t image, const FerkdConfig& rule) const = 0;
    // Crops of the whole label set per bin of p(true class) over [0, 1] and group of
    // `rule`; summed over the bins, the set's crops per group.
    virtual std::vector<GroupCounts> groupHistogram(const FerkdConfig& rule, int bins) const = 0;
    // Images with the most crops below `threshold` (p(true class)); among equal counts
    // (a weak teacher leaves many images with every crop below it) the lowest mean p first.
    virtual std::vector<UnrecognisedImage> mostUnrecognised(float threshold, int limit) const = 0;

    // Object boxes (the cluttered testbed, image folders with boxes.csv).
    virtual bool hasObjectBoxes() const = 0;
    virtual std::optional<ObjectBox> objectBox(int64_t image) const = 0;
    // The mining quality with the crops grouped by `rule`. With `crops`: the crops that
    // have a box, with their coverage (for the p-against-coverage plot); at most
    // `maxCrops` of them, taken at a fixed stride in store order, so that every rule
    // gives the same crops.
    virtual MiningQuality mining(const FerkdConfig& rule, const MiningSettings& settings = {},
                                 std::vector<CropMining>* crops = nullptr,
                                 size_t maxCrops = std::numeric_limits<size_t>::max()) const = 0;
};

// The crops of `all` that have an object box, at most `maxCrops` (0: none) at a fixed stride.
std::vector<CropMining> sampleMinedCrops(const std::vector<CropMining>& all, size_t maxCrops);

}  // namespace ferkd
