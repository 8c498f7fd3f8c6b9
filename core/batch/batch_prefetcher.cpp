#include "batch/batch_prefetcher.h"

namespace ferkd {

BatchPrefetcher::BatchPrefetcher(const BatchBuilder& builder, int64_t epoch, int64_t firstStep, size_t depth,
                                 bool pinMemory)
    : builder_(builder), epoch_(epoch), step_(firstStep), end_(builder.stepsPerEpoch()), depth_(depth), pin_(pinMemory),
      order_(builder.epochOrder(epoch)) {
    thread_ = std::thread([this] { run(); });
}

BatchPrefetcher::~BatchPrefetcher() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        cancelled_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

void BatchPrefetcher::run() {
    // One intra-op thread here: the training thread owns the cores, and a second
    // OpenMP team on the same cores makes both spin against each other.
    at::set_num_threads(1);
    try {
        for (int64_t step = step_; step < end_; ++step) {
            Batch batch = builder_.trainBatch(order_, epoch_, step);
            if (pin_) {
                // What is still on the CPU (all of it unless crops are assembled on the GPU).
                for (torch::Tensor* t : {&batch.images, &batch.labels, &batch.targets})
                    if (t->defined() && t->is_cpu()) *t = t->pin_memory();
            }
            std::unique_lock<std::mutex> lock(mutex_);
            cv_.wait(lock, [&] { return cancelled_ || queue_.size() < depth_; });
            if (cancelled_) return;
            queue_.push_back(std::move(batch));
            cv_.notify_all();
        }
    } catch (...) {
        std::lock_guard<std::mutex> lock(mutex_);
        error_ = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
    cv_.notify_all();
}

std::optional<Batch> BatchPrefetcher::next() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [&] { return !queue_.empty() || done_; });
    if (!queue_.empty()) {
        Batch batch = std::move(queue_.front());
        queue_.pop_front();
        cv_.notify_all();
        return batch;
    }
    if (error_) std::rethrow_exception(error_);
    return std::nullopt;
}

}  // namespace ferkd
