#pragma once
// The training loop. It owns the step counter, asks the schedule for each step's
// learning rate, reports through the observer, writes the store and (through
// train/checkpoint_policy.h) checkpoints, and honours pause/stop between steps. Its parts:
// train/run_setup.h builds what a run trains with, train/training_step.h does one step
// in micro-batches, train/evaluator.h evaluates at the end of each pass. Runs on the caller's
// thread: the CLI calls it directly, the studio from a worker thread.
//
// Given a process group it is one rank of a data-parallel run (train/data_parallel.h):
// every rank reads the run's config and checkpoint from the workspace (shared by the
// ranks), only rank 0 writes the store and checkpoints, and a pause request stops the
// run (with a checkpoint) since the other ranks cannot wait indefinitely.
#include "config/run_config.h"
#include "store/experiment_store.h"
#include "train/training_control.h"
#include "train/training_observer.h"

namespace ferkd {

class ProcessGroup;  // dist/process_group.h

class Trainer {
public:
    Trainer(ExperimentStore& store, TrainingObserver& observer, TrainingControl& control,
            ProcessGroup* group = nullptr);

    // Validates `config` (opening its data and its label set, so a missing data set, a
    // validation split that does not fit or a label set made for other images is refused
    // before any run exists), gives it a name if it has none and records a queued run.
    // `labelsMadeFirst`: the label set is made by a run queued before this one (the
    // pipeline), so it is checked when this run starts. `planProcesses` > 0: the memory
    // plan for that many processes is made too, and a run that does not fit is refused.
    // That measures (up to minutes for the largest models), which the studio's GUI thread
    // must not wait for: 0 leaves the check to the run's start.
    int64_t createRun(RunConfig config, const std::string& tags = "", bool labelsMadeFirst = false,
                      int planProcesses = 0);

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
