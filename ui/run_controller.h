#pragma once
// Runs the core's Trainer on a worker thread, one queued run after another, and
// reports what the core observes as Qt signals (delivered on the GUI thread). The UI
// talks to training only through this class: enqueue, pause, resume, stop.
#include <QObject>
#include <QString>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "config/run_config.h"
#include "train/training_control.h"
#include "train/training_observer.h"

namespace ferkd {
class ExperimentStore;
}

namespace ferkd::ui {

class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(std::shared_ptr<ExperimentStore> store, QObject* parent = nullptr);
    ~RunController() override;  // stops the active run cleanly and joins the worker

    // Records a queued run (the core validates the config; ConfigError escapes) and
    // starts it when nothing else runs. Returns its id.
    int64_t enqueue(const RunConfig& config, const QString& tags = {});
    // Queues an existing run: a stopped or interrupted run resumes from its checkpoint.
    void enqueueExisting(int64_t runId);

    void pause();
    void resume();
    void stop();                       // the active run: it checkpoints and ends "stopped"
    void stopAll();                    // also empties the queue
    bool waitUntilIdle(int timeoutMs); // for closing the window and for tests

    bool busy() const;
    bool paused() const;
    int64_t activeRun() const;         // 0 when idle
    int queuedCount() const;

Q_SIGNALS:
    void runStarted(qint64 runId);
    void stageStarted(qint64 runId, const QString& stage);
    void stepReported(const ferkd::StepReport& report);
    void epochReported(const ferkd::EpochReport& report);
    void logged(qint64 runId, const QString& level, const QString& message);
    void runFinished(qint64 runId, const QString& status, const QString& message);
    void queueChanged();

private:
    class Bridge;
    void workerLoop();

    std::shared_ptr<ExperimentStore> store_;
    std::unique_ptr<Bridge> bridge_;
    TrainingControl control_;
    mutable std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::deque<int64_t> queue_;
    int64_t active_ = 0;
    bool quit_ = false;
    std::thread worker_;
};

}  // namespace ferkd::ui

Q_DECLARE_METATYPE(ferkd::StepReport)
Q_DECLARE_METATYPE(ferkd::EpochReport)
