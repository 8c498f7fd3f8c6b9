#include "store/experiment_store.h"

#include <signal.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "store/sqlite_statement.h"
#include "util/error.h"
#include "util/fault_injection.h"
#include "util/text.h"

namespace ferkd {
namespace fs = std::filesystem;

double unixNow() {
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

namespace {

const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL, kind TEXT NOT NULL, preset TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL, config_json TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '', device TEXT NOT NULL DEFAULT '',
  created_at REAL NOT NULL, started_at REAL NOT NULL DEFAULT 0, finished_at REAL NOT NULL DEFAULT 0,
  best_top1 REAL, pid INTEGER NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT '', best_val_top1 REAL,
  precision TEXT NOT NULL DEFAULT '', archived INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS step_metrics (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, step INTEGER NOT NULL, epoch INTEGER NOT NULL,
  loss REAL, lr REAL, images_per_sec REAL, time REAL, UNIQUE (run_id, step));
CREATE TABLE IF NOT EXISTS epoch_metrics (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, epoch INTEGER NOT NULL, step INTEGER NOT NULL,
  train_loss REAL, train_top1 REAL, test_loss REAL, test_top1 REAL, test_top5 REAL, lr REAL, seconds REAL,
  val_loss REAL, val_top1 REAL, val_top5 REAL, UNIQUE (run_id, epoch));
CREATE TABLE IF NOT EXISTS system_metrics (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, time REAL NOT NULL, cpu_percent REAL,
  rss_mib REAL, gpu_percent REAL, gpu_memory_mib REAL, PRIMARY KEY (run_id, time));
CREATE TABLE IF NOT EXISTS checkpoints (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, path TEXT NOT NULL, kind TEXT NOT NULL,
  epoch INTEGER NOT NULL, step INTEGER NOT NULL, top1 REAL, created_at REAL NOT NULL, PRIMARY KEY (run_id, path));
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT, run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  time REAL NOT NULL, level TEXT NOT NULL, message TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_run ON events(run_id);
CREATE TABLE IF NOT EXISTS label_sets (
  id INTEGER PRIMARY KEY AUTOINCREMENT, run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,
  path TEXT NOT NULL UNIQUE, teacher TEXT NOT NULL, dataset_fingerprint TEXT NOT NULL, label_type TEXT NOT NULL,
  num_images INTEGER NOT NULL, crops_per_image INTEGER NOT NULL, num_classes INTEGER NOT NULL,
  bytes INTEGER NOT NULL, created_at REAL NOT NULL, stats_json TEXT NOT NULL DEFAULT '{}', crop_classes BLOB);
)SQL";

const char* kLabelSetColumns =
    "id, run_id, path, teacher, dataset_fingerprint, label_type, num_images, crops_per_image, num_classes, bytes, "
    "created_at, stats_json";

const char* kStepColumns = "step, epoch, loss, lr, images_per_sec, time";
const char* kEpochColumns =
    "epoch, step, train_loss, train_top1, test_loss, test_top1, test_top5, lr, seconds, val_loss, val_top1, val_top5";
const char* kSystemColumns = "time, cpu_percent, rss_mib, gpu_percent, gpu_memory_mib";
const char* kEventColumns = "time, level, message";

StepMetric readStep(const SqliteStatement& s) {
    return {s.integer(0), s.integer(1), s.real(2), s.real(3), s.real(4), s.real(5)};
}

EpochMetric readEpoch(const SqliteStatement& s) {
    EpochMetric m{s.integer(0), s.integer(1), s.real(2), s.real(3), s.real(4), s.real(5), s.real(6), s.real(7), s.real(8)};
    m.val_loss = s.optionalReal(9);
    m.val_top1 = s.optionalReal(10);
    m.val_top5 = s.optionalReal(11);
    return m;
}

SystemMetric readSystem(const SqliteStatement& s) {
    return {s.real(0), s.real(1), s.real(2), s.optionalReal(3), s.optionalReal(4)};
}

EventRecord readEvent(const SqliteStatement& s) { return {s.real(0), s.text(1), s.text(2)}; }

// One page of a run's rows after row id `after`; the row id is the cursor. One row more
// than the limit is read to know whether more wait.
template <typename Row, typename Read>
RowsPage<Row> readPage(sqlite3* db, const char* columns, const char* table, int64_t runId, int64_t after,
                       int64_t limit, Read read) {
    SqliteStatement s(db, std::string("SELECT ") + columns + ", rowid FROM " + table +
                              " WHERE run_id=? AND rowid>? ORDER BY rowid LIMIT ?");
    s.bind(1, runId).bind(2, after).bind(3, limit + 1);
    RowsPage<Row> page;
    page.cursor = after;
    while (s.step()) {
        if (static_cast<int64_t>(page.rows.size()) == limit) {
            page.more = true;
            break;
        }
        page.rows.push_back(read(s));
        page.cursor = s.integer(s.columns() - 1);
    }
    return page;
}

// The statement is finalised on return: a live one would keep the table locked.
bool hasColumn(sqlite3* db, const std::string& table, const std::string& column) {
    SqliteStatement info(db, "PRAGMA table_info(" + table + ")");
    while (info.step())
        if (info.text(1) == column) return true;
    return false;
}

LabelSetRecord readLabelSet(const SqliteStatement& s) {
    LabelSetRecord r;
    r.id = s.integer(0);
    r.run_id = s.isNull(1) ? 0 : s.integer(1);
    r.path = s.text(2);
    r.teacher = s.text(3);
    r.dataset_fingerprint = s.text(4);
    r.label_type = s.text(5);
    r.num_images = s.integer(6);
    r.crops_per_image = s.integer(7);
    r.num_classes = s.integer(8);
    r.bytes = s.integer(9);
    r.created_at = s.real(10);
    r.stats_json = s.text(11);
    return r;
}

const char* kRunColumns =
    "id, name, kind, preset, status, config_json, tags, notes, device, created_at, started_at, finished_at, "
    "best_top1, pid, error, best_val_top1, precision, archived";

bool processAlive(int64_t pid) { return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

RunRecord readRun(const SqliteStatement& s) {
    RunRecord r;
    r.id = s.integer(0);
    r.name = s.text(1);
    r.kind = s.text(2);
    r.preset = s.text(3);
    r.status = s.text(4);
    r.config_json = s.text(5);
    r.tags = s.text(6);
    r.notes = s.text(7);
    r.device = s.text(8);
    r.created_at = s.real(9);
    r.started_at = s.real(10);
    r.finished_at = s.real(11);
    if (!s.isNull(12)) r.best_top1 = s.real(12);
    r.pid = s.integer(13);
    r.error = s.text(14);
    if (!s.isNull(15)) r.best_val_top1 = s.real(15);
    r.precision = s.text(16);
    r.archived = s.integer(17) != 0;
    // A run marked running whose process is gone was killed: say so.
    if ((r.status == run_status::kRunning || r.status == run_status::kPaused) && !processAlive(r.pid))
        r.status = run_status::kInterrupted;
    return r;
}

}  // namespace

std::string ExperimentStore::defaultWorkspace() {
    if (const char* w = std::getenv("FERKD_WORKSPACE"); w && *w) return w;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return (fs::path(x) / "ferkd-studio").string();
    const char* home = std::getenv("HOME");
    return (fs::path(home && *home ? home : ".") / ".local/share/ferkd-studio").string();
}

std::string ExperimentStore::setAsideDamaged(const std::string& workspace) {
    const fs::path db = fs::path(workspace) / "experiments.sqlite";
    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    const std::string target = db.string() + ".damaged-" + stamp;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const fs::path from = db.string() + suffix;
        std::error_code ec;
        if (!fs::exists(from, ec)) continue;
        fs::rename(from, target + suffix, ec);
        if (ec) throw FileError(from.string(), "cannot move the damaged database aside: " + ec.message());
    }
    return target;
}

ExperimentStore::ExperimentStore(const std::string& workspace) : workspace_(workspace) {
    std::error_code ec;
    fs::create_directories(workspace_, ec);
    if (ec) throw FileError(workspace_, "cannot create the workspace folder: " + ec.message());
    std::string path = (fs::path(workspace_) / "experiments.sqlite").string();
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw FileError(path, "cannot open the experiment store: " + msg);
    }
    sqlite3_busy_timeout(db_, 10000);
    try {
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=NORMAL");
        exec("PRAGMA foreign_keys=ON");
        migrate();
    } catch (const FileError&) {  // SQLite's errors name the database file already
        sqlite3_close(db_);
        throw;
    } catch (const Error& e) {
        sqlite3_close(db_);
        throw FileError(path, e.what());
    }
}

