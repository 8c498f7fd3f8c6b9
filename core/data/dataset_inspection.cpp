#include "data/dataset_inspection.h"

#include "data/dataset_factory.h"
#include "imaging/tensor_pixels.h"

namespace ferkd {

namespace {

SplitInspection inspectSplit(const char* split, const Dataset& d, int samplesPerClass) {
    SplitInspection s;
    s.split = split;
    s.images = d.size();
    s.report = d.report();
    s.channels = d.channels();
    const auto first = d.image(0);
    s.first_height = int(first.size(0));
    s.first_width = int(first.size(1));
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
