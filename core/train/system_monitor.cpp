#include "train/system_monitor.h"

#include <dlfcn.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <fstream>

namespace ferkd {

namespace {

// The scheduler's own count in nanoseconds, not /proc/self/stat's 10 ms ticks: over the
// short last stretch of a run a tick or two would read as several hundred percent.
double processCpuSeconds() {
    timespec cpu{};
    return clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu) == 0 ? double(cpu.tv_sec) + 1e-9 * double(cpu.tv_nsec) : 0.0;
}

double residentBytes() {
    std::ifstream statm("/proc/self/statm");
    double pages = 0, residentPages = 0;
    return statm >> pages >> residentPages ? residentPages * double(sysconf(_SC_PAGESIZE)) : 0.0;
}

}  // namespace

ProcessUsage readProcessUsage() { return {processCpuSeconds(), residentBytes()}; }

// The few NVML calls needed, resolved at run time: the program needs no NVIDIA library
// to build or start, and a machine without the driver simply records no GPU columns.
class NvmlQuery {
public:
    explicit NvmlQuery(int device) {
        lib_ = dlopen("libnvidia-ml.so.1", RTLD_NOW | RTLD_LOCAL);
        if (!lib_) return;
        auto init = reinterpret_cast<int (*)()>(dlsym(lib_, "nvmlInit_v2"));
        auto handle = reinterpret_cast<int (*)(unsigned, void**)>(dlsym(lib_, "nvmlDeviceGetHandleByIndex_v2"));
        utilization_ = reinterpret_cast<int (*)(void*, Utilization*)>(dlsym(lib_, "nvmlDeviceGetUtilizationRates"));
        memory_ = reinterpret_cast<int (*)(void*, Memory*)>(dlsym(lib_, "nvmlDeviceGetMemoryInfo"));
        shutdown_ = reinterpret_cast<int (*)()>(dlsym(lib_, "nvmlShutdown"));
        ok_ = init && handle && utilization_ && memory_ && init() == 0 && handle(unsigned(device), &device_) == 0;
    }
    ~NvmlQuery() {
        if (ok_ && shutdown_) shutdown_();
        if (lib_) dlclose(lib_);
    }
    bool ok() const { return ok_; }
    void read(SystemMetric& m) const {
        Utilization u{};
        Memory mem{};
        if (utilization_(device_, &u) == 0) m.gpu_percent = double(u.gpu);
        if (memory_(device_, &mem) == 0) m.gpu_memory_mib = double(mem.used) / (1024.0 * 1024.0);
    }

private:
    struct Utilization {  // nvmlUtilization_t
        unsigned gpu, memory;
    };
    struct Memory {  // nvmlMemory_t
        unsigned long long total, free, used;
    };
    void* lib_ = nullptr;
    void* device_ = nullptr;
    bool ok_ = false;
    int (*utilization_)(void*, Utilization*) = nullptr;
    int (*memory_)(void*, Memory*) = nullptr;
    int (*shutdown_)() = nullptr;
};

SystemMonitor::SystemMonitor(ExperimentStore& store, int64_t runId, double intervalSeconds, int cudaDevice)
    : store_(store), runId_(runId), interval_(intervalSeconds), cudaDevice_(cudaDevice) {
    if (cudaDevice_ >= 0) {
        nvml_ = std::make_unique<NvmlQuery>(cudaDevice_);
        if (!nvml_->ok()) nvml_.reset();
    }
    last_ = beforeLast_ = read();
    thread_ = std::thread([this] { loop(); });
}

SystemMonitor::~SystemMonitor() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    sample(true);  // the stretch since the last tick, so a short run has a row too
}

SystemMonitor::Reading SystemMonitor::read() {
    // The CPU clock and the wall clock read as one: a thread held up between the two (a
    // time slice on a busy machine, /proc's statm waiting for the memory map's lock) moved
    // the window's edge, and a 50 ms window read 300% on 2 cores (ctest -j 2). Read both
    // again while they lie more than a millisecond apart; memory after them.
    Reading r;
    for (int attempt = 0; attempt < 10; ++attempt) {
        const auto before = std::chrono::steady_clock::now();
        r.usage.cpu_seconds = processCpuSeconds();
        r.tick = std::chrono::steady_clock::now();  // the interval on a clock that NTP does not step
        if (r.tick - before < std::chrono::milliseconds(1)) break;
    }
    r.usage.rss_bytes = residentBytes();
    return r;
}

void SystemMonitor::loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::duration<double>(interval_), [this] { return stopping_; })) {
        lock.unlock();
        sample();
        lock.lock();
    }
}

void SystemMonitor::sample(bool last) {
    const Reading now = read();
    // The process CPU clock adds a thread's time on another core only at that core's next
    // scheduler tick (up to 4 ms late at HZ=250), so a stretch of a millisecond or two can
    // read as 600%. The last sample often comes right after a tick: its share is taken
    // over the window before it as well, at least one interval long.
    const auto seconds = [&](const Reading& from) { return std::chrono::duration<double>(now.tick - from.tick).count(); };
    const Reading& from = last && seconds(last_) < interval_ ? beforeLast_ : last_;
    SystemMetric m;
    m.time = unixNow();
    m.cpu_percent = seconds(from) > 0 ? 100.0 * (now.usage.cpu_seconds - from.usage.cpu_seconds) / seconds(from) : 0.0;
    m.rss_mib = now.usage.rss_bytes / (1024.0 * 1024.0);
    if (nvml_) nvml_->read(m);
    beforeLast_ = last_;
    last_ = now;
    try {
        store_.addSystemMetric(runId_, m);
    } catch (const std::exception&) {
        // A full disk or a locked database must not stop the run: the trainer reports those itself.
    }
}

}  // namespace ferkd