ExperimentStore::~ExperimentStore() { sqlite3_close(db_); }

void ExperimentStore::exec(const std::string& sql) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) throw sqliteError(db_, "");
}

void ExperimentStore::migrate() {
    int64_t v = 0;
    {  // finalised before the migration: a statement left running keeps tables locked
        SqliteStatement version(db_, "PRAGMA user_version");
        version.step();
        v = version.integer(0);
    }
    if (v > kSchemaVersion)
        throw Error("the experiment store has schema version " + std::to_string(v) + ", newer than this program's " +
                    std::to_string(kSchemaVersion) + "; use a newer ferkd");
    if (v == kSchemaVersion) return;
    // Every statement of the schema is IF NOT EXISTS: an older store gets the new tables.
    exec("BEGIN IMMEDIATE");
    try {
        exec(kSchema);
        // Columns added since version 2, for tables an older store already has.
        addColumnIfMissing("runs", "best_val_top1", "REAL");
        addColumnIfMissing("runs", "precision", "TEXT NOT NULL DEFAULT ''");
        addColumnIfMissing("runs", "archived", "INTEGER NOT NULL DEFAULT 0");
        for (const char* c : {"val_loss", "val_top1", "val_top5"}) addColumnIfMissing("epoch_metrics", c, "REAL");
        // Version 7: metric rows carry a sequence number that is never reused, the cursor of
        // readers that fetch what is new (a resumed run deletes its last rows and writes
        // them again; plain row ids would be handed out again below the readers' cursors).
        addSequenceColumn("step_metrics", "run_id, step, epoch, loss, lr, images_per_sec, time");
        addSequenceColumn("epoch_metrics",
                          "run_id, epoch, step, train_loss, train_top1, test_loss, test_top1, test_top5, lr, seconds, "
                          "val_loss, val_top1, val_top5");
        exec("PRAGMA user_version=" + std::to_string(kSchemaVersion));
        exec("COMMIT");
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
}

void ExperimentStore::addSequenceColumn(const std::string& table, const std::string& columns) {
    if (hasColumn(db_, table, "seq")) return;
    // SQLite cannot add a key to a table: the table is made again from kSchema, the
    // rows copied in the order they were written.
    const std::string old = table + "_v6";
    exec("ALTER TABLE " + table + " RENAME TO " + old);
    exec(kSchema);
    exec("INSERT INTO " + table + "(" + columns + ") SELECT " + columns + " FROM " + old + " ORDER BY rowid");
    exec("DROP TABLE " + old);
}

void ExperimentStore::addColumnIfMissing(const std::string& table, const std::string& column, const std::string& type) {
    if (!hasColumn(db_, table, column)) exec("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
}

std::string ExperimentStore::runFolder(int64_t runId) const {
    return (fs::path(workspace_) / "runs" / std::to_string(runId)).string();
}

std::string ExperimentStore::runDirectory(int64_t runId) const {
    const fs::path dir = runFolder(runId);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw FileError(dir.string(), "cannot create the run folder: " + ec.message());
    return dir.string();
}

int64_t ExperimentStore::createRun(const std::string& name, const std::string& kind, const std::string& preset,
                                   const std::string& configJson, const std::string& tags) {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_,
                      "INSERT INTO runs(name, kind, preset, status, config_json, tags, created_at) "
                      "VALUES(?,?,?,?,?,?,?)");
    s.bind(1, name).bind(2, kind).bind(3, preset).bind(4, std::string(run_status::kQueued)).bind(5, configJson);
    s.bind(6, tags).bind(7, unixNow());
    s.step();
    return sqlite3_last_insert_rowid(db_);
}

void ExperimentStore::markStarted(int64_t runId, const std::string& device) {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_,
                      "UPDATE runs SET status=?, device=?, pid=?, error='', "
                      "started_at=CASE WHEN started_at=0 THEN ? ELSE started_at END, finished_at=0 WHERE id=?");
    s.bind(1, std::string(run_status::kRunning)).bind(2, device).bind(3, int64_t(::getpid())).bind(4, unixNow());
    s.bind(5, runId).step();
}

