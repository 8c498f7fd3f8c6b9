#pragma once
// System metrics of a training run, as W&B and MLflow record them: every few seconds the
// process's CPU use and resident memory and, on CUDA where NVML is present, the GPU's
// use and memory, written to the store on a thread of their own. Free of torch headers.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "store/experiment_store.h"

namespace ferkd {

// The process's CPU time so far (user + system, seconds) and resident memory (bytes),
// from the process CPU clock and /proc/self/statm.
struct ProcessUsage {
    double cpu_seconds = 0;
    double rss_bytes = 0;
};
ProcessUsage readProcessUsage();

class NvmlQuery;  // dlopen'ed libnvidia-ml, where present

class SystemMonitor {
public:
    // Samples every `intervalSeconds` into `store` for `runId`; `cudaDevice` >= 0 adds that
    // GPU's use and memory when NVML loads. The last sample is written on destruction, its
    // CPU share taken over at least one interval.
    SystemMonitor(ExperimentStore& store, int64_t runId, double intervalSeconds, int cudaDevice = -1);
    ~SystemMonitor();
    SystemMonitor(const SystemMonitor&) = delete;
    SystemMonitor& operator=(const SystemMonitor&) = delete;

private:
    // A reading of the process's CPU clock and the wall clock, the start of a CPU-share window.
    struct Reading {
        ProcessUsage usage;
        std::chrono::steady_clock::time_point tick;
    };
    static Reading read();
    void loop();
    void sample(bool last = false);

    ExperimentStore& store_;
    int64_t runId_;
    double interval_;
    int cudaDevice_;
    std::unique_ptr<NvmlQuery> nvml_;
    Reading last_;        // the previous sample's reading
    Reading beforeLast_;  // the one before it: the last sample's window when its stretch is short
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace ferkd
