#include "labels/crop_inspector.h"

#include <algorithm>

#include "data/dataset_factory.h"
#include "labels/distill_targets.h"
#include "labels/label_recovery.h"

namespace ferkd {

struct CropInspector::Impl {
    std::shared_ptr<Dataset> data;
    std::unique_ptr<DistillTargets> targets;  // p(true class) of every crop, read once
};

CropInspector::CropInspector(const std::string& dataPath, const std::string& labelsPath) : impl_(new Impl) {
    impl_->data = openDataSplits(dataPath).train;
    DistillConfig config;
    config.mode = "ferkd";
    config.labels = labelsPath;
    impl_->targets = std::make_unique<DistillTargets>(*impl_->data, config);
}

CropInspector::~CropInspector() = default;

int64_t CropInspector::images() const { return impl_->data->size(); }
int CropInspector::cropsPerImage() const { return impl_->targets->store().info().crops_per_image; }
const std::vector<std::string>& CropInspector::classNames() const { return impl_->data->classes(); }
int64_t CropInspector::label(int64_t image) const { return impl_->data->label(image); }

ImagePixels CropInspector::image(int64_t image) const {
    auto t = impl_->data->image(image).contiguous();
    ImagePixels p;
    p.height = int(t.size(0));
    p.width = int(t.size(1));
    p.channels = int(t.size(2));
    p.data.assign(t.data_ptr<uint8_t>(), t.data_ptr<uint8_t>() + t.numel());
    return p;
}

std::vector<InspectedCrop> CropInspector::crops(int64_t image, const FerkdRule& rule) const {
    const LabelStore& store = impl_->targets->store();
    const int n = cropsPerImage(), K = store.info().num_classes;
    const auto& all = impl_->targets->trueClassProbs();
    std::vector<float> p(all.begin() + image * n, all.begin() + (image + 1) * n);
    const auto classes = classifyCrops(p, rule);
    std::vector<InspectedCrop> out(n);
    std::vector<float> dist(K);
    for (int c = 0; c < n; ++c) {
        const CropLabel label = store.crop(image, c);
        recoverDistribution(label, store.info().type, K, dist.data());
        std::vector<int> order(K);
        for (int k = 0; k < K; ++k) order[k] = k;
        const int top = std::min(5, K);
        std::partial_sort(order.begin(), order.begin() + top, order.end(), [&](int a, int b) { return dist[a] > dist[b]; });
        InspectedCrop& crop = out[c];
        crop.index = c;
        crop.box = label.box;
        crop.p_true = p[c];
        crop.cls = classes[c];
        for (int k = 0; k < top; ++k) crop.top5.emplace_back(order[k], dist[order[k]]);
    }
    return out;
}

double CropInspector::hardShare(const FerkdRule& rule) const {
    const int n = cropsPerImage();
    const auto& all = impl_->targets->trueClassProbs();
    int64_t hard = 0;
    for (int64_t i = 0; i < images(); ++i) {
        std::vector<float> p(all.begin() + i * n, all.begin() + (i + 1) * n);
        for (CropClass c : classifyCrops(p, rule)) hard += c == CropClass::Hard;
    }
    return all.empty() ? 0.0 : double(hard) / double(all.size());
}

std::vector<int64_t> CropInspector::histogram(int bins) const {
    std::vector<int64_t> h(bins, 0);
    for (float p : impl_->targets->trueClassProbs()) h[std::clamp(int(p * float(bins)), 0, bins - 1)]++;
    return h;
}

std::vector<std::pair<int64_t, int>> CropInspector::mostUnrecognised(float threshold, int limit) const {
    const int n = cropsPerImage();
    const auto& all = impl_->targets->trueClassProbs();
    std::vector<std::pair<int64_t, int>> counts;
    for (int64_t i = 0; i < images(); ++i) {
        int below = 0;
        for (int c = 0; c < n; ++c) below += all[i * n + c] < threshold;
        counts.emplace_back(i, below);
    }
    const size_t keep = std::min<size_t>(counts.size(), size_t(std::max(0, limit)));
    std::partial_sort(counts.begin(), counts.begin() + keep, counts.end(),
                      [](const auto& a, const auto& b) { return a.second > b.second || (a.second == b.second && a.first < b.first); });
    counts.resize(keep);
    return counts;
}

}  // namespace ferkd
