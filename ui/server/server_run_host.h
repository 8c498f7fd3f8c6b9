#pragma once
// Runs on a `ferkd serve`, as a window sees them (RunHost): New run, Quick start and Start
// queue on the server; pause, resume and stop go to the run training there. A thread
// asks the server every half second for what is new after its cursors (a run's start,
// steps, epochs, events, its end) and reports it as RunHost's signals, so a monitor grows
// live without reading a run's history again. When the server cannot be reached it says
// so (connectionChanged), keeps its cursors, and goes on from them when it is back.
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "runs/run_host.h"

namespace ferkd {
class RemoteWorkspace;
struct RunRecord;
}  // namespace ferkd

namespace ferkd::ui {

class ServerRunHost : public RunHost {
    Q_OBJECT
public:
    explicit ServerRunHost(std::shared_ptr<RemoteWorkspace> server, int pollMs = 500, QObject* parent = nullptr);
    ~ServerRunHost() override;  // stops asking; the server's runs go on

    int64_t enqueue(const RunConfig& config, const QString& tags = {}) override;
    void enqueueExisting(int64_t runId) override;
    void resumeFrom(int64_t runId, const std::string& checkpointKind) override;
    // Queued on the server as one request; the server names the label file.
    std::pair<int64_t, int64_t> enqueuePipeline(const RunConfig& teacher, LabelJob labels, RunConfig student) override;
    void pause() override;
    void resume() override;
    void stop() override;
    bool busy() const override;
    bool paused() const override;
    int64_t activeRun() const override;
    bool trainsHere() const override { return false; }

    bool connected() const;

private:
    // What the poll has passed on of one run that trains (or is paused) on the server.
    struct Followed {
        int64_t steps = 0, epochs = 0, events = 0;  // cursors
        int64_t epochCount = 0;                      // schedule.epochs of its config
        double stepsPerEpoch = 0;                    // from its last epoch row
        int64_t firstStep = -1;                      // the first step row seen, for the ETA
        double firstTime = 0;
    };
    void loop();
    void poll();  // on the thread: every request of one round
    void readNew(int64_t runId, Followed& run, bool report);
    void setConnected(bool connected, const std::string& message);

    std::shared_ptr<RemoteWorkspace> server_;
    int pollMs_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool quit_ = false;
    int64_t active_ = 0;  // the server's running (or paused) run, as last seen
    bool paused_ = false;
    bool connected_ = true;
    std::map<int64_t, Followed> followed_;  // the poll thread's alone
    int round_ = 0;
    std::thread thread_;
};

}  // namespace ferkd::ui
