#pragma once
// A data set as `ferkd dataset info` and the studio's data set view show it: each
// split's report (classes, images per class, files left out and why), the first
// image's size and a few sample images of every class. Free of torch headers.
#include <string>
#include <vector>

#include "data/dataset_report.h"
#include "imaging/image_pixels.h"

namespace ferkd {

struct SampleImage {
    int64_t index = 0;
    std::string name;  // see Dataset::name
    ImagePixels pixels;
};

// The object boxes of a split (data sets that have them).
struct BoxStatistics {
    int64_t images = 0;  // with a box
    double mean_width = 0, mean_height = 0;
    int min_side = 0, max_side = 0;  // over both sides of every box
    double mean_area_share = 0;      // box area / image area (the first image's size)
};

struct SplitInspection {
    std::string split;  // "train" or "test"
    int64_t images = 0;
    int first_height = 0, first_width = 0, channels = 0;
    DatasetReport report;  // report.generation: the generator's settings
    BoxStatistics boxes;
    std::vector<std::vector<SampleImage>> samples;  // per class, the first `samplesPerClass` images
};

struct DatasetInspection {
    std::vector<SplitInspection> splits;  // train, then test when the source has one
    std::string fingerprint;              // of the training split
};

// Opens `path` as runs do (see openDataSplits; `format` "auto" guesses; FileError names
// what is wrong).
// `decodeAll` decodes every image of image folders to find damaged files (slow).
DatasetInspection inspectDataset(const std::string& path, const std::string& format, bool decodeAll,
                                 int samplesPerClass);

}  // namespace ferkd
