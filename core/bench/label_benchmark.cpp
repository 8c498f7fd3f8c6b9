#include "bench/label_benchmark.h"

#include <chrono>
#include <filesystem>

#include "data/dataset_factory.h"
#include "labels/label_generator.h"
#include "labels/label_store.h"
#include "labels/teacher.h"
#include "models/classifier.h"
#include "models/model_registry.h"
#include "runtime/runtime.h"
#include "util/elapsed.h"

namespace ferkd {

LabelBenchResult benchmarkLabelGeneration(const LabelBenchOptions& o) {
    configureThreads(o.threads);
    auto data = limitDataset(openDataSplits(o.data).train, o.images);
    torch::manual_seed(0);
    const Teacher teacher =
        teacherFromModel(createModel(o.arch, {data->numClasses(), data->channels(), o.input_size, 0.0}), o.input_size,
                         data->channels(), data->numClasses(), "dataset", o.arch + " (random weights, benchmark)",
                         resolveDevice(o.device));

    LabelGenerationOptions g;
    g.crops_per_image = o.crops;
    g.topk = o.topk;
    g.batch_size = o.batch;
    g.precision = o.precision;
    std::filesystem::remove(o.out);
    LabelStoreWriter::discardUnfinished(o.out);  // timed from the first image, never a continuation
    const auto t0 = std::chrono::steady_clock::now();
    generateLabels(*data, teacher, g, o.out, nullptr, nullptr);
    LabelBenchResult r;
    r.seconds = secondsSince(t0);
    r.crops = data->size() * o.crops;
    r.crops_per_sec = double(r.crops) / r.seconds;
    r.file_bytes = std::filesystem::file_size(o.out);
    if (!o.keep) std::filesystem::remove(o.out);
    return r;
}

}  // namespace ferkd
