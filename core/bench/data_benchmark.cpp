#include "bench/data_benchmark.h"

#include <chrono>

#include "batch/batch_prefetcher.h"
#include "data/dataset_factory.h"
#include "util/elapsed.h"
#include "util/error.h"

namespace ferkd {

DataBenchResult benchmarkDataPipeline(const DataBenchOptions& o) {
    const DataSplits data = openDataSplits(o.data);
    RunConfig c;
    c.data.path = o.data;
    c.data.input_size = o.input_size;
    c.data.normalize = "imagenet";
    c.augment.crop = "rrc";
    c.augment.hflip = true;
    c.schedule.batch_size = o.batch;
    BatchBuilder builder(data.train, c);
    const int64_t steps = o.batches > 0 ? std::min<int64_t>(o.batches, builder.stepsPerEpoch()) : builder.stepsPerEpoch();
    if (steps < 2) throw Error(o.data + ": too few images for two batches of " + std::to_string(o.batch));
    BatchPrefetcher batches(builder, 0, 0, steps, {o.workers, BatchPrefetcher::kDepth, false});
    using Clock = std::chrono::steady_clock;
    batches.next();  // start-up: the workers begin together
    const auto start = Clock::now();
    DataBenchResult r;
    while (auto b = batches.next()) r.images += b->labels.size(0);
    r.seconds = secondsSince(start);
    r.images_per_sec = r.seconds > 0 ? double(r.images) / r.seconds : 0;
    return r;
}

}  // namespace ferkd