void ExperimentStore::setPrecision(int64_t runId, const std::string& precision) {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_, "UPDATE runs SET precision=? WHERE id=?");
    s.bind(1, precision).bind(2, runId).step();
}

void ExperimentStore::setStatus(int64_t runId, const std::string& status, const std::string& error) {
    std::lock_guard<std::mutex> lock(mutex_);
    bool ended = status == run_status::kFinished || status == run_status::kFailed || status == run_status::kStopped;
    SqliteStatement s(db_, "UPDATE runs SET status=?, error=?, finished_at=? WHERE id=?");
    s.bind(1, status).bind(2, error).bind(3, ended ? unixNow() : 0.0).bind(4, runId).step();
}

void ExperimentStore::setBestTop1(int64_t runId, double top1, std::optional<double> valTop1) {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement(db_, "UPDATE runs SET best_top1=?, best_val_top1=? WHERE id=?")
        .bind(1, top1)
        .bind(2, valTop1)
        .bind(3, runId)
        .step();
}

void ExperimentStore::setNotes(int64_t runId, const std::string& notes) {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement(db_, "UPDATE runs SET notes=? WHERE id=?").bind(1, notes).bind(2, runId).step();
}

void ExperimentStore::setTags(int64_t runId, const std::string& tags) {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement(db_, "UPDATE runs SET tags=? WHERE id=?").bind(1, tags).bind(2, runId).step();
}

