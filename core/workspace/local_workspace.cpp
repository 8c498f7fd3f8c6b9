#include "workspace/local_workspace.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "train/run_evaluation.h"
#include "train/run_files.h"
#include "workspace/run_process.h"

namespace ferkd {
namespace {

// The log's last MiB at most: a long run's output is read in the studio, not archived.
constexpr std::streamoff kLogTailBytes = 1 << 20;

}  // namespace

LocalWorkspace::LocalWorkspace(ExperimentStore& store) : store_(store) {}

LocalWorkspace::LocalWorkspace(std::unique_ptr<ExperimentStore> owned) : owned_(std::move(owned)), store_(*owned_) {}

std::unique_ptr<LocalWorkspace> LocalWorkspace::open(const std::string& folder) {
    return std::unique_ptr<LocalWorkspace>(new LocalWorkspace(std::make_unique<ExperimentStore>(folder)));
}

std::string LocalWorkspace::location() const { return store_.workspace(); }
std::vector<RunRecord> LocalWorkspace::listRuns() const { return store_.listRuns(); }
std::optional<RunRecord> LocalWorkspace::run(int64_t runId) const { return store_.run(runId); }
std::optional<RunRecord> LocalWorkspace::findRun(const std::string& idOrName) const { return store_.findRun(idOrName); }

RowsPage<StepMetric> LocalWorkspace::stepMetricsAfter(int64_t runId, int64_t after) const {
    return store_.stepMetricsAfter(runId, after, kPageRows);
}
RowsPage<EpochMetric> LocalWorkspace::epochMetricsAfter(int64_t runId, int64_t after) const {
    return store_.epochMetricsAfter(runId, after, kPageRows);
}
RowsPage<SystemMetric> LocalWorkspace::systemMetricsAfter(int64_t runId, int64_t after) const {
    return store_.systemMetricsAfter(runId, after, kPageRows);
}
RowsPage<EventRecord> LocalWorkspace::eventsAfter(int64_t runId, int64_t after) const {
    return store_.eventsAfter(runId, after, kPageRows);
}

std::vector<StepMetric> LocalWorkspace::stepMetrics(int64_t runId) const { return store_.stepMetrics(runId); }
std::vector<EpochMetric> LocalWorkspace::epochMetrics(int64_t runId) const { return store_.epochMetrics(runId); }
std::vector<SystemMetric> LocalWorkspace::systemMetrics(int64_t runId) const { return store_.systemMetrics(runId); }
std::vector<EventRecord> LocalWorkspace::events(int64_t runId) const { return store_.events(runId); }
std::vector<CheckpointRecord> LocalWorkspace::checkpoints(int64_t runId) const { return store_.checkpoints(runId); }
std::vector<LabelSetRecord> LocalWorkspace::labelSets() const { return store_.labelSets(); }

std::string LocalWorkspace::runLog(int64_t runId) const {
    std::ifstream in(runLogPath(store_, runId), std::ios::binary | std::ios::ate);
    if (!in) return "";
    const std::streamoff size = in.tellg();
    in.seekg(size > kLogTailBytes ? size - kLogTailBytes : 0);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void LocalWorkspace::renameRun(int64_t runId, const std::string& name) { store_.renameRun(runId, name); }
void LocalWorkspace::setTags(int64_t runId, const std::string& tags) { store_.setTags(runId, tags); }
void LocalWorkspace::setNotes(int64_t runId, const std::string& notes) { store_.setNotes(runId, notes); }
void LocalWorkspace::setArchived(int64_t runId, bool archived) { store_.setArchived(runId, archived); }
RunEvaluation LocalWorkspace::evaluate(int64_t runId, const std::string& checkpoint, bool withTeacher) const {
    requireCheckpointKind(checkpoint);  // evaluateRun would also take a file
    return evaluateRun(store_, existingRun(runId).id, checkpoint, "", 256, withTeacher);
}

RunDeletionPlan LocalWorkspace::planDeletion(int64_t runId) const { return planRunDeletion(store_, runId); }

void LocalWorkspace::pause(int64_t runId) { signalTrainingProcess(existingRun(runId), RunSignal::Pause); }
void LocalWorkspace::resume(int64_t runId) { signalTrainingProcess(existingRun(runId), RunSignal::Resume); }
void LocalWorkspace::stop(int64_t runId) { signalTrainingProcess(existingRun(runId), RunSignal::Stop); }

RunRecord LocalWorkspace::existingRun(int64_t runId) const {
    auto run = store_.run(runId);
    if (!run) throw Error("no run " + std::to_string(runId) + " in " + store_.workspace());
    return *run;
}

std::vector<std::string> LocalWorkspace::deleteRun(int64_t runId, bool force) {
    return ferkd::deleteRun(store_, planRunDeletion(store_, runId), force);
}

std::string runLogPath(const ExperimentStore& store, int64_t runId) {
    return (std::filesystem::path(store.runFolder(runId)) / "train.log").string();
}

}  // namespace ferkd
