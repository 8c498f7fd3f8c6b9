#pragma once
// Which checkpoints a run writes and what happens when a write fails.
//
// Kept: `last` (every epoch end, every checkpoint.every_steps steps and at a stop),
// `best` (by the selection metric) and, as timm's CheckpointSaver, the k best epoch ends
// (`epoch<N>`). Only rank 0 writes; every rank learns whether it could.
//
// Writes fail when the disk fills. Every write is idempotent (files replaced
// atomically, rows INSERT OR REPLACE), so the run pauses with the reason and retries on
// resume (studio), or ends "stopped" (CLI): the previous checkpoint is intact and
// `train --resume` continues from it.
#include <functional>
#include <string>

#include "config/step_accounting.h"
#include "runtime/training_control.h"
#include "runtime/training_observer.h"
#include "store/checkpoint.h"
#include "store/experiment_store.h"
#include "train/data_parallel.h"

namespace ferkd {

// For status and event writes after a fault: they may fail too (a full disk), and must
// not hide the fault's message. Errors of `write` are dropped.
void bestEffort(const std::function<void()>& write);

class CheckpointPolicy {
public:
    // `state` names the model, EMA and optimiser saved; its position is set per save. The
    // checkpoints' records give the epochs done in the run's units (`accounting`), as the
    // epoch rows do, where the file's position counts passes.
    CheckpointPolicy(ExperimentStore& store, TrainingObserver& observer, TrainingControl& control,
                     DataParallel& parallel, int64_t runId, const CheckpointConfig& config,
                     const StepAccounting& accounting, CheckpointContent state);

    const std::string& lastPath() const { return lastPath_; }

    // Runs `write` on rank 0 (retrying after a pause when the disk is full); true on every
    // rank when it succeeded, false when the run must stop (fault() says why).
    bool persist(const std::function<void()>& write);
    const std::string& fault() const { return fault_; }

    // Inside persist: the checkpoint a stop or checkpoint.every_steps writes.
    void saveLast(const TrainingPosition& position);
    // Inside persist: `last`, and `best` and the top-k as the config asks, at the end of
    // epoch `epochNumber` (in the config's units).
    void saveEpochEnd(const TrainingPosition& position, int64_t epochNumber, bool best, double selectBy);

private:
    void save(const std::string& path, const std::string& kind, const TrainingPosition& position, double top1);
    void keepTopK(const TrainingPosition& position, int64_t epochNumber, double top1);

    ExperimentStore& store_;
    TrainingObserver& observer_;
    TrainingControl& control_;
    DataParallel& parallel_;
    int64_t runId_;
    CheckpointConfig config_;
    StepAccounting accounting_;
    CheckpointContent state_;
    std::string lastPath_, bestPath_, fault_;
};

}  // namespace ferkd
