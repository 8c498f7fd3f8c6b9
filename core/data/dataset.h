#pragma once
// A labelled image data set. Images come out as [H, W, C] uint8 tensors; data sets
// whose images share one size also expose them stacked, which the batch builder uses
// to crop a whole batch in one tensor operation.
#include <torch/torch.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/dataset_report.h"
#include "data/object_box.h"

namespace ferkd {

class Dataset {
public:
    virtual ~Dataset() = default;
    virtual int64_t size() const = 0;
    virtual int64_t label(int64_t index) const = 0;
    virtual torch::Tensor image(int64_t index) const = 0;  // [H, W, C] uint8
    virtual int channels() const = 0;
    virtual const std::vector<std::string>& classes() const = 0;
    // [N, H, W, C] uint8 when all images share one size, else undefined.
    virtual torch::Tensor stackedImages() const { return {}; }
    virtual const DatasetReport& report() const = 0;
    // What a user calls image `index`: its file relative to the data set's folder, or
    // "#index" where images have no files of their own (IDX, packed).
    virtual std::string name(int64_t index) const { return "#" + std::to_string(index); }
    // Identifies the content (for stores that must match this data set later).
    virtual std::string fingerprint() const = 0;
    // Where image `index`'s object is, in its pixels, for data sets that know it.
    virtual std::optional<ObjectBox> objectBox(int64_t /*index*/) const { return std::nullopt; }

    int numClasses() const { return static_cast<int>(classes().size()); }
};

// The first `limit` images of `base` (limit 0 or >= size: all of them).
std::shared_ptr<Dataset> limitDataset(std::shared_ptr<Dataset> base, int64_t limit);

// The images `indices` of `base`, in that order; `tag` names the choice in the fingerprint.
std::shared_ptr<Dataset> subsetDataset(std::shared_ptr<Dataset> base, std::vector<int64_t> indices, std::string tag);

}  // namespace ferkd
