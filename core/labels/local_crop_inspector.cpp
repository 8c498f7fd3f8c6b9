#include "labels/local_crop_inspector.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "config/config_io.h"
#include "data/crop_resize.h"
#include "data/dataset_factory.h"
#include "data/normalizer.h"
#include "imaging/tensor_pixels.h"
#include "labels/distill_targets.h"
#include "labels/label_recovery.h"
#include "models/classifier.h"
#include "store/checkpoint.h"
#include "util/error.h"

namespace ferkd {

struct LocalCropInspector::Impl {
    StudentCheckpoint studentCheckpoint;
    std::shared_ptr<Dataset> data;
    std::unique_ptr<DistillTargets> targets;  // p(true class) of every crop, read once
    std::shared_ptr<Classifier> student;
    int64_t studentRun = 0;
    RunConfig studentConfig;
    std::vector<CropMining> mined;  // every crop with its object coverage; empty without boxes
};

LocalCropInspector::LocalCropInspector(const std::string& dataPath, const std::string& labelsPath,
                                       StudentCheckpoint studentCheckpoint)
    : impl_(new Impl) {
    impl_->studentCheckpoint = std::move(studentCheckpoint);
    impl_->data = openDataSplits(dataPath).train;
    DistillConfig config;
    config.mode = "ferkd";
    config.labels = labelsPath;
    impl_->targets = std::make_unique<DistillTargets>(*impl_->data, config);
    if (ferkd::hasObjectBoxes(*impl_->data)) impl_->mined = mineCrops(*impl_->data, *impl_->targets);
}

LocalCropInspector::~LocalCropInspector() = default;

int64_t LocalCropInspector::images() const { return impl_->data->size(); }
int LocalCropInspector::cropsPerImage() const { return impl_->targets->store().info().crops_per_image; }
const std::vector<std::string>& LocalCropInspector::classNames() const { return impl_->data->classes(); }

std::string LocalCropInspector::imageName(int64_t image) const { return impl_->data->name(image); }

std::vector<int64_t> LocalCropInspector::findImages(const std::string& text, int limit) const {
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
        return s;
    };
    const std::string needle = lower(text);
    std::vector<int64_t> found;
    for (int64_t i = 0; i < impl_->data->size() && int(found.size()) < limit; ++i)
        if (lower(impl_->data->name(i)).find(needle) != std::string::npos) found.push_back(i);
    return found;
}

int64_t LocalCropInspector::label(int64_t image) const { return impl_->data->label(image); }

ImagePixels LocalCropInspector::image(int64_t image) const { return pixelsOf(impl_->data->image(image)); }

void LocalCropInspector::setStudentRun(int64_t runId) {
    if (runId == impl_->studentRun) return;
    impl_->student.reset();
    impl_->studentRun = 0;
    if (runId == 0) return;
    if (!impl_->studentCheckpoint) throw Error("no workspace to find run " + std::to_string(runId) + "'s checkpoint in");
    const std::string checkpointPath = impl_->studentCheckpoint(runId);
    CheckpointModel loaded = loadCheckpointModel(checkpointPath);
    if (loaded.spec.num_classes < int(classNames().size()) || loaded.spec.in_chans != impl_->data->channels())
        throw Error("the checkpoint's model (" + std::to_string(loaded.spec.in_chans) + " channels, " +
                    std::to_string(loaded.spec.num_classes) + " classes) does not fit this data set");
    const auto config = nlohmann::json::parse(loaded.config_json, nullptr, false);
    if (!config.is_object()) throw Error(checkpointPath + ": its config is not JSON (a damaged checkpoint?)");
    applyConfigJson(impl_->studentConfig, config, checkpointPath);
    impl_->student = loaded.model;
    impl_->studentRun = runId;
}

int64_t LocalCropInspector::studentRun() const { return impl_->studentRun; }

