#pragma once
// A workspace as its readers see it: the runs, their metrics, events, checkpoints and
// logs, the label sets, and keeping runs tidy. Two implementations: LocalWorkspace (the
// SQLite store and the runs' files on this machine) and remote/RemoteWorkspace (the HTTP
// client of `ferkd serve`). The CLI's `runs` commands and the CSV export read through
// this interface and do not know which one they have.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/experiment_store.h"
#include "store/run_deletion.h"
#include "train/run_evaluation.h"
#include "util/error.h"

namespace ferkd {

class CropInspector;  // labels/crop_inspector.h
struct WeightsExport;  // train/weights_export.h

// A request that does not fit the run's state (pausing a run that is not running).
class RunStateError : public Error {
public:
    using Error::Error;
};

class Workspace {
public:
    virtual ~Workspace() = default;

    // The folder, or the server's URL: for messages.
    virtual std::string location() const = 0;

    virtual std::vector<RunRecord> listRuns() const = 0;  // archived ones too, by id
    virtual std::optional<RunRecord> run(int64_t runId) const = 0;
    // By id ("12") or by name (the newest run of that name).
    virtual std::optional<RunRecord> findRun(const std::string& idOrName) const = 0;

    // A run's rows written after `after` (0: all), a page at a time; see RowsPage.
    virtual RowsPage<StepMetric> stepMetricsAfter(int64_t runId, int64_t after) const = 0;
    virtual RowsPage<EpochMetric> epochMetricsAfter(int64_t runId, int64_t after) const = 0;
    virtual RowsPage<SystemMetric> systemMetricsAfter(int64_t runId, int64_t after) const = 0;
    virtual RowsPage<EventRecord> eventsAfter(int64_t runId, int64_t after) const = 0;

    virtual std::vector<CheckpointRecord> checkpoints(int64_t runId) const = 0;
    virtual std::vector<LabelSetRecord> labelSets() const = 0;  // without crop_groups
    // The crop browser's view of label set `labelSetId` (an id of labelSets()) on the data
    // set it was made for, where the files are (a server's: there); a student is one of
    // this workspace's runs. Error when there is no such set, or when its data set is not
    // known (a set made outside this workspace). The workspace must outlive it.
    virtual std::shared_ptr<CropInspector> inspectLabelSet(int64_t labelSetId) const = 0;
    // The output of a run the server started (its `ferkd train` process); "" for others.
    virtual std::string runLog(int64_t runId) const = 0;

    virtual void renameRun(int64_t runId, const std::string& name) = 0;
    virtual void setTags(int64_t runId, const std::string& tags) = 0;
    virtual void setNotes(int64_t runId, const std::string& notes) = 0;
    virtual void setArchived(int64_t runId, bool archived) = 0;
    // Steering the run in training: RunStateError when it is not training where this
    // workspace can reach it. A stopped run checkpoints and ends "stopped".
    virtual void pause(int64_t runId) = 0;
    virtual void resume(int64_t runId) = 0;
    virtual void stop(int64_t runId) = 0;
    // The run's checkpoint "best" or "last" evaluated on its test split where the runs'
    // files are (a server's: there), with its teacher beside it when asked, and the
    // prediction per image; its test images (RunEvaluation::image, for thumbnails) decoded
    // here, or fetched from the server, which keeps those of its last evaluations.
    // `progress` (optional) follows an evaluation here; a server's reports none.
    virtual RunEvaluation evaluate(int64_t runId, const std::string& checkpoint, bool withTeacher,
                                   const EvaluationProgress& progress) const = 0;
    // The run's checkpoint exported (train/weights_export.h) where it is, into `out` on this
    // machine, written whole or not at all; what was written, for a status line.
    virtual std::string exportWeights(int64_t runId, const WeightsExport& request, const std::string& out) const = 0;
    virtual RunDeletionPlan planDeletion(int64_t runId) const = 0;
    // What could not be removed (see store/run_deletion.h); Error for a blocked run.
    virtual std::vector<std::string> deleteRun(int64_t runId, bool force) = 0;

    // A run's whole history in step, epoch or time order, each row once: by default
    // every page after cursor 0 (LocalWorkspace asks the store in one query).
    virtual std::vector<StepMetric> stepMetrics(int64_t runId) const;
    virtual std::vector<EpochMetric> epochMetrics(int64_t runId) const;
    virtual std::vector<SystemMetric> systemMetrics(int64_t runId) const;
    virtual std::vector<EventRecord> events(int64_t runId) const;
};

// The run `idOrName` names; Error saying where it looked when there is none.
RunRecord requireRun(const Workspace& workspace, const std::string& idOrName);

// The data set a label set was made for: the `data` of the run that generated it ("" when
// unknown). A path on the workspace's machine.
std::string labelSetData(const Workspace& workspace, const LabelSetRecord& labelSet);

// The checkpoint a run is shown from as a student: its best, else its last (a path on the
// workspace's machine). Error when it has none.
std::string studentCheckpoint(const Workspace& workspace, int64_t runId);

}  // namespace ferkd
