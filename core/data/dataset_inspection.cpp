#include "data/dataset_inspection.h"

#include <algorithm>

#include "data/dataset_factory.h"
#include "imaging/tensor_pixels.h"

namespace ferkd {

namespace {

BoxStatistics boxStatistics(const Dataset& d, int64_t imageArea) {
    BoxStatistics b;
    double width = 0, height = 0, share = 0;
    for (int64_t i = 0; i < d.size(); ++i) {
        const auto box = d.objectBox(i);
        if (!box) continue;
        const int lo = std::min(box->width(), box->height()), hi = std::max(box->width(), box->height());
        b.min_side = b.images == 0 ? lo : std::min(b.min_side, lo);
        b.max_side = std::max(b.max_side, hi);
        ++b.images;
        width += box->width();
        height += box->height();
        share += double(box->area()) / double(std::max<int64_t>(1, imageArea));
    }
    if (b.images > 0) {
        b.mean_width = width / b.images;
        b.mean_height = height / b.images;
        b.mean_area_share = share / b.images;
    }
    return b;
}

SplitInspection inspectSplit(const char* split, const Dataset& d, int samplesPerClass) {
    SplitInspection s;
    s.split = split;
    s.images = d.size();
    s.report = d.report();
    s.channels = d.channels();
    const auto first = d.image(0);
    s.first_height = int(first.size(0));
    s.first_width = int(first.size(1));
    s.boxes = boxStatistics(d, int64_t(s.first_height) * s.first_width);
    s.samples.resize(d.classes().size());
    int64_t missing = int64_t(samplesPerClass) * int64_t(d.classes().size());
    for (int64_t i = 0; i < d.size() && missing > 0; ++i) {
        auto& mine = s.samples[d.label(i)];
        if (int(mine.size()) >= samplesPerClass) continue;
        mine.push_back({i, d.name(i), pixelsOf(d.image(i))});
        --missing;
    }
    return s;
}

}  // namespace

DatasetInspection inspectDataset(const std::string& path, const std::string& format, bool decodeAll,
                                 int samplesPerClass) {
    DataSplits splits = openDataSplits(path, format, decodeAll);
    DatasetInspection out;
    out.splits.push_back(inspectSplit("train", *splits.train, samplesPerClass));
    if (splits.test) out.splits.push_back(inspectSplit("test", *splits.test, samplesPerClass));
    out.fingerprint = splits.train->fingerprint();
    return out;
}

}  // namespace ferkd
