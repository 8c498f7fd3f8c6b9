#pragma once
// The queue of `ferkd serve --allow-control`: runs queued through the API train one at a
// time, each as its own `ferkd train --resume <id>` process (a pipeline's label
// generation as `ferkd labels generate`) in a session of its own, so
// that stopping or restarting the server does not stop the run. The queue (and the run
// it started last) is kept in <workspace>/server/queue.json: a restarted server finds
// its running run by its recorded process (workspace/run_process.h) and starts the rest
// after it. Pausing and stopping go to that process through the workspace.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "remote/workspace_api.h"
#include "store/experiment_store.h"

namespace ferkd {

struct ServerQueueOptions {
    std::string program;    // the ferkd executable that trains
    int processes = 1;      // --nproc of each run
    // Folders a queued config's paths (data.path, data.test_path, model.pretrained,
    // distill.labels) must lie in, besides the workspace; built-in data set names pass.
    std::vector<std::string> data_roots;
    int poll_ms = 500;      // how often the queue looks at its run
};

// A pipeline's parts resolved and checked as the queue records them: the student learns
// from `labelsFile`, the generation labels the teacher's training data. ConfigError
// naming the part ("teacher: ...", "labels.crops") when one does not hold.
struct PipelinePlan {
    RunConfig teacher, student;
    LabelJob labels;  // without its teacher run, which exists only once recorded
};
PipelinePlan planPipeline(const PipelineRequest& request, const std::vector<std::string>& roots,
                          const std::string& labelsFile);

class ServerQueue : public RunQueueControl {
public:
    ServerQueue(ExperimentStore& store, ServerQueueOptions options);
    ~ServerQueue() override;  // the queue stops; a run in training goes on

    int64_t queueRun(const ConfigRequest& request, const std::string& tags) override;
    PipelineRuns queuePipeline(const PipelineRequest& request, const std::string& tags) override;
    void requeue(int64_t runId, const std::string& fromCheckpoint) override;
    bool dequeue(int64_t runId) override;
    std::vector<int64_t> queued() const override;
    int64_t active() const;  // the run training now (0: none)

private:
    void loop();
    void advance();                  // under mutex_: notice the end of the active run, start the next
    void start(int64_t runId);       // under mutex_: `ferkd train`, or `ferkd labels generate` for a labels run
    std::vector<std::string> commandOf(const RunRecord& run) const;
    // Why a pipeline's run cannot start ("its teacher, run 4 'x' ended failed"): the run it
    // needs ended without its result. "" when nothing it needs is missing.
    std::string unmetPrerequisite(const RunRecord& run) const;
    void save() const;               // under mutex_
    pid_t activeProcess() const;     // under mutex_: the active run's `ferkd train`, 0 when gone

    ExperimentStore& store_;
    ServerQueueOptions options_;
    std::string queueFile_;
    std::mutex pipelineMutex_;  // pipelines are recorded one at a time
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<int64_t> queue_;
    int64_t active_ = 0;
    pid_t child_ = 0;  // the process this server started for active_ (0 after a restart)
    bool quit_ = false;
    std::thread thread_;
};

// ConfigError naming each path field of `config` that lies outside `roots` (nor is a
// built-in data set name): a server reads no file a client names elsewhere.
void checkServerPaths(const RunConfig& config, const std::vector<std::string>& roots);

}  // namespace ferkd
