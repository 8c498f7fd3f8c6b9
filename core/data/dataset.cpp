#include "data/dataset.h"

#include <numeric>

namespace ferkd {

int64_t DatasetReport::total() const { return std::accumulate(per_class.begin(), per_class.end(), int64_t{0}); }

namespace {

class LimitedDataset : public Dataset {
public:
    LimitedDataset(std::shared_ptr<Dataset> base, int64_t limit) : base_(std::move(base)), limit_(limit) {
        report_ = base_->report();
        report_.per_class.assign(base_->classes().size(), 0);
        for (int64_t i = 0; i < limit_; ++i) report_.per_class[base_->label(i)]++;
        auto all = base_->stackedImages();
        if (all.defined()) stacked_ = all.narrow(0, 0, limit_);
    }
    int64_t size() const override { return limit_; }
    int64_t label(int64_t i) const override { return base_->label(i); }
    torch::Tensor image(int64_t i) const override { return base_->image(i); }
    int channels() const override { return base_->channels(); }
    const std::vector<std::string>& classes() const override { return base_->classes(); }
    torch::Tensor stackedImages() const override { return stacked_; }
    const DatasetReport& report() const override { return report_; }
    std::string name(int64_t i) const override { return base_->name(i); }
    std::string fingerprint() const override { return base_->fingerprint() + "/first" + std::to_string(limit_); }
    std::optional<ObjectBox> objectBox(int64_t i) const override { return base_->objectBox(i); }

private:
    std::shared_ptr<Dataset> base_;
    int64_t limit_;
    torch::Tensor stacked_;
    DatasetReport report_;
};

// Chosen images of a base set, in the given order (a validation split of the training images).
class SubsetDataset : public Dataset {
public:
    SubsetDataset(std::shared_ptr<Dataset> base, std::vector<int64_t> indices, std::string tag)
        : base_(std::move(base)), indices_(std::move(indices)), tag_(std::move(tag)) {
        report_ = base_->report();
        report_.per_class.assign(base_->classes().size(), 0);
        for (int64_t i : indices_) report_.per_class[base_->label(i)]++;
        auto all = base_->stackedImages();
        if (all.defined())
            stacked_ = all.index_select(0, torch::tensor(indices_, torch::kInt64));  // one copy, not one per batch
    }
    int64_t size() const override { return static_cast<int64_t>(indices_.size()); }
    int64_t label(int64_t i) const override { return base_->label(indices_[i]); }
    torch::Tensor image(int64_t i) const override { return base_->image(indices_[i]); }
    int channels() const override { return base_->channels(); }
    const std::vector<std::string>& classes() const override { return base_->classes(); }
    torch::Tensor stackedImages() const override { return stacked_; }
    const DatasetReport& report() const override { return report_; }
    std::string name(int64_t i) const override { return base_->name(indices_[i]); }
    std::string fingerprint() const override { return base_->fingerprint() + "/" + tag_; }
    std::optional<ObjectBox> objectBox(int64_t i) const override { return base_->objectBox(indices_[i]); }

private:
    std::shared_ptr<Dataset> base_;
    std::vector<int64_t> indices_;
    std::string tag_;
    torch::Tensor stacked_;
    DatasetReport report_;
};

}  // namespace

std::shared_ptr<Dataset> subsetDataset(std::shared_ptr<Dataset> base, std::vector<int64_t> indices, std::string tag) {
    return std::make_shared<SubsetDataset>(std::move(base), std::move(indices), std::move(tag));
}

std::shared_ptr<Dataset> limitDataset(std::shared_ptr<Dataset> base, int64_t limit) {
    if (limit <= 0 || limit >= base->size()) return base;
    return std::make_shared<LimitedDataset>(std::move(base), limit);
}

}  // namespace ferkd