void ExperimentStore::renameRun(int64_t runId, const std::string& name) {
    if (name.empty()) throw Error("a run's name cannot be empty");
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement(db_, "UPDATE runs SET name=? WHERE id=?").bind(1, name).bind(2, runId).step();
}

void ExperimentStore::setArchived(int64_t runId, bool archived) {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement(db_, "UPDATE runs SET archived=? WHERE id=?").bind(1, int64_t(archived ? 1 : 0)).bind(2, runId).step();
}

void ExperimentStore::deleteRun(int64_t runId) {
    // One statement: the metrics, checkpoints and events go with the row (ON DELETE
    // CASCADE) in the same transaction, so a crash leaves the run whole or gone.
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement(db_, "DELETE FROM runs WHERE id=?").bind(1, runId).step();
}

std::optional<RunRecord> ExperimentStore::run(int64_t runId) const {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_, std::string("SELECT ") + kRunColumns + " FROM runs WHERE id=?");
    s.bind(1, runId);
    if (!s.step()) return std::nullopt;
    return readRun(s);
}

std::optional<RunRecord> ExperimentStore::findRun(const std::string& idOrName) const {
    // A number too long for an id can only be a name.
    if (const auto id = parseRowId(idOrName)) {
        if (auto r = run(*id)) return r;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_, std::string("SELECT ") + kRunColumns + " FROM runs WHERE name=? ORDER BY id DESC LIMIT 1");
    s.bind(1, idOrName);
    if (!s.step()) return std::nullopt;
    return readRun(s);
}

std::vector<RunRecord> ExperimentStore::listRuns() const {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_, std::string("SELECT ") + kRunColumns + " FROM runs ORDER BY id");
    std::vector<RunRecord> out;
    while (s.step()) out.push_back(readRun(s));
    return out;
}

void ExperimentStore::addStepMetrics(int64_t runId, const std::vector<StepMetric>& rows) {
    if (rows.empty()) return;
    std::lock_guard<std::mutex> lock(mutex_);
    exec("BEGIN IMMEDIATE");
    try {
        SqliteStatement s(db_,
                          "INSERT OR REPLACE INTO step_metrics(run_id, step, epoch, loss, lr, images_per_sec, time) "
                          "VALUES(?,?,?,?,?,?,?)");
        for (const auto& r : rows) {
            s.bind(1, runId).bind(2, r.step).bind(3, r.epoch).bind(4, r.loss).bind(5, r.lr);
            s.bind(6, r.images_per_sec).bind(7, r.time).step();
            s.reset();
        }
        faultPoint("store.commit");  // where a full disk fails a metrics transaction
        exec("COMMIT");
    } catch (...) {
        exec("ROLLBACK");
        throw;
    }
}

