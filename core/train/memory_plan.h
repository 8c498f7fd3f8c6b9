#pragma once
// What a run needs in memory, known before its first step, and the micro-batch that fits.
//
// Per process: the weights (parameters and buffers), their gradients, the optimiser's
// state (AdamW two moments, SGD one momentum), the EMA copy, the kd teacher's weights,
// the gradient buckets of a run of several processes, the batches in flight (the
// prefetched ones and the one training), the runtime (on the CPU this process's
// resident memory before the model exists: libraries, the data's index) and the
// activations of one micro-batch. Everything but the activations is counted from the
// model as built; the activations are measured: one forward and backward pass of the
// student on micro-batches of 2 and of 4 crops (after one unmeasured pass, so gradients
// and caches exist), with the run's precision, memory format and checkpointing, on this
// machine's device; a straight line through the two gives bytes per crop.
//
// The plan fits where the process's peak stays within 90% of the budget (the rest is
// left to the allocator's fragmentation); processes on one CPU share its memory, each
// GPU process has its own device.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/run_config.h"
#include "models/model_registry.h"

namespace ferkd {

// Test images the trainer evaluates at once: max(images per step, this), or the plan's
// evaluation_images where a plan fits fewer.
inline constexpr int64_t kEvaluationImages = 256;

class ExperimentStore;

struct PlanRequest {
    ModelSpec spec;                        // classes and channels of the run's data
    int processes = 1;                     // ranks of the run
    int64_t test_images = 0;               // the larger of the test and validation splits; 0 = unknown
    std::optional<int64_t> device_memory;  // bytes to plan for (--device-memory); else this machine's device
    const ExperimentStore* store = nullptr;  // for the kd teacher's run
};

// What a config takes on one process, whatever the budget: counted and measured once
// per config (planMemory keeps it).
struct MemoryFootprint {
    int64_t parameters = 0;
    int64_t weights = 0, gradients = 0, optimizer_state = 0, ema = 0, teacher = 0, gradient_buckets = 0;
    int64_t batches = 0;  // batches in flight
    int64_t runtime = 0;
    int64_t untracked = 0;  // measured: resident memory beyond LibTorch's tensors (CPU)
    double activation_per_crop = 0;
    int64_t activation_fixed = 0;
    double evaluation_per_image = 0;  // activations and the test batch's bytes
    int64_t evaluation_fixed = 0;
    std::string activation_method;
};

struct MemoryPlan : MemoryFootprint {
    int64_t budget = 0;         // bytes one process may use (shared by the processes on a CPU)
    std::string budget_source;  // "available memory of this machine", "--device-memory"
    int processes = 1;
    bool shared_budget = true;  // processes on one CPU share it

    int64_t evaluation = 0;  // evaluating a test batch: its activations and batch (the peak is the larger phase)
    int64_t evaluation_images = 0;  // per evaluation batch: max(images per step, 256), fewer where they do not fit

    int crops_per_image = 1;
    int64_t crops_per_process = 0;  // of one step
    int64_t micro_batch = 0;        // crops per pass: the config's or auto's pick; 0 when nothing fits
    bool micro_batch_auto = true;
    std::vector<std::string> remedies;  // what would make a run that does not fit fit

    int64_t fixedBytes() const;  // everything but the activations
    int64_t activationBytes(int64_t crops) const;
    int64_t peakBytes(int64_t crops) const;  // one process: the fixed part and the larger of training and evaluation
    int64_t totalBytes(int64_t crops) const;  // what the processes sharing the budget need together
    int64_t usableBytes() const;             // 90% of the budget, per process
    bool fits() const { return micro_batch > 0 && peakBytes(micro_batch) <= usableBytes(); }
    // The table `ferkd train --plan` prints.
    std::string describe() const;
    // One line: "fits: 14.2 GB of 21.3 GB at micro-batches of 64 crops" / "does not fit: ...".
    std::string summary() const;
};

// The plan of `config` (resolved, valid) for `request`. Measuring builds the model and
// runs three small passes: from milliseconds for the testbed's models to a minute for
// the largest on a CPU. The footprint is kept per config and request, so a run's
// creation and its start measure once.
MemoryPlan planMemory(const RunConfig& config, const PlanRequest& request);

// The plan of `config` on the data it names (ferkd train --plan, the studio's form): opens
// the data for the model's classes and channels and the evaluation split's size. `store`
// is needed for a kd run's teacher only.
MemoryPlan planRunMemory(const RunConfig& config, int processes, std::optional<int64_t> deviceMemory,
                         const ExperimentStore* store);

// Throws ConfigError naming runtime.micro_batch (or model.arch when even the weights do
// not fit) with the plan's figures and remedies when `plan` does not fit.
void requireFits(const MemoryPlan& plan);

// The micro-batch (crops per pass) that training uses: the config's, or the plan's pick for auto (0).
int64_t plannedMicroBatch(const RunConfig& config, const MemoryPlan& plan);

}  // namespace ferkd