std::vector<InspectedCrop> LocalCropInspector::crops(int64_t image, const FerkdConfig& rule) const {
    const LabelStore& store = impl_->targets->store();
    const int n = cropsPerImage(), K = store.info().num_classes;
    const auto& all = impl_->targets->trueClassProbs();
    std::vector<float> p(all.begin() + image * n, all.begin() + (image + 1) * n);
    const auto groups = groupCrops(p, rule);
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
        crop.group = groups[c];
        if (!impl_->mined.empty()) crop.object_covered = impl_->mined[size_t(image * n + c)].object_covered;
        for (int k = 0; k < top; ++k) crop.top5.emplace_back(order[k], dist[order[k]]);
    }
    if (impl_->student) {  // the student on the same regions, cut and normalised as it trained
        std::vector<CropBox> boxes;
        for (const auto& c : out) boxes.push_back(c.box);
        const auto pixels = floatImagesOn(impl_->data->image(image), torch::kCPU);
        const auto& cfg = impl_->studentConfig;
        const Normalizer normalize(impl_->data->channels(), cfg.data.normalize);
        torch::NoGradGuard noGrad;
        const auto probs = torch::softmax(impl_->student->forward(normalize(cropAndResizeMany(pixels, boxes, cfg.data.input_size))), 1);
        const auto [p, cls] = probs.max(1);
        for (size_t c = 0; c < out.size(); ++c) {
            out[c].student_class = int(cls[int64_t(c)].item<int64_t>());
            out[c].student_prob = p[int64_t(c)].item<float>();
        }
    }
    return out;
}

namespace {

// Every crop's group under `rule`, [image * crops + crop]: the rule looks at one image's
// crops at a time.
std::vector<CropGroup> groupAll(const std::vector<float>& all, int n, const FerkdConfig& rule) {
    std::vector<CropGroup> out(all.size());
    std::vector<float> p(n);
    for (size_t first = 0; first + size_t(n) <= all.size(); first += size_t(n)) {
        std::copy(all.begin() + first, all.begin() + first + n, p.begin());
        const auto groups = groupCrops(p, rule);
        std::copy(groups.begin(), groups.end(), out.begin() + first);
    }
    return out;
}

}  // namespace

std::vector<GroupCounts> LocalCropInspector::groupHistogram(const FerkdConfig& rule, int bins) const {
    const auto& all = impl_->targets->trueClassProbs();
    const auto groups = groupAll(all, cropsPerImage(), rule);
    std::vector<GroupCounts> out(size_t(std::max(1, bins)), GroupCounts{});
    for (size_t k = 0; k < all.size(); ++k)
        out[size_t(std::clamp(int(all[k] * float(out.size())), 0, int(out.size()) - 1))][size_t(groups[k])]++;
    return out;
}

std::vector<UnrecognisedImage> LocalCropInspector::mostUnrecognised(float threshold, int limit) const {
    const int n = cropsPerImage();
    const auto& all = impl_->targets->trueClassProbs();
    std::vector<UnrecognisedImage> ranked;
    ranked.reserve(size_t(images()));
    for (int64_t i = 0; i < images(); ++i) {
        UnrecognisedImage u{i, 0, 0.0f};
        for (int c = 0; c < n; ++c) {
            u.below += all[i * n + c] < threshold;
            u.mean_p += all[i * n + c];
        }
        u.mean_p /= float(std::max(1, n));
        ranked.push_back(u);
    }
    const size_t keep = std::min<size_t>(ranked.size(), size_t(std::max(0, limit)));
    std::partial_sort(ranked.begin(), ranked.begin() + keep, ranked.end(), [](const auto& a, const auto& b) {
        if (a.below != b.below) return a.below > b.below;
        if (a.mean_p != b.mean_p) return a.mean_p < b.mean_p;
        return a.image < b.image;
    });
    ranked.resize(keep);
    return ranked;
}

bool LocalCropInspector::hasObjectBoxes() const { return !impl_->mined.empty(); }

std::optional<ObjectBox> LocalCropInspector::objectBox(int64_t image) const { return impl_->data->objectBox(image); }

MiningQuality LocalCropInspector::mining(const FerkdConfig& rule, const MiningSettings& settings,
                                         std::vector<CropMining>* crops, size_t maxCrops) const {
    std::vector<CropMining> regrouped = impl_->mined;
    const auto groups = groupAll(impl_->targets->trueClassProbs(), cropsPerImage(), rule);
    for (size_t k = 0; k < regrouped.size(); ++k) regrouped[k].group = groups[k];
    MiningQuality quality = measureMining(regrouped, rule, settings);
    if (crops) *crops = sampleMinedCrops(regrouped, maxCrops);
    return quality;
}

}  // namespace ferkd