void ExperimentStore::addEpochMetric(int64_t runId, const EpochMetric& r) {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_,
                      "INSERT OR REPLACE INTO epoch_metrics(run_id, epoch, step, train_loss, train_top1, test_loss, "
                      "test_top1, test_top5, lr, seconds, val_loss, val_top1, val_top5) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, runId).bind(2, r.epoch).bind(3, r.step).bind(4, r.train_loss).bind(5, r.train_top1);
    s.bind(6, r.test_loss).bind(7, r.test_top1).bind(8, r.test_top5).bind(9, r.lr).bind(10, r.seconds);
    s.bind(11, r.val_loss).bind(12, r.val_top1).bind(13, r.val_top5).step();
}

void ExperimentStore::truncateMetrics(int64_t runId, int64_t step, int64_t completedEpochs) {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement(db_, "DELETE FROM step_metrics WHERE run_id=? AND step>?").bind(1, runId).bind(2, step).step();
    SqliteStatement(db_, "DELETE FROM epoch_metrics WHERE run_id=? AND epoch>?").bind(1, runId).bind(2, completedEpochs).step();
}

std::vector<StepMetric> ExperimentStore::stepMetrics(int64_t runId) const {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_, std::string("SELECT ") + kStepColumns + " FROM step_metrics WHERE run_id=? ORDER BY step");
    s.bind(1, runId);
    std::vector<StepMetric> out;
    while (s.step()) out.push_back(readStep(s));
    return out;
}

std::vector<EpochMetric> ExperimentStore::epochMetrics(int64_t runId) const {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_, std::string("SELECT ") + kEpochColumns + " FROM epoch_metrics WHERE run_id=? ORDER BY epoch");
    s.bind(1, runId);
    std::vector<EpochMetric> out;
    while (s.step()) out.push_back(readEpoch(s));
    return out;
}

RowsPage<StepMetric> ExperimentStore::stepMetricsAfter(int64_t runId, int64_t after, int64_t limit) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return readPage<StepMetric>(db_, kStepColumns, "step_metrics", runId, after, limit, readStep);
}

RowsPage<EpochMetric> ExperimentStore::epochMetricsAfter(int64_t runId, int64_t after, int64_t limit) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return readPage<EpochMetric>(db_, kEpochColumns, "epoch_metrics", runId, after, limit, readEpoch);
}

RowsPage<SystemMetric> ExperimentStore::systemMetricsAfter(int64_t runId, int64_t after, int64_t limit) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return readPage<SystemMetric>(db_, kSystemColumns, "system_metrics", runId, after, limit, readSystem);
}

void ExperimentStore::addSystemMetric(int64_t runId, const SystemMetric& r) {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_,
                      "INSERT OR REPLACE INTO system_metrics(run_id, time, cpu_percent, rss_mib, gpu_percent, "
                      "gpu_memory_mib) VALUES(?,?,?,?,?,?)");
    s.bind(1, runId).bind(2, r.time).bind(3, r.cpu_percent).bind(4, r.rss_mib).bind(5, r.gpu_percent);
    s.bind(6, r.gpu_memory_mib).step();
}

std::vector<SystemMetric> ExperimentStore::systemMetrics(int64_t runId) const {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_, std::string("SELECT ") + kSystemColumns + " FROM system_metrics WHERE run_id=? ORDER BY time");
    s.bind(1, runId);
    std::vector<SystemMetric> out;
    while (s.step()) out.push_back(readSystem(s));
    return out;
}

