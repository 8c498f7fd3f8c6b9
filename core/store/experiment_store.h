#pragma once
// The experiment store: one SQLite file per workspace (WAL, busy timeout), the one
// owner of its schema. The CLI and the studio both read and write through this class.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace ferkd {

struct RunRecord {
    int64_t id = 0;
    std::string name, kind, preset, status, config_json, tags, notes, device;
    std::string precision;  // fp32 | bf16 in force since the run first started (runtime.precision resolved); "" before
    double created_at = 0, started_at = 0, finished_at = 0;
    std::optional<double> best_top1;      // test top-1 of the selected epoch (the "best" checkpoint's)
    std::optional<double> best_val_top1;  // its validation top-1, when the run holds out a validation split
    int64_t pid = 0;
    std::string error;
    bool archived = false;  // hidden from lists unless asked for
};

struct StepMetric {
    int64_t step = 0, epoch = 0;
    double loss = 0, lr = 0, images_per_sec = 0, time = 0;
};

struct EpochMetric {
    int64_t epoch = 0, step = 0;  // epoch is 1-based (1 = after the first); step = global steps done
    double train_loss = 0, train_top1 = 0, test_loss = 0, test_top1 = 0, test_top5 = 0, lr = 0, seconds = 0;
    std::optional<double> val_loss, val_top1, val_top5;  // with a validation split (data.val_split)
};

// One sample of the training process's resources (train/system_monitor).
struct SystemMetric {
    double time = 0;         // unix seconds
    double cpu_percent = 0;  // of one core, over the interval before `time` (as top shows it)
    double rss_mib = 0;      // resident memory of the process
    std::optional<double> gpu_percent, gpu_memory_mib;  // on CUDA, where NVML is present
};

struct CheckpointRecord {
    int64_t run_id = 0;
    std::string path, kind;  // kind: last | best | epochN (checkpoint.keep_top_k)
    int64_t epoch = 0, step = 0;  // epochs done when written, in the run's units (as EpochMetric::epoch); global step
    double top1 = 0, created_at = 0;
};

// A label set the app generated, with the statistics the studio shows (FerKD's crop
// groups under the rule recorded in its stats). Stats are JSON so the store needs no
// knowledge of them; labels/label_set_stats.h reads and writes them.
struct LabelSetRecord {
    int64_t id = 0, run_id = 0;  // run_id: the generation's run, 0 when none
    std::string path, teacher, dataset_fingerprint, label_type;
    int64_t num_images = 0, crops_per_image = 0, num_classes = 0, bytes = 0;
    double created_at = 0;
    std::string stats_json;             // histogram, per-class shares, rule
    std::vector<uint8_t> crop_groups;   // one CropGroup per crop, [image * crops + crop] (column crop_classes)
};

struct EventRecord {
    double time = 0;
    std::string level, message;
};

// Rows of one run written after a cursor, in the order they were written, for a reader
// that follows a live run and fetches only what is new (the server's clients). The
// cursor is the store's row id: a row written again (a resumed run redoing steps) comes
// again, with a later cursor, and replaces the reader's copy of that step.
template <typename Row>
struct RowsPage {
    std::vector<Row> rows;
    int64_t cursor = 0;  // pass it back as `after` for the next page
    bool more = false;   // the page was full: more rows are waiting
};

// Status words stored in runs.status.
namespace run_status {
inline const char* const kQueued = "queued";
inline const char* const kRunning = "running";
inline const char* const kPaused = "paused";
inline const char* const kStopped = "stopped";
inline const char* const kFinished = "finished";
inline const char* const kFailed = "failed";
inline const char* const kInterrupted = "interrupted";  // reported for a running run whose process is gone
}  // namespace run_status

class ExperimentStore {
public:
    // 2: label_sets; 3: validation metrics; 4: runs.precision; 5: runs.archived;
    // 7: metric rows numbered by a sequence that is never reused (RowsPage's cursor)
    static constexpr int kSchemaVersion = 7;

    // $FERKD_WORKSPACE, else $XDG_DATA_HOME/ferkd-studio, else ~/.local/share/ferkd-studio.
    static std::string defaultWorkspace();

