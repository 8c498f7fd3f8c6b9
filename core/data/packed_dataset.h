#pragma once
// The packed, pre-decoded form: one file per split holding every image at one size,
// memory-mapped for training. Layout (little endian):
//   "FKDPACK1" | u64 header length | header JSON | zero pad to 64 |
//   labels int64[N] | pixels uint8[N][H][W][C] | version 2 with "boxes": object boxes int32[N][4]
//   (x0, y0, x1, y1) | u64 FNV-1a checksum of everything after the pad | "FKDEND01"
// Version 1 (no boxes) is what sets without object boxes are still written as.
#include "data/dataset.h"

namespace ferkd {

class PackedDataset : public Dataset {
public:
    // Checks magic, version, size and end marker; with `verifyChecksum` also every byte.
    explicit PackedDataset(const std::string& path, bool verifyChecksum = false);

    int64_t size() const override { return images_.size(0); }
    int64_t label(int64_t i) const override { return labelPtr_[i]; }
    torch::Tensor image(int64_t i) const override { return images_[i]; }
    int channels() const override { return static_cast<int>(images_.size(3)); }
    const std::vector<std::string>& classes() const override { return classes_; }
    torch::Tensor stackedImages() const override { return images_; }
    const DatasetReport& report() const override { return report_; }
    std::string fingerprint() const override { return fingerprint_; }
    std::optional<ObjectBox> objectBox(int64_t i) const override;

private:
    torch::Tensor images_, labels_;  // point into the memory map, which they keep alive
    const int64_t* labelPtr_ = nullptr;
    const unsigned char* boxBytes_ = nullptr;  // N x 4 int32 (x0, y0, x1, y1), or none
    std::vector<std::string> classes_;
    DatasetReport report_;
    std::string fingerprint_;
};

struct PackOptions {
    int size = 0;  // side of the packed images; 0 = keep (all images must share one size)
    std::string generation_json;  // recorded in the header as "generation" (a generator's settings)
};

// Writes `source` to `path` atomically. Images of another size are resized so their
// shorter side is `size`, then centre-cropped square (object boxes move with them). When
// the source has object boxes, every image must have one. `progress(done, total)` is optional.
void writePackedDataset(const Dataset& source, const std::string& path, const PackOptions& options,
                        const std::function<void(int64_t, int64_t)>& progress = {});

}  // namespace ferkd
