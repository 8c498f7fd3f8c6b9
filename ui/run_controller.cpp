#include "run_controller.h"

#include "store/experiment_store.h"
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
    : QObject(parent), store_(std::move(store)), bridge_(std::make_unique<Bridge>(*this)) {
    qRegisterMetaType<ferkd::StepReport>();
    qRegisterMetaType<ferkd::EpochReport>();
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
    TrainingControl unused;
    Trainer recorder(*store_, *bridge_, unused);
    const int64_t id = recorder.createRun(config, tags.toStdString());
    enqueueExisting(id);
    return id;
}

void RunController::enqueueExisting(int64_t runId) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.push_back(runId);
    }
    store_->setStatus(runId, run_status::kQueued);
    wake_.notify_all();
    Q_EMIT queueChanged();
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
    while (true) {
        int64_t runId = 0;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [this] { return quit_ || !queue_.empty(); });
            if (quit_) break;
            runId = queue_.front();
            queue_.pop_front();
            active_ = runId;
            control_.reset();
        }
        Q_EMIT queueChanged();
        Q_EMIT runStarted(runId);
        Trainer trainer(*store_, *bridge_, control_);
        const RunOutcome outcome = trainer.run(runId);  // errors are caught inside and reported here
        {
            std::lock_guard<std::mutex> lock(mutex_);
            active_ = 0;
        }
        Q_EMIT runFinished(runId, QString::fromStdString(outcome.status), QString::fromStdString(outcome.message));
        Q_EMIT queueChanged();
        idle_.notify_all();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    active_ = 0;
    idle_.notify_all();
}

}  // namespace ferkd::ui
