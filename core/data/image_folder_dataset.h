#pragma once
// The ImageFolder layout: root/<class>/<image>, classes sorted by name. An optional side
// file root/boxes.csv gives images' object boxes: a header line `file,x0,y0,x1,y1`, then
// one line per image, `file` as name() spells it (<class>/<file>), the box in pixels of
// the image as stored, [x0, x1) x [y0, y1).
#include <optional>

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
    // From boxes.csv; decoding the image checks that the box lies inside it (FileError
    // naming boxes.csv and the line), so does the scan with `decodeAll`.
    std::optional<ObjectBox> objectBox(int64_t i) const override;

private:
    void readBoxes();

    std::vector<std::string> files_;
    std::vector<int64_t> labels_;
    std::vector<std::string> classes_;
    std::vector<std::optional<BoxLine>> boxes_;  // per image, when boxes.csv names it
    std::string boxesPath_;
    DatasetReport report_;
    std::string fingerprint_;
};

}  // namespace ferkd
