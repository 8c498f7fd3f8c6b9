#pragma once
// The passes of one run once it is set up (train/trainer.h does that): the steps of each
// pass with pause and stop answered between them, the step reports and the loss rows,
// `last` every checkpoint.every_steps, and the end of each pass: evaluation on the
// validation and test splits, the epoch's row, the best epoch by the selection metric
// (validation top-1 where there is a validation split, so the test split chooses
// nothing), the epoch-end checkpoints (train/checkpoint_policy.h).
#include <chrono>
#include <optional>
#include <vector>

#include "config/run_config.h"
#include "runtime/training_control.h"
#include "runtime/training_observer.h"
#include "store/checkpoint.h"
#include "store/experiment_store.h"
#include "train/checkpoint_policy.h"
#include "train/data_parallel.h"
#include "train/run_setup.h"
#include "train/training_step.h"

namespace ferkd {

// Step losses averaged over runtime.log_every steps, and the crops per second over them.
class StepWindow {
public:
    explicit StepWindow(int64_t cropsPerStep) : cropsPerStep_(cropsPerStep) {}
    void add(double loss);
    int64_t steps() const { return steps_; }
    // Closes the window: its mean loss, and the crops per second since it opened.
    std::pair<double, double> close();
    void reset();  // a new window (also after a pause: the time paused is not training time)
    double rate() const { return rate_; }

private:
    int64_t cropsPerStep_;
    double loss_ = 0, rate_ = 0;
    int64_t steps_ = 0;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// Where the loop reports, writes and asks, and what it trains with.
struct TrainingLoopParts {
    ExperimentStore& store;
    TrainingObserver& observer;
    TrainingControl& control;
    DataParallel& parallel;
    CheckpointPolicy& checkpoints;
    RunLog log;
    RunSetup& run;
    TrainingStep& step;
};

struct TrainingLoopOptions {
    torch::Device device = torch::kCPU;
    int data_workers = 1;           // threads that build the batches
    int64_t evaluation_batch = 256;  // test images per evaluation batch
};

// Lives inside Trainer::train and holds references to what it set up.
class TrainingLoop {
public:
    TrainingLoop(TrainingLoopParts parts, int64_t runId, const RunConfig& cfg, TrainingLoopOptions options);
    TrainingLoop(const TrainingLoop&) = delete;
    TrainingLoop& operator=(const TrainingLoop&) = delete;

    // Trains from `position` (a fresh run's, or its last checkpoint's) to the schedule's
    // end or a stop. `bestTestTop1`: the test top-1 of the best epoch so far, as stored.
    RunOutcome run(const TrainingPosition& position, double bestTestTop1);

private:
    // The steps of pass `pass` (`passSteps` in all) from where the position stands; an
    // outcome when the run stops.
    std::optional<RunOutcome> trainPass(int64_t pass, int64_t passSteps);
    // A pause (one process) or a stop (asked, or a pause of several processes) between steps.
    std::optional<RunOutcome> answerControl();
    void report(double loss, double lr, int64_t passSteps);
    std::optional<RunOutcome> endPass(int64_t pass, std::chrono::steady_clock::time_point passStart);
    EvalResult evaluateOn(const BatchBuilder& split, const char* stage);
    void flushLosses();  // the pending loss rows to the store (inside persist)
    bool persistLast();  // the pending loss rows and `last`; false when the run must stop
    RunOutcome stoppedByStorage();
    RunOutcome outcome(const std::string& status, const std::string& message = {}) const;

    TrainingLoopParts parts_;
    int64_t runId_;
    const RunConfig& cfg_;
    const StepAccounting& acct_;
    TrainingLoopOptions options_;
    bool leader_;

    TrainingPosition pos_;  // pos_.epoch counts passes over the training images
    double bestTestTop1_ = 0;
    std::vector<StepMetric> pending_;  // loss rows not yet in the store
    StepWindow window_;
    std::chrono::steady_clock::time_point runStart_;
    int64_t startStep_ = 0;
};

}  // namespace ferkd
