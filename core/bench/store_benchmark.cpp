#include "bench/store_benchmark.h"

#include <chrono>
#include <filesystem>
#include <random>

#include "labels/label_store.h"
#include "util/elapsed.h"

namespace ferkd {

StoreBenchResult benchmarkLabelStore(const StoreBenchOptions& o) {
    namespace fs = std::filesystem;
    fs::create_directories(o.dir);
    const std::string path = (fs::path(o.dir) / "bench.fkdl").string();
    LabelSetInfo info;
    info.dataset_fingerprint = "bench";
    info.num_images = o.images;
    info.crops_per_image = o.crops;
    info.num_classes = o.classes;
    info.type = LabelType::MarginalSmoothing;
    info.topk = o.topk;
    info.teacher = "synthetic";

    std::mt19937 rng(1);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    std::uniform_int_distribution<int32_t> cls(0, o.classes - 1);
    StoreBenchResult r;
    auto t0 = std::chrono::steady_clock::now();
    {
        LabelStoreWriter writer(path, info);
        std::vector<CropLabel> crops(o.crops);
        for (int64_t i = 0; i < o.images; ++i) {
            for (auto& c : crops) {
                c.box = {unit(rng) * 0.5f, unit(rng) * 0.5f, 0.5f, 0.5f, unit(rng) < 0.5f};
                c.probs.resize(o.topk);
                c.classes.resize(o.topk);
                float left = 1.0f;
                for (int k = 0; k < o.topk; ++k) {
                    c.probs[k] = left * 0.5f;
                    left -= c.probs[k];
                    c.classes[k] = cls(rng);
                }
            }
            writer.writeImage(i, crops);
        }
        writer.finish();
    }
    r.write_seconds = secondsSince(t0);
    r.file_bytes = fs::file_size(path);
    r.bytes_per_crop = double(r.file_bytes) / double(o.images * o.crops);

    t0 = std::chrono::steady_clock::now();
    LabelStore store(path);
    r.open_seconds = secondsSince(t0);
    std::uniform_int_distribution<int64_t> image(0, o.images - 1);
    double checksum = 0;  // keeps the reads from being optimised away
    std::vector<CropLabel> labels;
    // Every image once, untimed, as the peer does: a training run reads the store for
    // many epochs, and the first touch of each mapped page (a page fault each) would
    // otherwise be most of a window of a few milliseconds.
    for (int64_t i = 0; i < o.images; ++i) {
        store.readImage(i, labels);
        checksum += labels[0].probs[0];
    }
    t0 = std::chrono::steady_clock::now();
    for (int n = 0; n < o.reads; ++n) {
        store.readImage(image(rng), labels);
        for (const auto& c : labels) checksum += c.probs[0] + c.box.x;
    }
    r.reads_per_sec = double(o.reads) / secondsSince(t0);
    if (checksum < 0) r.reads_per_sec = 0;
    fs::remove(path);
    return r;
}

}  // namespace ferkd
