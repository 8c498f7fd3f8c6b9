#pragma once
// The IDX files of the MNIST family (idx3 images, idx1 labels), gzip or not.
#include "data/dataset.h"

namespace ferkd {

extern const std::vector<std::string> kFashionMnistClasses;
extern const char* const kFashionMnistDir;  // Debian's dataset-fashion-mnist

class IdxDataset : public Dataset {
public:
    // Throws FileError naming the file for a missing, truncated or malformed file.
    IdxDataset(const std::string& imagesPath, const std::string& labelsPath, std::vector<std::string> classNames = {});

    int64_t size() const override { return images_.size(0); }
    int64_t label(int64_t i) const override { return labelPtr_[i]; }
    torch::Tensor image(int64_t i) const override { return images_[i]; }
    int channels() const override { return 1; }
    const std::vector<std::string>& classes() const override { return classes_; }
    torch::Tensor stackedImages() const override { return images_; }
    const DatasetReport& report() const override { return report_; }
    std::string fingerprint() const override { return fingerprint_; }
    torch::Tensor labels() const { return labels_; }

private:
    torch::Tensor images_;  // [N, H, W, 1] uint8
    torch::Tensor labels_;  // [N] int64
    const int64_t* labelPtr_ = nullptr;
    std::vector<std::string> classes_;
    DatasetReport report_;
    std::string fingerprint_;
};

// Finds "<split>-images-idx3-ubyte[.gz]" and the labels next to it in `dir`
// (split "train" or "t10k"); returns false when the folder holds no such files.
bool findIdxSplit(const std::string& dir, const std::string& split, std::string& images, std::string& labels);

}  // namespace ferkd
