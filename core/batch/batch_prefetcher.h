#pragma once
// Builds the next training batches on background workers while the current one trains
// (util/ordered_prefetch.h): each worker builds whole batches (decode, cut, augment,
// assemble), batches are handed out in step order, and at most `depth` + `workers` of
// them exist at once. A batch is a pure function of (seed, epoch, step), so its bytes do
// not depend on the worker count.
#include <optional>
#include <vector>

#include "batch/batch_builder.h"
#include "util/ordered_prefetch.h"

namespace ferkd {

class BatchPrefetcher {
public:
    // Finished batches waiting beyond the ones being built: the next step's, and one more
    // to absorb a slow image. The memory plan counts them (train/memory_plan.cpp).
    static constexpr size_t kDepth = 2;

    struct Options {
        int workers = 1;        // threads building batches
        size_t depth = kDepth;
        bool pin_memory = false;  // a CUDA run: page-locked memory, so copies to the GPU run asynchronously
    };

    // Produces the batches of steps [firstStep, endStep) of pass `epoch` (endStep at most
    // the builder's stepsPerEpoch(): a run's last pass may be partial).
    BatchPrefetcher(const BatchBuilder& builder, int64_t epoch, int64_t firstStep, int64_t endStep, Options options);

    // The next batch in step order; nullopt after the last. Rethrows the error of the
    // step it would have returned.
    std::optional<Batch> next() { return batches_.next(); }

private:
    const std::vector<int64_t> order_;
    OrderedPrefetch<Batch> batches_;
};

}  // namespace ferkd
