#pragma once
// A workspace folder on this machine: its experiment store and the runs' files.
#include <memory>

#include "workspace/workspace.h"

namespace ferkd {

class LocalWorkspace : public Workspace {
public:
    // Reads and writes `store`, which must outlive this object.
    explicit LocalWorkspace(ExperimentStore& store);
    // Opens (creating if needed) the workspace folder and owns its store.
    static std::unique_ptr<LocalWorkspace> open(const std::string& folder);

    ExperimentStore& store() const { return store_; }

    // Rows per page of the *After readers.
    static constexpr int64_t kPageRows = 10000;

    std::string location() const override;
    std::vector<RunRecord> listRuns() const override;
    std::optional<RunRecord> run(int64_t runId) const override;
    std::optional<RunRecord> findRun(const std::string& idOrName) const override;
    RowsPage<StepMetric> stepMetricsAfter(int64_t runId, int64_t after) const override;
    RowsPage<EpochMetric> epochMetricsAfter(int64_t runId, int64_t after) const override;
    RowsPage<SystemMetric> systemMetricsAfter(int64_t runId, int64_t after) const override;
    RowsPage<EventRecord> eventsAfter(int64_t runId, int64_t after) const override;
    std::vector<StepMetric> stepMetrics(int64_t runId) const override;
    std::vector<EpochMetric> epochMetrics(int64_t runId) const override;
    std::vector<SystemMetric> systemMetrics(int64_t runId) const override;
    std::vector<EventRecord> events(int64_t runId) const override;
    std::vector<CheckpointRecord> checkpoints(int64_t runId) const override;
    std::vector<LabelSetRecord> labelSets() const override;
    std::shared_ptr<CropInspector> inspectLabelSet(int64_t labelSetId) const override;
    std::string runLog(int64_t runId) const override;
    void renameRun(int64_t runId, const std::string& name) override;
    void setTags(int64_t runId, const std::string& tags) override;
    void setNotes(int64_t runId, const std::string& notes) override;
    void setArchived(int64_t runId, bool archived) override;
    // Signals the run's `ferkd train` (workspace/run_process.h).
    void pause(int64_t runId) override;
    void resume(int64_t runId) override;
    void stop(int64_t runId) override;
    RunEvaluation evaluate(int64_t runId, const std::string& checkpoint, bool withTeacher,
                           const EvaluationProgress& progress) const override;
    std::string exportWeights(int64_t runId, const WeightsExport& request, const std::string& out) const override;
    RunDeletionPlan planDeletion(int64_t runId) const override;
    std::vector<std::string> deleteRun(int64_t runId, bool force) override;

private:
    std::unique_ptr<ExperimentStore> owned_;
    ExperimentStore& store_;
    LocalWorkspace(std::unique_ptr<ExperimentStore> owned);
    RunRecord existingRun(int64_t runId) const;  // Error naming the workspace when there is none
};

// <run folder>/train.log: the output of a run the server started.
std::string runLogPath(const ExperimentStore& store, int64_t runId);

}  // namespace ferkd
