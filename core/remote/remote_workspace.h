#pragma once
// A workspace served by `ferkd serve`, read and managed over HTTP(S): the client side of
// remote/workspace_api.h. Safe to call from several threads (one request at a time; an
// evaluation on a connection of its own).
#include <memory>
#include <mutex>

#include "config/config_request.h"
#include "workspace/workspace.h"

namespace httplib {
class Client;
}

namespace ferkd {

struct ServerInfo {
    std::string version;
    bool allow_control = false;
    std::vector<int64_t> queue;
};

class RemoteWorkspace : public Workspace {
public:
    // `url`: http(s)://host:port. Nothing is sent until the first call.
    RemoteWorkspace(const std::string& url, const std::string& token);
    ~RemoteWorkspace() override;

    ServerInfo serverInfo() const;
    // The server resolves and validates the config (ConfigError as `ferkd train` gives
    // it) and queues the run; returns its id.
    int64_t queueRun(const ConfigRequest& request, const std::string& tags) const;
    // Queues a stopped, failed or interrupted run again, from checkpoint `fromCheckpoint`
    // ("": the last; RunStateError for a run in another state).
    void requeueRun(int64_t runId, const std::string& fromCheckpoint = "") const;

    std::string location() const override { return url_; }
    std::vector<RunRecord> listRuns() const override;
    std::optional<RunRecord> run(int64_t runId) const override;
    std::optional<RunRecord> findRun(const std::string& idOrName) const override;
    RowsPage<StepMetric> stepMetricsAfter(int64_t runId, int64_t after) const override;
    RowsPage<EpochMetric> epochMetricsAfter(int64_t runId, int64_t after) const override;
    RowsPage<SystemMetric> systemMetricsAfter(int64_t runId, int64_t after) const override;
    RowsPage<EventRecord> eventsAfter(int64_t runId, int64_t after) const override;
    std::vector<CheckpointRecord> checkpoints(int64_t runId) const override;
    std::vector<LabelSetRecord> labelSets() const override;
    std::string runLog(int64_t runId) const override;
    void renameRun(int64_t runId, const std::string& name) override;
    void setTags(int64_t runId, const std::string& tags) override;
    void setNotes(int64_t runId, const std::string& notes) override;
    void setArchived(int64_t runId, bool archived) override;
    void pause(int64_t runId) override;
    void resume(int64_t runId) override;
    void stop(int64_t runId) override;
    RunEvaluation evaluate(int64_t runId, const std::string& checkpoint, bool withTeacher) const override;
    RunDeletionPlan planDeletion(int64_t runId) const override;
    std::vector<std::string> deleteRun(int64_t runId, bool force) override;

private:
    struct Reply {
        int status;
        std::string body;
    };
    // Sends one request; Error for a connection that fails and for every status but 2xx
    // (and 404 where `notFoundIsEmpty`), with the server's message.
    // `lengthy` (an evaluation): on a connection of its own, waiting hours for the reply.
    Reply send(const char* method, const std::string& path, const std::string& body = "",
               bool notFoundIsEmpty = false, bool lengthy = false) const;
    std::unique_ptr<httplib::Client> makeClient(int readTimeout) const;
    std::string runPath(int64_t runId, const std::string& what = "") const;

    std::string url_, token_;
    std::unique_ptr<httplib::Client> client_;
    mutable std::mutex mutex_;
};

}  // namespace ferkd
