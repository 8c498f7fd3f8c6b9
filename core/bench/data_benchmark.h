#pragma once
// The input pipeline alone: batches of an image folder decoded, cut (RandomResizedCrop,
// flip), normalised and assembled by `workers` threads, as training consumes them; no
// model. bench/run.py puts it beside PyTorch's DataLoader with the same workers and
// transforms (docs/SCALE.md).
#include <cstdint>
#include <string>

namespace ferkd {

struct DataBenchOptions {
    std::string data;       // an image folder (root/<class>/<image>)
    int workers = 1;
    int input_size = 224;
    int batch = 64;         // images per batch
    int batches = 0;        // 0 = one pass over the folder
};

struct DataBenchResult {
    int64_t images = 0;     // timed images (the first batch is not timed: start-up)
    double seconds = 0;
    double images_per_sec = 0;
};

DataBenchResult benchmarkDataPipeline(const DataBenchOptions& options);

}  // namespace ferkd