void ExperimentStore::addCheckpoint(const CheckpointRecord& r) {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_,
                      "INSERT OR REPLACE INTO checkpoints(run_id, path, kind, epoch, step, top1, created_at) "
                      "VALUES(?,?,?,?,?,?,?)");
    s.bind(1, r.run_id).bind(2, r.path).bind(3, r.kind).bind(4, r.epoch).bind(5, r.step).bind(6, r.top1);
    s.bind(7, r.created_at > 0 ? r.created_at : unixNow()).step();
}

void ExperimentStore::removeCheckpoint(int64_t runId, const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement(db_, "DELETE FROM checkpoints WHERE run_id=? AND path=?").bind(1, runId).bind(2, path).step();
}

std::vector<CheckpointRecord> ExperimentStore::checkpoints(int64_t runId) const {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_,
                      "SELECT run_id, path, kind, epoch, step, top1, created_at FROM checkpoints WHERE run_id=? "
                      "ORDER BY step, kind");
    s.bind(1, runId);
    std::vector<CheckpointRecord> out;
    while (s.step()) out.push_back({s.integer(0), s.text(1), s.text(2), s.integer(3), s.integer(4), s.real(5), s.real(6)});
    return out;
}

int64_t ExperimentStore::saveLabelSet(const LabelSetRecord& r) {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_,
                      "INSERT INTO label_sets(run_id, path, teacher, dataset_fingerprint, label_type, num_images, "
                      "crops_per_image, num_classes, bytes, created_at, stats_json, crop_classes) "
                      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(path) DO UPDATE SET run_id=excluded.run_id, "
                      "teacher=excluded.teacher, dataset_fingerprint=excluded.dataset_fingerprint, "
                      "label_type=excluded.label_type, num_images=excluded.num_images, "
                      "crops_per_image=excluded.crops_per_image, num_classes=excluded.num_classes, "
                      "bytes=excluded.bytes, created_at=excluded.created_at, stats_json=excluded.stats_json, "
                      "crop_classes=excluded.crop_classes RETURNING id");
    if (r.run_id > 0) s.bind(1, r.run_id);
    s.bind(2, r.path).bind(3, r.teacher).bind(4, r.dataset_fingerprint).bind(5, r.label_type);
    s.bind(6, r.num_images).bind(7, r.crops_per_image).bind(8, r.num_classes).bind(9, r.bytes);
    s.bind(10, r.created_at > 0 ? r.created_at : unixNow()).bind(11, r.stats_json).bindBlob(12, r.crop_groups);
    if (!s.step()) throw Error("experiment store: label set '" + r.path + "' was not saved");
    const int64_t id = s.integer(0);
    while (s.step()) {
    }
    return id;
}

std::vector<LabelSetRecord> ExperimentStore::labelSets() const {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_, std::string("SELECT ") + kLabelSetColumns + " FROM label_sets ORDER BY id");
    std::vector<LabelSetRecord> out;
    while (s.step()) out.push_back(readLabelSet(s));
    return out;
}

std::optional<LabelSetRecord> ExperimentStore::labelSet(const std::string& path) const {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_, std::string("SELECT ") + kLabelSetColumns + ", crop_classes FROM label_sets WHERE path=?");
    s.bind(1, path);
    if (!s.step()) return std::nullopt;
    LabelSetRecord r = readLabelSet(s);
    r.crop_groups = s.blob(12);
    return r;
}

void ExperimentStore::addEvent(int64_t runId, const std::string& level, const std::string& message) {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_, "INSERT INTO events(run_id, time, level, message) VALUES(?,?,?,?)");
    s.bind(1, runId).bind(2, unixNow()).bind(3, level).bind(4, message).step();
}

std::vector<EventRecord> ExperimentStore::events(int64_t runId) const {
    std::lock_guard<std::mutex> lock(mutex_);
    SqliteStatement s(db_, std::string("SELECT ") + kEventColumns + " FROM events WHERE run_id=? ORDER BY id");
    s.bind(1, runId);
    std::vector<EventRecord> out;
    while (s.step()) out.push_back(readEvent(s));
    return out;
}

RowsPage<EventRecord> ExperimentStore::eventsAfter(int64_t runId, int64_t after, int64_t limit) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return readPage<EventRecord>(db_, kEventColumns, "events", runId, after, limit, readEvent);
}

}  // namespace ferkd
