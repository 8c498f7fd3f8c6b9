#pragma once
// Builds the next training batches on a background thread while the current one
// trains (a bounded queue, so memory stays flat).
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "batch/batch_builder.h"

namespace ferkd {

class BatchPrefetcher {
public:
    // Produces the batches of steps [firstStep, stepsPerEpoch) of `epoch`. With
    // `pinMemory` (a CUDA run) they are in page-locked memory, so the copies to the
    // GPU run asynchronously.
    BatchPrefetcher(const BatchBuilder& builder, int64_t epoch, int64_t firstStep, size_t depth = 2,
                    bool pinMemory = false);
    ~BatchPrefetcher();
    BatchPrefetcher(const BatchPrefetcher&) = delete;
    BatchPrefetcher& operator=(const BatchPrefetcher&) = delete;

    // The next batch in step order; nullopt after the last. Rethrows a builder error.
    std::optional<Batch> next();

private:
    void run();

    const BatchBuilder& builder_;
    int64_t epoch_, step_, end_;
    size_t depth_;
    bool pin_;
    std::vector<int64_t> order_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<Batch> queue_;
    std::exception_ptr error_;
    bool done_ = false, cancelled_ = false;
    std::thread thread_;
};

}  // namespace ferkd
