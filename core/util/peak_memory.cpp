#include "util/peak_memory.h"

#include <c10/core/CPUAllocator.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>

// The caching allocator's statistics and cudaMemGetInfo need a CUDA build of LibTorch
// (Debian's is CPU-only).
#if __has_include(<c10/cuda/CUDACachingAllocator.h>) && __has_include(<cuda_runtime_api.h>)
#include <c10/cuda/CUDACachingAllocator.h>
#include <cuda_runtime_api.h>
#define FERKD_CUDA_MEMORY 1
#endif

#include "util/error.h"

namespace ferkd {

struct PeakMemoryMeter::Counter {
    std::atomic<int64_t> current{0}, peak{0};
    void add(int64_t bytes) {
        const int64_t now = current.fetch_add(bytes) + bytes;
        int64_t seen = peak.load();
        while (now > seen && !peak.compare_exchange_weak(seen, now)) {
        }
    }
};

namespace {

using Counter = PeakMemoryMeter::Counter;

// The counter of the meter running on this thread; only its allocations count.
thread_local std::shared_ptr<Counter> tlsCounter;

// Every block of the counting allocator starts with a header, so the data pointer is its
// own context (LibTorch's raw_allocate, used by oneDNN's convolutions, requires that) and
// one deleter serves counted and uncounted blocks. 64 bytes keep the data 64-byte aligned
// as LibTorch's CPU allocator aligns it.
struct BlockHeader {
    void* base;
    int64_t bytes;
    std::shared_ptr<Counter>* counter;  // null: allocated while nothing counted on this thread
};
constexpr size_t kHeaderBytes = 64;
static_assert(sizeof(BlockHeader) <= kHeaderBytes, "the header fits its space");

class CountingCpuAllocator final : public c10::Allocator {
public:
    explicit CountingCpuAllocator(c10::Allocator* base) : base_(base) { baseDeleter = base->raw_deleter(); }

    c10::DataPtr allocate(size_t bytes) const override {
        void* base = base_->raw_allocate(bytes + kHeaderBytes);
        auto* header = static_cast<BlockHeader*>(base);
        header->base = base;
        header->bytes = static_cast<int64_t>(bytes);
        header->counter = nullptr;
        if (tlsCounter) {
            header->counter = new std::shared_ptr<Counter>(tlsCounter);  // the block may outlive the meter
            tlsCounter->add(header->bytes);
        }
        void* data = static_cast<char*>(base) + kHeaderBytes;
        return {data, data, &release, c10::Device(c10::DeviceType::CPU)};
    }
    c10::DeleterFnPtr raw_deleter() const override { return &release; }

private:
    static void release(void* data) {
        if (!data) return;
        auto* header = reinterpret_cast<BlockHeader*>(static_cast<char*>(data) - kHeaderBytes);
        if (header->counter) {
            (*header->counter)->current.fetch_sub(header->bytes);
            delete header->counter;
        }
        baseDeleter(header->base);
    }
    static inline c10::DeleterFnPtr baseDeleter = nullptr;  // the one allocator this one fronts

    c10::Allocator* base_;
};

std::mutex meterMutex;  // one CPU meter at a time: the allocator slot is process-wide
c10::Allocator* previous = nullptr;

int64_t procField(const char* file, const std::string& key) {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
        if (line.compare(0, key.size(), key) == 0) {
            std::istringstream rest(line.substr(key.size()));
            int64_t kb = 0;
            rest >> kb;
            return kb * 1024;
        }
    return 0;
}

}  // namespace

PeakMemoryMeter::PeakMemoryMeter(torch::Device device) : device_(device), counter_(std::make_shared<Counter>()) {
    if (device.is_cuda()) {
#ifdef FERKD_CUDA_MEMORY
        const int index = device.has_index() ? device.index() : 0;
        c10::cuda::CUDACachingAllocator::resetPeakStats(index);
        cudaStart_ = c10::cuda::CUDACachingAllocator::getDeviceStats(index)
                         .allocated_bytes[static_cast<size_t>(c10::cuda::CUDACachingAllocator::StatType::AGGREGATE)]
                         .current;
#else
        throw Error("measuring CUDA memory needs a CUDA build of LibTorch");
#endif
        return;
    }
    meterMutex.lock();
    previous = c10::GetCPUAllocator();
    static CountingCpuAllocator* counting = new CountingCpuAllocator(previous);  // outlives every block it made
    c10::SetCPUAllocator(counting, /*priority=*/0);
    tlsCounter = counter_;
}

PeakMemoryMeter::~PeakMemoryMeter() {
    if (device_.is_cuda()) return;
    tlsCounter = nullptr;
    c10::SetCPUAllocator(previous, /*priority=*/0);
    meterMutex.unlock();
}

int64_t PeakMemoryMeter::peakBytes() const {
    if (device_.is_cuda()) {
#ifdef FERKD_CUDA_MEMORY
        const int index = device_.has_index() ? device_.index() : 0;
        return c10::cuda::CUDACachingAllocator::getDeviceStats(index)
                   .allocated_bytes[static_cast<size_t>(c10::cuda::CUDACachingAllocator::StatType::AGGREGATE)]
                   .peak -
               cudaStart_;
#endif
    }
    return counter_->peak.load();
}

int64_t residentBytes() { return procField("/proc/self/status", "VmRSS:"); }
int64_t availableMemoryBytes() { return procField("/proc/meminfo", "MemAvailable:"); }
int64_t residentPeakBytes() { return procField("/proc/self/status", "VmHWM:"); }

bool resetResidentPeak() {
    std::ofstream out("/proc/self/clear_refs");
    out << "5";
    out.flush();
    return static_cast<bool>(out);
}

std::pair<int64_t, int64_t> cudaMemoryInfo(int deviceIndex) {
#ifdef FERKD_CUDA_MEMORY
    int previousDevice = 0;
    cudaGetDevice(&previousDevice);
    cudaSetDevice(deviceIndex);
    size_t freeBytes = 0, totalBytes = 0;
    const bool ok = cudaMemGetInfo(&freeBytes, &totalBytes) == cudaSuccess;
    cudaSetDevice(previousDevice);
    if (ok) return {static_cast<int64_t>(freeBytes), static_cast<int64_t>(totalBytes)};
#else
    (void)deviceIndex;
#endif
    return {0, 0};
}

}  // namespace ferkd
