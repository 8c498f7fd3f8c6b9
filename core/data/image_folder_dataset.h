#pragma once
// The ImageFolder layout: root/<class>/<image>, classes sorted by name.
#include "data/dataset.h"

namespace ferkd {

class ImageFolderDataset : public Dataset {
public:
    // Scans `root`; every image file is checked for truncation and a wrong signature
    // (cheap: head and tail only). With `decodeAll` every file is also decoded once,
    // which `ferkd dataset info` and `dataset pack` use. Bad files are left out and
    // named in report().problems.
    explicit ImageFolderDataset(const std::string& root, bool decodeAll = false);

    int64_t size() const override { return static_cast<int64_t>(files_.size()); }
    int64_t label(int64_t i) const override { return labels_[i]; }
    torch::Tensor image(int64_t i) const override;
    int channels() const override { return 3; }
    const std::vector<std::string>& classes() const override { return classes_; }
    const DatasetReport& report() const override { return report_; }
    std::string fingerprint() const override { return fingerprint_; }
    const std::string& file(int64_t i) const { return files_[i]; }
    std::string name(int64_t i) const override;  // <class>/<file>

private:
    std::vector<std::string> files_;
    std::vector<int64_t> labels_;
    std::vector<std::string> classes_;
    DatasetReport report_;
    std::string fingerprint_;
};

}  // namespace ferkd