    // Moves a damaged <workspace>/experiments.sqlite (and its -wal, -shm files) aside as
    // experiments.sqlite.damaged-<time>, so a fresh store can be created; nothing is
    // deleted. Returns the new name of the database file.
    static std::string setAsideDamaged(const std::string& workspace);

    // Opens (creating if needed) <workspace>/experiments.sqlite.
    explicit ExperimentStore(const std::string& workspace);
    ~ExperimentStore();
    ExperimentStore(const ExperimentStore&) = delete;
    ExperimentStore& operator=(const ExperimentStore&) = delete;

    const std::string& workspace() const { return workspace_; }
    std::string runDirectory(int64_t runId) const;  // <workspace>/runs/<id>, created
    std::string runFolder(int64_t runId) const;     // the same path, for readers: not created

    int64_t createRun(const std::string& name, const std::string& kind, const std::string& preset,
                      const std::string& configJson, const std::string& tags = "");
    void markStarted(int64_t runId, const std::string& device);
    void setPrecision(int64_t runId, const std::string& precision);
    void setStatus(int64_t runId, const std::string& status, const std::string& error = "");
    // The selected epoch's test top-1 and, where the run has a validation split, the
    // validation top-1 it was selected by.
    void setBestTop1(int64_t runId, double top1, std::optional<double> valTop1 = std::nullopt);
    void setNotes(int64_t runId, const std::string& notes);
    void setTags(int64_t runId, const std::string& tags);
    void renameRun(int64_t runId, const std::string& name);  // Error for an empty name
    void setArchived(int64_t runId, bool archived);
    // Removes the run with its metrics, checkpoint rows and events in one transaction; a
    // label set it generated keeps its row without the run. Files are the caller's
    // (store/run_deletion.h).
    void deleteRun(int64_t runId);

    std::optional<RunRecord> run(int64_t runId) const;
    // By id ("12") or by name (the newest run of that name).
    std::optional<RunRecord> findRun(const std::string& idOrName) const;
    std::vector<RunRecord> listRuns() const;

    void addStepMetrics(int64_t runId, const std::vector<StepMetric>& rows);
    void addEpochMetric(int64_t runId, const EpochMetric& row);
    // Removes step rows after `step` and epoch rows after `completedEpochs`: a resumed
    // run continues from its checkpoint and must not count those steps twice.
    void truncateMetrics(int64_t runId, int64_t step, int64_t completedEpochs);
    std::vector<StepMetric> stepMetrics(int64_t runId) const;
    std::vector<EpochMetric> epochMetrics(int64_t runId) const;
    void addSystemMetric(int64_t runId, const SystemMetric& row);
    std::vector<SystemMetric> systemMetrics(int64_t runId) const;  // in time order
    // Pages of at most `limit` rows written after cursor `after` (0: from the first).
    RowsPage<StepMetric> stepMetricsAfter(int64_t runId, int64_t after, int64_t limit) const;
    RowsPage<EpochMetric> epochMetricsAfter(int64_t runId, int64_t after, int64_t limit) const;
    RowsPage<SystemMetric> systemMetricsAfter(int64_t runId, int64_t after, int64_t limit) const;

    void addCheckpoint(const CheckpointRecord& record);
    void removeCheckpoint(int64_t runId, const std::string& path);
    std::vector<CheckpointRecord> checkpoints(int64_t runId) const;

    // Inserts or, for a path already known, replaces the label set's row. Returns its id.
    int64_t saveLabelSet(const LabelSetRecord& record);
    std::vector<LabelSetRecord> labelSets() const;  // without crop_groups (large)
    std::optional<LabelSetRecord> labelSet(const std::string& path) const;  // with crop_groups

    void addEvent(int64_t runId, const std::string& level, const std::string& message);
    std::vector<EventRecord> events(int64_t runId) const;
    RowsPage<EventRecord> eventsAfter(int64_t runId, int64_t after, int64_t limit) const;

private:
    void exec(const std::string& sql);
    void migrate();
    void addColumnIfMissing(const std::string& table, const std::string& column, const std::string& type);
    void addSequenceColumn(const std::string& table, const std::string& columns);

    std::string workspace_;
    sqlite3* db_ = nullptr;
    mutable std::mutex mutex_;
};

double unixNow();

}  // namespace ferkd
