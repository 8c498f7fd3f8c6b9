#pragma once
// Where a machine_stall_probe notes the stretches it woke late: shared memory written by
// the probe and read by the event-loop watch. Times are CLOCK_MONOTONIC nanoseconds, the
// same in both processes. One writer per log.
#include <time.h>

#include <atomic>
#include <cstdint>

namespace ferkd::test {

inline int64_t monotonicNs() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return int64_t(t.tv_sec) * 1000000000 + t.tv_nsec;
}

struct StallLog {
    static constexpr uint64_t kCapacity = 4096;
    static constexpr int kRealTime = 1, kNotRealTime = 2;
    std::atomic<int> ready{0};  // set by the probe once it runs: kRealTime or kNotRealTime
    std::atomic<uint64_t> count{0};
    int64_t from_ns[kCapacity];
    int64_t to_ns[kCapacity];

    void add(int64_t from, int64_t to) {
        const uint64_t i = count.load(std::memory_order_relaxed);
        from_ns[i % kCapacity] = from;
        to_ns[i % kCapacity] = to;
        count.store(i + 1, std::memory_order_release);
    }
};

}  // namespace ferkd::test
