#pragma once
// Items [first, end) made ahead on worker threads and handed out in index order, as
// PyTorch's DataLoader workers hand out batches: each worker makes whole items, and at
// most `depth` + `workers` of them exist at once, so memory stays bounded. An item must
// be a pure function of its index, so what comes out does not depend on the worker count.
// The training batches (batch/batch_prefetcher.h) and the label generation's teacher
// inputs (labels/label_generator.cpp) go through it.
#include <algorithm>
#include <condition_variable>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace ferkd {

template <typename T>
class OrderedPrefetch {
public:
    struct Options {
        int workers = 1;   // threads making items
        size_t depth = 2;  // finished items waiting beyond the ones being made
        std::function<void()> worker_setup;  // run once on each worker thread first
    };

    OrderedPrefetch(std::function<T(int64_t index)> make, int64_t first, int64_t end, Options options)
        : make_(std::move(make)), end_(end), options_(std::move(options)), claimed_(first), delivered_(first) {
        for (int w = 0; w < std::max(1, options_.workers); ++w) threads_.emplace_back([this] { work(); });
    }
    ~OrderedPrefetch() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            cancelled_ = true;
        }
        cv_.notify_all();
        for (auto& t : threads_) t.join();
    }
    OrderedPrefetch(const OrderedPrefetch&) = delete;
    OrderedPrefetch& operator=(const OrderedPrefetch&) = delete;

    // The next item in index order; nullopt after the last. Rethrows the error of the
    // index it would have returned.
    std::optional<T> next() {
        std::unique_lock<std::mutex> lock(mutex_);
        cv_.wait(lock, [&] { return delivered_ >= end_ || ready_.count(delivered_) || (error_ && delivered_ >= errorIndex_); });
        auto it = ready_.find(delivered_);
        if (it != ready_.end()) {
            T item = std::move(it->second);
            ready_.erase(it);
            ++delivered_;
            cv_.notify_all();
            return item;
        }
        if (error_ && delivered_ >= errorIndex_) std::rethrow_exception(error_);
        return std::nullopt;
    }

private:
    void work() {
        if (options_.worker_setup) options_.worker_setup();
        const int64_t inFlight = int64_t(options_.depth) + std::max(1, options_.workers);
        for (;;) {
            int64_t index;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                cv_.wait(lock, [&] { return cancelled_ || error_ || claimed_ >= end_ || claimed_ < delivered_ + inFlight; });
                if (cancelled_ || error_ || claimed_ >= end_) return;
                index = claimed_++;
            }
            try {
                T item = make_(index);
                std::lock_guard<std::mutex> lock(mutex_);
                ready_.emplace(index, std::move(item));
            } catch (...) {
                std::lock_guard<std::mutex> lock(mutex_);
                // Indices before this one were claimed earlier and are finished by their workers.
                if (!error_ || index < errorIndex_) {
                    error_ = std::current_exception();
                    errorIndex_ = index;
                }
            }
            cv_.notify_all();
        }
    }

    const std::function<T(int64_t)> make_;
    const int64_t end_;
    const Options options_;
    std::mutex mutex_;
    std::condition_variable cv_;
    int64_t claimed_;    // the next index a worker takes
    int64_t delivered_;  // the next index next() returns
    std::map<int64_t, T> ready_;
    std::exception_ptr error_;
    int64_t errorIndex_ = -1;
    bool cancelled_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace ferkd
