#pragma once
// One run from its record to its outcome. It sets the run up (the device and threads,
// the data, the memory plan and micro-batch, the model, EMA, optimiser and what the
// student learns from: train/run_setup.h; the precision; a resume's checkpoint) and hands
// the passes to train/training_loop.h, which steps (train/training_step.h, in
// micro-batches), honours pause and stop between steps, evaluates at the end of each pass
// and checkpoints (train/checkpoint_policy.h). Runs on the caller's thread: the CLI calls
// it directly, the studio from a worker thread. Runs are created by train/run_creation.h.
//
// Given a process group it is one rank of a data-parallel run (train/data_parallel.h):
// every rank reads the run's config and checkpoint from the workspace (shared by the
// ranks), only rank 0 writes the store and checkpoints, and a pause request stops the
// run (with a checkpoint) since the other ranks cannot wait indefinitely.
#include "config/run_config.h"
#include "runtime/training_control.h"
#include "runtime/training_observer.h"
#include "store/experiment_store.h"

namespace ferkd {

class ProcessGroup;  // dist/process_group.h

class Trainer {
public:
    Trainer(ExperimentStore& store, TrainingObserver& observer, TrainingControl& control,
            ProcessGroup* group = nullptr);

    // Trains run `runId`, continuing from its last checkpoint when it has one (a resume).
    // Errors do not escape: the run is marked failed and the outcome says why.
    RunOutcome run(int64_t runId);

private:
    RunOutcome train(int64_t runId);

    ExperimentStore& store_;
    TrainingObserver& observer_;
    TrainingControl& control_;
    ProcessGroup* group_;
    std::string planSummary_;  // the plan of the run training, for an out-of-memory message
};

}  // namespace ferkd
