#pragma once
// A workspace served by `ferkd serve`, read and managed over HTTP(S): the client side of
// remote/workspace_api.h. Safe to call from several threads (one request at a time; an
// evaluation on a connection of its own).
#include <memory>

#include "config/config_request.h"
#include "remote/api_client.h"
#include "remote/pipeline_request.h"
#include "workspace/workspace.h"

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
    // Teacher, label generation and student queued on the server (the server names the
    // label file); ConfigError naming the part when one does not hold, nothing queued.
    PipelineRuns queuePipeline(const PipelineRequest& request, const std::string& tags) const;
    // Queues a stopped, failed or interrupted run again, from checkpoint `fromCheckpoint`
    // ("": the last; RunStateError for a run in another state).
    void requeueRun(int64_t runId, const std::string& fromCheckpoint = "") const;

    std::string location() const override { return client_.url(); }
    std::vector<RunRecord> listRuns() const override;
    std::optional<RunRecord> run(int64_t runId) const override;
    std::optional<RunRecord> findRun(const std::string& idOrName) const override;
    RowsPage<StepMetric> stepMetricsAfter(int64_t runId, int64_t after) const override;
    RowsPage<EpochMetric> epochMetricsAfter(int64_t runId, int64_t after) const override;
    RowsPage<SystemMetric> systemMetricsAfter(int64_t runId, int64_t after) const override;
    RowsPage<EventRecord> eventsAfter(int64_t runId, int64_t after) const override;
    std::vector<CheckpointRecord> checkpoints(int64_t runId) const override;
    std::vector<LabelSetRecord> labelSets() const override;
    // Each on a connection of its own (remote/remote_crop_inspector.h).
    std::shared_ptr<CropInspector> inspectLabelSet(int64_t labelSetId) const override;
    std::string runLog(int64_t runId) const override;
    void renameRun(int64_t runId, const std::string& name) override;
    void setTags(int64_t runId, const std::string& tags) override;
    void setNotes(int64_t runId, const std::string& notes) override;
    void setArchived(int64_t runId, bool archived) override;
    void pause(int64_t runId) override;
    void resume(int64_t runId) override;
    void stop(int64_t runId) override;
    RunEvaluation evaluate(int64_t runId, const std::string& checkpoint, bool withTeacher,
                           const EvaluationProgress& progress) const override;
    // Exported on the server, the file sent here.
    std::string exportWeights(int64_t runId, const WeightsExport& request, const std::string& out) const override;
    RunDeletionPlan planDeletion(int64_t runId) const override;
    std::vector<std::string> deleteRun(int64_t runId, bool force) override;

private:
    // `lengthy` (an evaluation): on a connection of its own, waiting hours for the reply,
    // while the others (a window's polling) go on.
    ApiClient::Reply send(const char* method, const std::string& path, const std::string& body = "",
                          bool notFoundIsEmpty = false, bool lengthy = false) const;
    template <typename T>
    T decode(const ApiClient::Reply& reply) const;
    std::string runPath(int64_t runId, const std::string& what = "") const;

    std::string token_;
    ApiClient client_;
};

}  // namespace ferkd
