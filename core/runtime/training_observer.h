#pragma once
// How the training core reports progress. Plain structs, no torch and no Qt, so the
// CLI (ConsoleObserver) and the studio (a Qt bridge) both implement it. Callbacks
// come on the training thread; implementations forward them where they need them.
#include <cstdint>
#include <string>

#include "store/experiment_store.h"

namespace ferkd {

struct StageInfo {
    int64_t run_id = 0;
    std::string name;     // "load data", "train", "evaluate", "checkpoint"
    int64_t total = 0;    // units of work in the stage (steps, images), 0 if unknown
};

struct StepReport {
    int64_t run_id = 0;
    int64_t epoch = 0, epochs = 0;
    int64_t step = 0;             // global step, 1-based after this step
    int64_t step_in_epoch = 0, steps_per_epoch = 0, total_steps = 0;  // steps_per_epoch: of this pass over the images
    double steps_per_crop_epoch = 0;  // steps one epoch in the config's units takes (a pass counts num_crops of them)
    double loss = 0, lr = 0, images_per_sec = 0, eta_seconds = 0;
};

struct EpochReport {
    int64_t run_id = 0;
    int64_t epochs = 0;
    EpochMetric metrics;
    bool is_best = false;
};

struct RunOutcome {
    int64_t run_id = 0;
    std::string status;   // finished | stopped | failed
    double best_top1 = 0;
    std::string message;  // the error for a failed run
};

enum class LogLevel { Info, Warning, Error };
const char* logLevelName(LogLevel level);

class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void stageStarted(const StageInfo&) {}
    virtual void stageProgress(const StageInfo&, int64_t /*done*/) {}
    virtual void step(const StepReport&) {}
    virtual void epoch(const EpochReport&) {}
    virtual void log(int64_t /*runId*/, LogLevel, const std::string&) {}
    virtual void finished(const RunOutcome&) {}
};

}  // namespace ferkd
