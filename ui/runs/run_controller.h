#pragma once
// Runs the core's Trainer on a worker thread, one queued run after another, and
// reports what the core observes as RunHost's signals (delivered on the GUI thread).

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "config/run_config.h"
#include "labels/label_job.h"
#include "runs/run_host.h"
#include "runtime/training_control.h"

namespace ferkd {
class ExperimentStore;
}

namespace ferkd::ui {

class RunController : public RunHost {
    Q_OBJECT
public:
    explicit RunController(std::shared_ptr<ExperimentStore> store, QObject* parent = nullptr);
    ~RunController() override;  // stops the active run cleanly and joins the worker

    int64_t enqueue(const RunConfig& config, const QString& tags = {}) override;
    void enqueueExisting(int64_t runId) override;
    void resumeFrom(int64_t runId, const std::string& checkpointKind) override;
    // Queues a label generation (it becomes a run of kind "labels" when it starts).
    void enqueueLabels(const LabelJob& job);
    // The label generation runs in this process, between the two.
    std::pair<int64_t, int64_t> enqueuePipeline(const RunConfig& teacher, LabelJob labels, RunConfig student) override;

    void pause() override;
    void resume() override;
    void stop() override;
    void stopAll();                    // also empties the queue
    bool waitUntilIdle(int timeoutMs); // for closing the window and for tests

    // Training runs started from now on run as this many processes on this machine
    // (data parallel, torch.distributed over Gloo): this one is rank 0, the others are
    // `ferkd` processes next to the studio's program. Shown as one run.
    void setProcesses(int processes);
    int processes() const;

    bool busy() const override;
    bool paused() const override;
    int64_t activeRun() const override;
    bool trainsHere() const override { return true; }
    int queuedCount() const;

private:
    class Bridge;
    void workerLoop();
    RunOutcome trainOnProcesses(int64_t runId, int processes);

    std::shared_ptr<ExperimentStore> store_;
    std::unique_ptr<Bridge> bridge_;
    TrainingControl control_;
    mutable std::mutex mutex_;
    std::condition_variable wake_, idle_;
    struct Job {
        int64_t run = 0;     // a training run, or
        bool labels = false;  // a label generation
        LabelJob labelJob;
    };
    std::deque<Job> queue_;
    int64_t active_ = 0;
    bool quit_ = false;
    int processes_ = 1;
    std::thread worker_;
};

}  // namespace ferkd::ui
