#pragma once
// Turns a data path into data sets: the built-in name "fashion-mnist", an IDX folder,
// an image folder (with train/ and val/ or test/ inside, or one split), a packed
// folder (train.fkpack, test.fkpack) or a single .fkpack file.
#include "config/run_config.h"
#include "data/dataset.h"

namespace ferkd {

struct DataSplits {
    std::shared_ptr<Dataset> train;  // every training image (label stores are indexed by it)
    std::shared_ptr<Dataset> test;   // may be null when the source has no test split
    // openRunData only: the training images trained on, and those held out for
    // validation (data.val_split) as a data set of their own (null without a split).
    std::vector<int64_t> train_images;
    std::shared_ptr<Dataset> val;
};

// The folder or file that `path` names ("fashion-mnist" resolves to Debian's copy).
std::string resolveDataPath(const std::string& path);

// Opens the splits found at `path`. `decodeAll` decodes every image of image folders
// to find damaged files (slow; for `dataset info` and `dataset pack`).
DataSplits openDataSplits(const std::string& path, const std::string& format = "auto", bool decodeAll = false);

// The train/test pair a run uses, with the config's limits and validation split
// applied. Throws ConfigError naming data.path / data.test_path when something is
// missing, data.val_split when the split does not fit the training set.
DataSplits openRunData(const DataConfig& config);

}  // namespace ferkd
