#include "server/server_run_host.h"

#include <chrono>
#include <cmath>
#include <set>

#include "config/config_io.h"
#include "config/config_request.h"
#include "remote/remote_workspace.h"
#include "store/experiment_store.h"
#include "store/run_files.h"

namespace ferkd::ui {
namespace {

bool isActive(const std::string& status) { return status == run_status::kRunning || status == run_status::kPaused; }

}  // namespace

ServerRunHost::ServerRunHost(std::shared_ptr<RemoteWorkspace> server, int pollMs, QObject* parent)
    : RunHost(parent), server_(std::move(server)), pollMs_(pollMs) {
    qRegisterMetaType<ferkd::StepReport>();
    qRegisterMetaType<ferkd::EpochReport>();
    // Asking starts once the event loop runs: whoever made the host has connected to its
    // signals by then, so the first round's "run started" reaches them.
    QMetaObject::invokeMethod(this, [this] { thread_ = std::thread([this] { loop(); }); }, Qt::QueuedConnection);
}

ServerRunHost::~ServerRunHost() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        quit_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

int64_t ServerRunHost::enqueue(const RunConfig& config, const QString& tags) {
    ConfigRequest request;
    request.json = configToJson(config);  // resolved and checked again on the server, paths there
    const int64_t id = server_->queueRun(request, tags.toStdString());
    wake_.notify_all();  // ask again now: the run may start at once
    Q_EMIT queueChanged();
    return id;
}

std::pair<int64_t, int64_t> ServerRunHost::enqueuePipeline(const RunConfig& teacher, LabelJob labels, RunConfig student) {
    PipelineRequest request;
    request.teacher.json = configToJson(teacher);  // resolved and checked again on the server, paths there
    request.student.json = configToJson(student);
    request.labels = std::move(labels);
    const PipelineRuns runs = server_->queuePipeline(request, "");
    wake_.notify_all();
    Q_EMIT queueChanged();
    return {runs.teacher, runs.student};
}

void ServerRunHost::enqueueExisting(int64_t runId) { resumeFrom(runId, "last"); }

void ServerRunHost::resumeFrom(int64_t runId, const std::string& checkpointKind) {
    server_->requeueRun(runId, checkpointKind);
    wake_.notify_all();
    Q_EMIT queueChanged();
}

void ServerRunHost::pause() {
    if (const int64_t id = activeRun()) server_->pause(id);
    wake_.notify_all();
}

void ServerRunHost::resume() {
    if (const int64_t id = activeRun()) server_->resume(id);
    wake_.notify_all();
}

void ServerRunHost::stop() {
    if (const int64_t id = activeRun()) server_->stop(id);
    wake_.notify_all();
}

bool ServerRunHost::busy() const { return activeRun() != 0; }

bool ServerRunHost::paused() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return paused_;
}

int64_t ServerRunHost::activeRun() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return active_;
}

bool ServerRunHost::connected() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return connected_;
}

void ServerRunHost::loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!quit_) {
        lock.unlock();
        try {
            poll();
            setConnected(true, {});
        } catch (const std::exception& e) {
            setConnected(false, e.what());  // the cursors stay: the next round goes on from them
        }
        lock.lock();
        wake_.wait_for(lock, std::chrono::milliseconds(pollMs_));
    }
}

void ServerRunHost::poll() {
    // The whole list every fourth round (a run the server starts shows within two
    // seconds), and every round while nothing trains; else the followed runs alone.
    std::vector<RunRecord> runs;
    if (followed_.empty() || round_++ % 4 == 0) {
        runs = server_->listRuns();
    } else {
        for (const auto& entry : followed_)
            if (auto r = server_->run(entry.first)) runs.push_back(*r);
    }
    std::set<int64_t> seen;
    int64_t active = 0;
    bool paused = false;
    for (const RunRecord& r : runs) {
        seen.insert(r.id);
        auto it = followed_.find(r.id);
        if (isActive(r.status)) {
            if (it == followed_.end()) {
                Followed run;
                try {
                    run.epochCount = runConfigOf(r).schedule.epochs;
                } catch (const std::exception&) {
                    // a config this version cannot read: the steps come without "of N epochs"
                }
                it = followed_.emplace(r.id, run).first;
                // Its history so far is read by the window that shows it; from here on, the new rows.
                readNew(r.id, it->second, false);
                Q_EMIT runStarted(r.id);
                Q_EMIT stageStarted(r.id, tr("training on the server"));
            } else {
                readNew(r.id, it->second, true);
            }
            active = r.id;
            paused = r.status == run_status::kPaused;
        } else if (it != followed_.end()) {
            readNew(r.id, it->second, true);  // what it wrote before it ended
            followed_.erase(it);
            Q_EMIT runFinished(r.id, QString::fromStdString(r.status), QString::fromStdString(r.error));
        }
    }
    for (auto it = followed_.begin(); it != followed_.end();)  // deleted on the server meanwhile
        it = seen.count(it->first) ? std::next(it) : followed_.erase(it);
    bool changed = false;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        changed = active_ != active || paused_ != paused;
        active_ = active;
        paused_ = paused;
    }
    if (changed) Q_EMIT activeRunChanged();
}

void ServerRunHost::readNew(int64_t runId, Followed& run, bool report) {
    for (bool more = true; more;) {  // epochs first: they give the steps' epoch length
        const auto page = server_->epochMetricsAfter(runId, run.epochs);
        for (const EpochMetric& m : page.rows) {
            if (m.epoch > 0) run.stepsPerEpoch = double(m.step) / double(m.epoch);
            if (report) Q_EMIT epochReported(EpochReport{runId, run.epochCount, m, false});
        }
        run.epochs = page.cursor;
        more = page.more;
    }
    for (bool more = true; more;) {
        const auto page = server_->stepMetricsAfter(runId, run.steps);
        for (const StepMetric& m : page.rows) {
            if (run.firstStep < 0) {
                run.firstStep = m.step;
                run.firstTime = m.time;
            }
            if (!report) continue;
            StepReport r;
            r.run_id = runId;
            r.epoch = m.epoch;
            r.epochs = run.epochCount;
            r.step = m.step;
            r.steps_per_crop_epoch = run.stepsPerEpoch;
            // Once an epoch has ended, its length gives the run's steps, and the pace since
            // the first row seen its ETA.
            if (run.stepsPerEpoch > 0) r.total_steps = std::llround(run.stepsPerEpoch * double(run.epochCount));
            if (r.total_steps > 0 && m.step > run.firstStep && m.time > run.firstTime)
                r.eta_seconds = double(r.total_steps - m.step) * (m.time - run.firstTime) / double(m.step - run.firstStep);
            r.loss = m.loss;
            r.lr = m.lr;
            r.images_per_sec = m.images_per_sec;
            Q_EMIT stepReported(r);
        }
        run.steps = page.cursor;
        more = page.more;
    }
    for (bool more = true; more;) {
        const auto page = server_->eventsAfter(runId, run.events);
        if (report)
            for (const EventRecord& e : page.rows)
                Q_EMIT logged(runId, QString::fromStdString(e.level), QString::fromStdString(e.message));
        run.events = page.cursor;
        more = page.more;
    }
}

void ServerRunHost::setConnected(bool connected, const std::string& message) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (connected_ == connected) return;
        connected_ = connected;
    }
    Q_EMIT connectionChanged(connected, QString::fromStdString(message));
}

}  // namespace ferkd::ui
