#include "batch/batch_prefetcher.h"

#include <algorithm>

namespace ferkd {

BatchPrefetcher::BatchPrefetcher(const BatchBuilder& builder, int64_t epoch, int64_t firstStep, int64_t endStep,
                                 Options options)
    : builder_(builder), epoch_(epoch), end_(std::min(endStep, builder.stepsPerEpoch())), options_(options), workers_(std::max(1, options.workers)),
      order_(builder.epochOrder(epoch)), claimed_(firstStep), delivered_(firstStep) {
    for (int w = 0; w < workers_; ++w) threads_.emplace_back([this] { work(); });
}

BatchPrefetcher::~BatchPrefetcher() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        cancelled_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
}

void BatchPrefetcher::work() {
    // One intra-op thread per worker: the training thread owns the cores, and a second
    // OpenMP team on the same cores makes both spin against each other.
    at::set_num_threads(1);
    const int64_t inFlight = int64_t(options_.depth) + int64_t(workers_);
    for (;;) {
        int64_t step;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            cv_.wait(lock, [&] { return cancelled_ || error_ || claimed_ >= end_ || claimed_ < delivered_ + inFlight; });
            if (cancelled_ || error_ || claimed_ >= end_) return;
            step = claimed_++;
        }
        try {
            Batch batch = builder_.trainBatch(order_, epoch_, step);
            if (options_.pin_memory) {
                // What is still on the CPU (all of it unless crops are assembled on the GPU).
                for (torch::Tensor* t : {&batch.images, &batch.labels, &batch.targets})
                    if (t->defined() && t->is_cpu()) *t = t->pin_memory();
            }
            std::lock_guard<std::mutex> lock(mutex_);
            ready_.emplace(step, std::move(batch));
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex_);
            // Steps before this one were claimed earlier and are finished by their workers.
            if (!error_ || step < errorStep_) {
                error_ = std::current_exception();
                errorStep_ = step;
            }
        }
        cv_.notify_all();
    }
}

std::optional<Batch> BatchPrefetcher::next() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [&] { return delivered_ >= end_ || ready_.count(delivered_) || (error_ && delivered_ >= errorStep_); });
    auto it = ready_.find(delivered_);
    if (it != ready_.end()) {
        Batch batch = std::move(it->second);
        ready_.erase(it);
        ++delivered_;
        cv_.notify_all();
        return batch;
    }
    if (error_ && delivered_ >= errorStep_) std::rethrow_exception(error_);
    return std::nullopt;
}

}  // namespace ferkd
