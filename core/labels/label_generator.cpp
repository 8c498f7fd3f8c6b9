#include "labels/label_generator.h"

#include <chrono>
#include <filesystem>

#include "data/crop_resize.h"
#include "data/normalizer.h"
#include "runtime/mixed_precision.h"
#include "util/elapsed.h"
#include "util/error.h"
#include "util/fault_injection.h"
#include "util/hash.h"
#include "util/ordered_prefetch.h"
#include "util/worker_threads.h"

namespace ferkd {

std::vector<CropBox> sampleImageCrops(const LabelGenerationOptions& o, int64_t image, int64_t height, int64_t width) {
    std::mt19937_64 rng(mixSeed(o.seed, static_cast<uint64_t>(image), 0x1abe1));
    std::bernoulli_distribution coin(0.5);
    std::vector<CropBox> boxes;
    boxes.reserve(o.crops_per_image);
    for (int i = 0; i < o.crops_per_image; ++i) {
        CropBox b = sampleRandomResizedCrop(rng, height, width, o.crop);
        b.flip = o.hflip && coin(rng);
        boxes.push_back(b);
    }
    return boxes;
}

namespace {

// The reference label set of a relabelling, checked against the data set.
std::unique_ptr<LabelStore> openReference(const Dataset& data, const LabelGenerationOptions& o) {
    if (o.reference.empty()) return nullptr;
    auto ref = std::make_unique<LabelStore>(o.reference);
    ref->requireDataset(data.fingerprint(), data.size());
    return ref;
}

}  // namespace

LabelSetInfo labelSetInfoFor(const Dataset& data, const Teacher& teacher, const LabelGenerationOptions& o) {
    if (teacher.in_chans != data.channels())
        throw Error("the teacher takes " + std::to_string(teacher.in_chans) + "-channel images, the data set has " +
                    std::to_string(data.channels()));
    if (teacher.num_classes != data.numClasses())
        throw Error("the teacher has " + std::to_string(teacher.num_classes) + " classes, the data set " +
                    std::to_string(data.numClasses()));
    LabelSetInfo info;
    info.dataset_fingerprint = data.fingerprint();
    info.num_images = data.size();
    info.crops_per_image = o.reference.empty() ? o.crops_per_image : openReference(data, o)->info().crops_per_image;
    info.num_classes = data.numClasses();
    info.type = o.type;
    info.topk = std::min(o.topk, data.numClasses());
    info.temperature = o.temperature;
    info.teacher = teacher.description;
    info.generation = {{"seed", o.seed},
                       {"scale", {o.crop.scale_min, o.crop.scale_max}},
                       {"ratio", {o.crop.ratio_min, o.crop.ratio_max}},
                       {"hflip", o.hflip},
                       {"input_size", teacher.input_size},
                       {"normalize", teacher.normalize}};
    if (!o.reference.empty()) info.generation["reference"] = o.reference;
    // Only when set, so fp32 headers stay as before (an unfinished store continues).
    if (usesBf16(o.precision)) info.generation["precision"] = o.precision;
    return info;
}

namespace {

// The teacher's input for images [first, last): their crops cut from one decode each,
// normalised, on the teacher's device (on a GPU the CPU only decodes). Workers make these
// ahead of the forward passes.
struct TeacherInput {
    torch::Tensor crops;
    std::vector<std::vector<CropBox>> boxes;
};

TeacherInput teacherInput(const Dataset& data, const Teacher& teacher, const LabelGenerationOptions& o,
                          const LabelSetInfo& info, const LabelStore* reference, int64_t first, int64_t last) {
    const int crops = info.crops_per_image;
    const Normalizer normalize(data.channels(), teacher.normalize);
    std::vector<torch::Tensor> cut;
    TeacherInput in;
    for (int64_t i = first; i < last; ++i) {
        auto img = data.image(i);  // one decode for all of this image's crops
        if (reference) {
            in.boxes.emplace_back();
            for (int c = 0; c < crops; ++c) in.boxes.back().push_back(reference->crop(i, c).box);
        } else {
            in.boxes.push_back(sampleImageCrops(o, i, img.size(0), img.size(1)));
        }
        cut.push_back(cropAndResizeMany(floatImagesOn(img, teacher.device), in.boxes.back(), teacher.input_size));
    }
    in.crops = normalize(torch::cat(cut, 0));
    return in;
}

// The teacher's labels of every crop of `in`, all of them in one forward pass, ranked
// (top-k) on the teacher's device so that only the kept values come back.
std::vector<std::vector<CropLabel>> labelInput(const Teacher& teacher, const LabelGenerationOptions& o,
                                               const LabelSetInfo& info, const TeacherInput& in) {
    const int crops = info.crops_per_image;
    torch::Tensor logits;
    {
        AutocastScope autocast(teacher.device, usesBf16(o.precision));
        logits = teacher.forward(in.crops);
    }
    auto probs = torch::softmax(logits.to(torch::kFloat) / o.temperature, 1);
    const int k = info.valuesPerCrop();
    torch::Tensor values, classes;
    if (info.type == LabelType::Full) {
        values = probs.to(torch::kCPU);
    } else {
        std::tie(values, classes) = probs.topk(k, 1);
        values = values.to(torch::kCPU);
        classes = classes.to(torch::kCPU).to(torch::kInt);
    }
    auto v = values.accessor<float, 2>();
    const int64_t images = int64_t(in.boxes.size());
    std::vector<std::vector<CropLabel>> out(images, std::vector<CropLabel>(crops));
    for (int64_t i = 0; i < images; ++i) {
        for (int c = 0; c < crops; ++c) {
            const int64_t row = i * crops + c;
            CropLabel& l = out[i][c];
            l.box = in.boxes[i][c];
            l.probs.assign(v[row].data(), v[row].data() + k);
            if (classes.defined()) {
                auto cl = classes.accessor<int, 2>();
                l.classes.assign(cl[row].data(), cl[row].data() + k);
            }
            if (info.type == LabelType::Hard) l.probs = {1.0f};
        }
    }
    return out;
}

std::vector<std::vector<CropLabel>> labelImages(const Dataset& data, const Teacher& teacher,
                                                const LabelGenerationOptions& o, const LabelSetInfo& info,
                                                const LabelStore* reference, int64_t first, int64_t last) {
    return labelInput(teacher, o, info, teacherInput(data, teacher, o, info, reference, first, last));
}

int64_t imagesPerForward(const LabelGenerationOptions& o, const LabelSetInfo& info) {
    return std::max(1, o.batch_size / info.crops_per_image);
}

}  // namespace

LabelGenerationEstimate estimateLabelGeneration(const Dataset& data, const Teacher& teacher,
                                                const LabelGenerationOptions& o) {
    const LabelSetInfo info = labelSetInfoFor(data, teacher, o);
    const auto reference = openReference(data, o);
    LabelGenerationEstimate e;
    e.bytes = LabelStoreWriter::fileBytesFor(info);
    const int64_t per = imagesPerForward(o, info);
    torch::NoGradGuard noGrad;
    // One forward pass to warm up (allocations, kernel selection), then two timed ones.
    const int64_t warm = std::min(data.size(), per);
    labelImages(data, teacher, o, info, reference.get(), 0, warm);
    const int64_t probeEnd = std::min(data.size(), warm + 2 * per);
    const int64_t first = probeEnd > warm ? warm : 0;
    const auto t0 = std::chrono::steady_clock::now();
    labelImages(data, teacher, o, info, reference.get(), first, probeEnd);
    const double secs = secondsSince(t0);
    e.probe_images = probeEnd - first;
    e.images_per_sec = secs > 0 ? double(e.probe_images) / secs : 0;
    e.seconds = e.images_per_sec > 0 ? double(data.size()) / e.images_per_sec : 0;
    return e;
}

namespace {

// Labels images [first, last) into `writer` (its image 0 is `first`; none when this
// rank's share was finished before and it only keeps in step). With a group,
// the ranks go chunk by chunk in step (one small all-reduce each: has anyone work left,
// does anyone want to stop, how many images are done), so a dead rank is noticed
// within the group's timeout and a stop is taken together. False when stopped.
bool labelRange(const Dataset& data, const Teacher& teacher, const LabelGenerationOptions& o,
                const LabelSetInfo& info, const LabelStore* reference, LabelStoreWriter* writer, int64_t first,
                int64_t last, ProcessGroup* group, const std::function<void(const LabelGenerationProgress&)>& progress,
                const TrainingControl* control) {
    const int64_t total = data.size();
    const int64_t start = writer ? first + writer->imagesDone() : last;
    const int64_t per = imagesPerForward(o, info);
    const auto t0 = std::chrono::steady_clock::now();
    auto lastFlush = t0;
    int64_t startedDone = -1;  // images done (all ranks) when this call began
    torch::NoGradGuard noGrad;
    // The inputs of this rank's forward passes, made ahead by the workers while the teacher runs.
    const int64_t passes = start < last ? (last - start + per - 1) / per : 0;
    OrderedPrefetch<TeacherInput> inputs(
        [&](int64_t pass) {
            torch::NoGradGuard workerNoGrad;
            const int64_t begin = start + pass * per;
            return teacherInput(data, teacher, o, info, reference, begin, std::min(last, begin + per));
        },
        0, passes, {o.data_workers, 2, useOneIntraOpThread});

    for (int64_t begin = start;; begin += per) {
        // Alone, a pause waits here; several ranks cannot wait, so there only a stop counts.
        if (control && !group) control->waitWhilePaused();  // returns at once when a stop is requested
        const bool mine = begin < last;
        bool anyWork = mine, stop = control && control->stopRequested();
        int64_t done = std::min(begin, last) - first;
        if (group) {
            std::vector<torch::Tensor> t{torch::tensor({double(mine), double(stop), double(done)}, torch::kDouble)};
            group->allReduceSum(t);
            auto v = t[0].accessor<double, 1>();
            anyWork = v[0] > 0;
            stop = v[1] > 0;
            done = static_cast<int64_t>(v[2]);
        }
        if (startedDone < 0) startedDone = done;
        if (stop) {
            if (writer) writer->flush();
            return false;
        }
        const auto now = std::chrono::steady_clock::now();
        if (progress && done > startedDone) {
            double secs = std::chrono::duration<double>(now - t0).count();
            double rate = secs > 0 ? double(done - startedDone) / secs : 0;
            progress({done, total, rate, rate > 0 ? double(total - done) / rate : -1});
        }
        if (!anyWork) break;
        if (!mine) continue;
        const int64_t end = std::min(last, begin + per);
        auto labels = labelInput(teacher, o, info, *inputs.next());
        for (int64_t i = begin; i < end; ++i) writer->writeImage(i - first, labels[i - begin]);
        faultPoint("labels.batch");
        if (now - lastFlush > std::chrono::seconds(5)) {
            writer->flush();
            lastFlush = now;
        }
    }
    if (writer) writer->finish();
    return true;
}

std::string shardPath(const std::string& path, int rank, int ranks) {
    return path + ".rank" + std::to_string(rank) + "-of-" + std::to_string(ranks);
}

// Rank r's images: whole forward passes of the single-process order, so every pass sees
// the same images and the merged store equals a single-process one byte for byte.
std::pair<int64_t, int64_t> shardImages(int64_t total, int64_t per, int rank, int ranks) {
    const int64_t passes = (total + per - 1) / per;
    return {std::min(total, passes * rank / ranks * per), std::min(total, passes * (rank + 1) / ranks * per)};
}

LabelSetInfo shardInfo(LabelSetInfo info, int64_t first, int64_t last, int ranks) {
    info.num_images = last - first;
    info.generation["shard"] = {{"first", first}, {"last", last}, {"ranks", ranks}};
    return info;
}

// A shard file finished earlier with the same settings (a rerun after an interrupted merge).
bool finishedShard(const std::string& path, const LabelSetInfo& info) {
    if (!std::filesystem::exists(path)) return false;
    try {
        return LabelStore(path).info().toJson() == info.toJson();
    } catch (const Error&) {
        return false;
    }
}

void mergeShards(const LabelSetInfo& info, const std::string& path, int ranks, int64_t per) {
    LabelStoreWriter writer(path, info);
    std::vector<CropLabel> crops;
    for (int r = 0; r < ranks; ++r) {
        const auto [first, last] = shardImages(info.num_images, per, r, ranks);
        const std::string part = shardPath(path, r, ranks);
        LabelStore shard(part, /*verifyChecksum=*/true);
        if (shard.info().toJson() != shardInfo(info, first, last, ranks).toJson())
            throw FileError(part, "was written with other settings than this generation's");
        for (int64_t i = std::max(first, writer.imagesDone()); i < last; ++i) {
            shard.readImage(i - first, crops);
            writer.writeImage(i, crops);
        }
    }
    writer.finish();
    for (int r = 0; r < ranks; ++r) std::filesystem::remove(shardPath(path, r, ranks));
}

}  // namespace

bool generateLabels(const Dataset& data, const Teacher& teacher, const LabelGenerationOptions& o,
                    const std::string& path, const std::function<void(const LabelGenerationProgress&)>& progress,
                    const TrainingControl* control, ProcessGroup* group) {
    const LabelSetInfo info = labelSetInfoFor(data, teacher, o);
    const auto reference = openReference(data, o);
    if (!group) {
        LabelStoreWriter writer(path, info);
        return labelRange(data, teacher, o, info, reference.get(), &writer, 0, data.size(), nullptr, progress, control);
    }
    const int ranks = group->size();
    const int64_t per = imagesPerForward(o, info);
    const auto [first, last] = shardImages(data.size(), per, group->rank(), ranks);
    const LabelSetInfo mine = shardInfo(info, first, last, ranks);
    const std::string part = shardPath(path, group->rank(), ranks);
    std::unique_ptr<LabelStoreWriter> writer;
    if (!finishedShard(part, mine)) writer = std::make_unique<LabelStoreWriter>(part, mine);
    if (!labelRange(data, teacher, o, info, reference.get(), writer.get(), first, last, group, progress, control))
        return false;
    group->barrier();  // every shard is finished
    if (group->leader()) mergeShards(info, path, ranks, per);
    group->barrier();  // the merged store is in place when any rank returns
    return true;
}

}  // namespace ferkd
