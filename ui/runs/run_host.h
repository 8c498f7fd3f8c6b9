#pragma once
// Where the studio's runs train, as a window sees it: queue a run, steer the active one,
// and what the runs report (stages, steps, epochs, log lines, the end) as Qt signals on
// the GUI thread. RunController trains in this process (and its local workers);
// ServerRunHost (ui/server) queues on a `ferkd serve` and follows the runs there.
#include <QObject>
#include <QString>

#include <cstdint>
#include <utility>

#include "config/run_config.h"
#include "labels/label_job.h"
#include "runtime/training_observer.h"

namespace ferkd::ui {

class RunHost : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Records a queued run (the config is validated: ConfigError lists every problem, and
    // nothing is recorded) and starts it when nothing else runs. Returns its id.
    virtual int64_t enqueue(const RunConfig& config, const QString& tags = {}) = 0;
    // Queues an existing run: a stopped or interrupted run resumes from its checkpoint.
    virtual void enqueueExisting(int64_t runId) = 0;
    // The same from checkpoint "best" or "last" (Error when the run has none such).
    virtual void resumeFrom(int64_t runId, const std::string& checkpointKind) = 0;
    // The usual chain: train the teacher, label its crops, train the student on them. The
    // student's distill.labels becomes the job's file (a server names it: the job's `out`
    // is then not used), the job's teacher the teacher run. Every run is recorded (and
    // validated) now. Returns the teacher's and the student's ids.
    virtual std::pair<int64_t, int64_t> enqueuePipeline(const RunConfig& teacher, LabelJob labels, RunConfig student) = 0;

    virtual void pause() = 0;  // the active run
    virtual void resume() = 0;
    virtual void stop() = 0;   // the active run: it checkpoints and ends "stopped"

    virtual bool busy() const = 0;
    virtual bool paused() const = 0;
    virtual int64_t activeRun() const = 0;  // 0 when idle
    // The runs train in this process: closing the studio stops them. A server's go on.
    virtual bool trainsHere() const = 0;

Q_SIGNALS:
    void runStarted(qint64 runId);
    void stageStarted(qint64 runId, const QString& stage);
    void stepReported(const ferkd::StepReport& report);
    void epochReported(const ferkd::EpochReport& report);
    void logged(qint64 runId, const QString& level, const QString& message);
    void runFinished(qint64 runId, const QString& status, const QString& message);
    void labelProgress(qint64 runId, qint64 done, qint64 total, double imagesPerSec, double etaSeconds);
    void queueChanged();
    // The active run or its pause changed where the window did not do it (another client
    // of a server paused it): the window's Pause/Resume/Stop follow.
    void activeRunChanged();
    // A host that reaches its runs over the network lost (false) or regained them.
    void connectionChanged(bool connected, const QString& message);
};

}  // namespace ferkd::ui

Q_DECLARE_METATYPE(ferkd::StepReport)
Q_DECLARE_METATYPE(ferkd::EpochReport)
