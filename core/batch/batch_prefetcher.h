#pragma once
// Builds the next training batches on background workers while the current one trains,
// as PyTorch's DataLoader workers do: each worker builds whole batches (decode, cut,
// augment, assemble), batches are handed out in step order, and at most
// `depth` + `workers` of them exist at once, so memory stays bounded. A batch is a pure
// function of (seed, epoch, step), so its bytes do not depend on the worker count.
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "batch/batch_builder.h"

namespace ferkd {

class BatchPrefetcher {
public:
    struct Options {
        int workers = 1;     // threads building batches
        size_t depth = 2;    // finished batches waiting beyond the ones being built
        bool pin_memory = false;  // a CUDA run: page-locked memory, so copies to the GPU run asynchronously
    };

    // Produces the batches of steps [firstStep, endStep) of pass `epoch` (endStep at most
    // the builder's stepsPerEpoch(): a run's last pass may be partial).
    BatchPrefetcher(const BatchBuilder& builder, int64_t epoch, int64_t firstStep, int64_t endStep, Options options);
    ~BatchPrefetcher();
    BatchPrefetcher(const BatchPrefetcher&) = delete;
    BatchPrefetcher& operator=(const BatchPrefetcher&) = delete;

    // The next batch in step order; nullopt after the last. Rethrows the error of the
    // step it would have returned.
    std::optional<Batch> next();

private:
    void work();

    const BatchBuilder& builder_;
    const int64_t epoch_, end_;
    const Options options_;
    const int workers_;
    const std::vector<int64_t> order_;
    std::mutex mutex_;
    std::condition_variable cv_;
    int64_t claimed_;    // the next step a worker takes
    int64_t delivered_;  // the next step next() returns
    std::map<int64_t, Batch> ready_;
    std::exception_ptr error_;
    int64_t errorStep_ = -1;
    bool cancelled_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace ferkd
