#pragma once
// Turns a data path into data sets: the built-in name "fashion-mnist", an IDX folder,
// an image folder (with train/ and val/ or test/ inside, or one split), a packed
// folder (train.fkpack, test.fkpack) or a single .fkpack file.
#include "config/run_config.h"
#include "data/dataset.h"

namespace ferkd {

struct DataSplits {
    std::shared_ptr<Dataset> train;
    std::shared_ptr<Dataset> test;  // may be null when the source has no test split
};

// The folder or file that `path` names ("fashion-mnist" resolves to Debian's copy).
std::string resolveDataPath(const std::string& path);

// Opens the splits found at `path`. `decodeAll` decodes every image of image folders
// to find damaged files (slow; for `dataset info` and `dataset pack`).
DataSplits openDataSplits(const std::string& path, const std::string& format = "auto", bool decodeAll = false);

// The train/test pair a run uses, with the config's limits applied. Throws
// ConfigError naming data.path / data.test_path when something is missing.
DataSplits openRunData(const DataConfig& config);

}  // namespace ferkd
