#include "runs/run_controller.h"

#include <QCoreApplication>
#include <QDir>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "store/experiment_store.h"
#include "store/run_files.h"
#include "train/local_parallel_run.h"
#include "train/run_creation.h"
#include "train/trainer.h"

namespace ferkd::ui {

// The core's observer, forwarding to the controller's signals. Called on the worker
// thread; Qt queues the signals to the receivers' (GUI) thread.
class RunController::Bridge : public TrainingObserver {
public:
    explicit Bridge(RunController& owner) : owner_(owner) {}
    void stageStarted(const StageInfo& s) override {
        Q_EMIT owner_.stageStarted(s.run_id, QString::fromStdString(s.name));
    }
    void step(const StepReport& r) override { Q_EMIT owner_.stepReported(r); }
    void epoch(const EpochReport& r) override { Q_EMIT owner_.epochReported(r); }
    void log(int64_t runId, LogLevel level, const std::string& message) override {
        Q_EMIT owner_.logged(runId, logLevelName(level), QString::fromStdString(message));
    }
    void finished(const RunOutcome&) override {}  // reported by the worker loop, after the run object is gone

private:
    RunController& owner_;
};

RunController::RunController(std::shared_ptr<ExperimentStore> store, QObject* parent)
    : RunHost(parent), store_(std::move(store)), bridge_(std::make_unique<Bridge>(*this)) {
    qRegisterMetaType<ferkd::StepReport>();
    qRegisterMetaType<ferkd::EpochReport>();
    control_.setPauseOnStorageFault(true);  // the user frees space and resumes
    worker_ = std::thread([this] { workerLoop(); });
}

RunController::~RunController() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        quit_ = true;
        queue_.clear();
    }
    control_.requestStop();
    wake_.notify_all();
    worker_.join();
}

int64_t RunController::enqueue(const RunConfig& config, const QString& tags) {
    const int64_t id = createTrainingRun(*store_, config, {tags.toStdString()});
    enqueueExisting(id);
    return id;
}

void RunController::enqueueExisting(int64_t runId) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.push_back({runId, false, {}});
    }
    store_->setStatus(runId, run_status::kQueued);
    wake_.notify_all();
    Q_EMIT queueChanged();
}

void RunController::resumeFrom(int64_t runId, const std::string& checkpointKind) {
    rewindToCheckpoint(*store_, runId, checkpointKind);
    enqueueExisting(runId);
}

void RunController::enqueueLabels(const LabelJob& job) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.push_back({0, true, job});
    }
    wake_.notify_all();
    Q_EMIT queueChanged();
}

std::pair<int64_t, int64_t> RunController::enqueuePipeline(const RunConfig& teacher, LabelJob labels, RunConfig student) {
    student.distill.labels = labels.out;
    const int64_t teacherId = createTrainingRun(*store_, teacher, {"pipeline,teacher"});
    const int64_t studentId = createTrainingRun(*store_, student, {"pipeline,student", /*labels_made_first=*/true});
    labels.teacher_run = std::to_string(teacherId);
    labels.teacher_script.clear();
    enqueueExisting(teacherId);
    enqueueLabels(labels);
    enqueueExisting(studentId);
    return {teacherId, studentId};
}

void RunController::pause() { control_.requestPause(); }
void RunController::resume() { control_.resume(); }
void RunController::stop() { control_.requestStop(); }

void RunController::stopAll() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.clear();
    }
    control_.requestStop();
    Q_EMIT queueChanged();
}

bool RunController::waitUntilIdle(int timeoutMs) {
    std::unique_lock<std::mutex> lock(mutex_);
    return idle_.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return active_ == 0 && queue_.empty(); });
}

void RunController::setProcesses(int processes) {
    std::lock_guard<std::mutex> lock(mutex_);
    processes_ = std::max(1, processes);
}

int RunController::processes() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return processes_;
}

RunOutcome RunController::trainOnProcesses(int64_t runId, int processes) {
    const std::string ferkd = QDir(QCoreApplication::applicationDirPath()).filePath("ferkd").toStdString();
    return trainOnLocalProcesses(*store_, *bridge_, control_, runId, processes, ferkd);
}

bool RunController::busy() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return active_ != 0 || !queue_.empty();
}

bool RunController::paused() const { return control_.pauseRequested(); }

int64_t RunController::activeRun() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return active_;
}

int RunController::queuedCount() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return static_cast<int>(queue_.size());
}

void RunController::workerLoop() {
    // Training is background work: at nice 10 (inherited by the threads and rank processes
    // it starts) it yields the cores to the GUI thread whenever both want one. Measured on
    // the 2-core VM beside a busy process (docs/STUDIO.md): at nice 0 the GUI thread, once
    // charged for a 100 ms stop of its CPU by the host, waited about as long again for the
    // training threads; at nice 10 it waits 12-24 ms; at nice 19 the run all but stopped
    // (344 s for three GUI tests that take 54 s at nice 10 and 8-12 s alone).
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 10);
    while (true) {
        Job job;
        int processes = 1;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [this] { return quit_ || !queue_.empty(); });
            if (quit_) break;
            job = queue_.front();
            queue_.pop_front();
            active_ = job.labels ? -1 : job.run;  // -1: a label generation whose run is not recorded yet
            processes = processes_;
            control_.reset();
        }
        Q_EMIT queueChanged();
        int64_t runId = job.run;
        std::string status, message;
        if (job.labels) {
            Q_EMIT stageStarted(0, QStringLiteral("labels"));
            const LabelJobOutcome outcome = runLabelJob(*store_, job.labelJob, [this, &runId](const LabelJobProgress& p) {
                if (runId == 0) {
                    runId = p.run_id;
                    Q_EMIT runStarted(runId);
                }
                Q_EMIT labelProgress(p.run_id, p.done, p.total, p.images_per_sec, p.eta_seconds);
            }, &control_);
            runId = outcome.run_id;
            status = outcome.status;
            message = outcome.message;
        } else {
            Q_EMIT runStarted(runId);
            RunOutcome outcome;
            if (processes > 1) {
                outcome = trainOnProcesses(runId, processes);
            } else {
                Trainer trainer(*store_, *bridge_, control_);
                outcome = trainer.run(runId);  // errors are caught inside and reported here
            }
            status = outcome.status;
            message = outcome.message;
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            active_ = 0;
        }
        Q_EMIT runFinished(runId, QString::fromStdString(status), QString::fromStdString(message));
        Q_EMIT queueChanged();
        idle_.notify_all();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    active_ = 0;
    idle_.notify_all();
}

}  // namespace ferkd::ui
