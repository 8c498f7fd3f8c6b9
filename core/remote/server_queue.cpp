#include "remote/server_queue.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "config/config_io.h"
#include "labels/label_job_json.h"
#include "store/run_files.h"
#include "train/run_creation.h"
#include "util/atomic_file.h"
#include "util/text.h"
#include "workspace/local_workspace.h"
#include "workspace/run_process.h"

extern char** environ;

namespace ferkd {
namespace fs = std::filesystem;

namespace {

bool within(const fs::path& path, const fs::path& root) {
    auto p = path.begin();
    for (auto r = root.begin(); r != root.end(); ++r, ++p) {
        if (r->empty()) continue;  // the trailing "" of "/a/b/"
        if (p == path.end() || *p != *r) return false;
    }
    return true;
}

}  // namespace

void checkServerPaths(const RunConfig& config, const std::vector<std::string>& roots) {
    ConfigProblems problems;
    auto check = [&](const char* field, const std::string& value, bool dataName) {
        if (value.empty() || (dataName && value == "fashion-mnist")) return;
        problems.attempt([&] {
            const fs::path path(value);
            if (!path.is_absolute())
                throw ConfigError(field, "'" + value + "': a server takes absolute paths only (or a built-in data set name)");
            std::error_code ec;
            const fs::path real = fs::weakly_canonical(path, ec);
            for (const auto& root : roots) {
                const fs::path realRoot = fs::weakly_canonical(root, ec);
                if (!ec && within(real, realRoot)) return;
            }
            std::string list;
            for (const auto& root : roots) list += (list.empty() ? "" : ", ") + root;
            throw ConfigError(field, "'" + value + "' is outside the folders this server reads (" + list +
                                         "; `ferkd serve --data-root` adds one)");
        });
    };
    check("data.path", config.data.path, true);
    check("data.test_path", config.data.test_path, true);
    check("model.pretrained", config.model.pretrained, false);
    check("distill.labels", config.distill.labels, false);
    problems.throwIfAny();
}

namespace {

// Runs `resolve`; a ConfigError it throws says which part of a pipeline it is about.
template <class F>
auto inPart(const std::string& part, F&& resolve) {
    try {
        return resolve();
    } catch (const ConfigError& e) {
        if (e.field().empty()) throw ConfigError("", part + ": " + e.message());
        throw ConfigError(part + "." + e.field(), e.message());
    }
}

// A file of the workspace's labels/ folder that no file and no labels run has yet (two
// pipelines queued in one second get two files).
std::string pipelineLabelsFile(const ExperimentStore& store) {
    const fs::path folder = fs::path(store.workspace()) / "labels";
    fs::create_directories(folder);
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    for (int n = 1;; ++n) {
        const fs::path file = folder / ("pipeline-" + std::string(stamp) + (n > 1 ? "-" + std::to_string(n) : "") + ".fkdl");
        if (!fs::exists(file) && !store.findRun("labels " + file.stem().string())) return file.string();
    }
}

}  // namespace

PipelinePlan planPipeline(const PipelineRequest& request, const std::vector<std::string>& roots,
                          const std::string& labelsFile) {
    PipelinePlan plan;
    plan.teacher = inPart("teacher", [&] {
        RunConfig c = resolveConfig(request.teacher);
        checkServerPaths(c, roots);
        return c;
    });
    plan.student = inPart("student", [&] {
        ConfigRequest student = request.student;
        student.validate = false;  // with its labels in first
        RunConfig c = resolveConfig(student);
        c.distill.labels = labelsFile;
        validateConfig(c);
        checkServerPaths(c, roots);
        return c;
    });
    ConfigProblems problems;  // every problem of the settings at once, as a config's
    for (const auto& [field, problem] : labelJobErrors(request.labels))
        problems.attempt([&] { throw ConfigError("labels." + field, problem); });
    problems.throwIfAny();
    plan.labels = request.labels;
    plan.labels.data = plan.teacher.data.path;
    plan.labels.out = labelsFile;
    plan.labels.name = "labels " + fs::path(labelsFile).stem().string();
    return plan;
}

ServerQueue::ServerQueue(ExperimentStore& store, ServerQueueOptions options)
    : store_(store), options_(std::move(options)) {
    const fs::path folder = fs::path(store_.workspace()) / "server";
    fs::create_directories(folder);
    queueFile_ = (folder / "queue.json").string();
    std::ifstream in(queueFile_);
    if (in) {
        const auto saved = nlohmann::json::parse(in, nullptr, false);
        if (saved.is_object()) {
            for (const auto& id : saved.value("queued", nlohmann::json::array()))
                if (id.is_number_integer()) queue_.push_back(id.get<int64_t>());
            active_ = saved.value("active", int64_t(0));
        }
    }
    options_.data_roots.push_back(store_.workspace());
    thread_ = std::thread([this] { loop(); });
}

ServerQueue::~ServerQueue() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        quit_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

int64_t ServerQueue::queueRun(const ConfigRequest& request, const std::string& tags) {
    RunConfig config = resolveConfig(request);
    checkServerPaths(config, options_.data_roots);
    const int64_t id = createTrainingRun(store_, config, {tags, false, options_.processes});
    {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.push_back(id);
        save();
    }
    wake_.notify_all();
    return id;
}

PipelineRuns ServerQueue::queuePipeline(const PipelineRequest& request, const std::string& tags) {
    // One at a time: the file's name is taken when its labels run is recorded.
    std::lock_guard<std::mutex> naming(pipelineMutex_);
    const PipelinePlan plan = planPipeline(request, options_.data_roots, pipelineLabelsFile(store_));
    const std::string prefix = tags.empty() ? "pipeline," : tags + ",pipeline,";
    PipelineRuns runs;
    runs.teacher = createTrainingRun(store_, plan.teacher, {prefix + "teacher", false, options_.processes});
    LabelJob job = plan.labels;
    job.teacher_run = std::to_string(runs.teacher);
    // Recorded now, queued: `ferkd labels generate` continues under the run of its name.
    runs.labels = store_.createRun(job.name, "labels", "", labelJobToJson(job).dump(2), prefix + "labels");
    runs.student = createTrainingRun(store_, plan.student, {prefix + "student", true, options_.processes});
    {
        std::lock_guard<std::mutex> lock(mutex_);
        queue_.insert(queue_.end(), {runs.teacher, runs.labels, runs.student});
        save();
    }
    wake_.notify_all();
    return runs;
}

std::vector<int64_t> ServerQueue::queued() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return {queue_.begin(), queue_.end()};
}

int64_t ServerQueue::active() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return active_;
}

void ServerQueue::requeue(int64_t runId, const std::string& fromCheckpoint) {
    const auto run = store_.run(runId);
    if (!run) throw Error("no run " + std::to_string(runId));
    const bool resumable = run->status == run_status::kStopped || run->status == run_status::kFailed ||
                           run->status == run_status::kInterrupted;
    if (run->kind != "train" || !resumable)
        throw RunStateError("run " + std::to_string(runId) + " is " + run->status +
                            ": only a stopped, failed or interrupted training run is queued again");
    {
        std::unique_lock<std::mutex> lock(mutex_);
        // A run stopped a moment ago has recorded "stopped" while its process still writes
        // its last checkpoint and exits: queued again at once (Stop, then Start), it waits
        // for that, up to 30 s.
        for (int wait = 0; wait < 300 && active_ == runId; ++wait) {
            advance();
            if (active_ == runId) wake_.wait_for(lock, std::chrono::milliseconds(100));
        }
        if (active_ == runId || std::find(queue_.begin(), queue_.end(), runId) != queue_.end())
            throw RunStateError("run " + std::to_string(runId) + " is already in the queue");
        if (!fromCheckpoint.empty()) rewindToCheckpoint(store_, runId, fromCheckpoint);
        store_.setStatus(runId, run_status::kQueued);
        queue_.push_back(runId);
        save();
    }
    wake_.notify_all();
}

bool ServerQueue::dequeue(int64_t runId) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = queue_.begin(); it != queue_.end(); ++it) {
        if (*it != runId) continue;
        queue_.erase(it);
        save();
        store_.setStatus(runId, run_status::kStopped);
        return true;
    }
    return false;
}

pid_t ServerQueue::activeProcess() const {
    if (active_ == 0) return 0;
    if (child_ > 0 && ::kill(child_, 0) == 0) return child_;
    const auto run = store_.run(active_);
    return run ? trainingProcess(*run) : 0;
}

void ServerQueue::loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!quit_) {
        try {
            advance();
        } catch (const std::exception& e) {
            // The store was busy or a start failed: the run says why; the queue goes on.
            std::fprintf(stderr, "ferkd serve: queue: %s\n", e.what());
        }
        wake_.wait_for(lock, std::chrono::milliseconds(options_.poll_ms));
    }
}

void ServerQueue::advance() {
    if (child_ > 0) {
        int status = 0;
        if (::waitpid(child_, &status, WNOHANG) == child_) child_ = 0;  // reaped; the store says how it ended
    }
    if (active_ != 0 && activeProcess() == 0) {
        // A process that ended before its trainer recorded the start leaves no status.
        const auto run = store_.run(active_);
        if (run && run->status == run_status::kQueued)
            store_.setStatus(active_, run_status::kFailed, "its process ended before it started; see its log");
        active_ = 0;
        save();
    }
    while (active_ == 0 && !queue_.empty()) {
        const int64_t next = queue_.front();
        queue_.pop_front();
        const auto run = store_.run(next);
        if (run && run->status == run_status::kQueued) {
            const std::string unmet = unmetPrerequisite(*run);
            if (unmet.empty())
                start(next);
            else
                store_.setStatus(next, run_status::kFailed, unmet + "; not started");
        }
        save();
    }
}

std::string ServerQueue::unmetPrerequisite(const RunRecord& run) const {
    auto ended = [](const RunRecord& r) { return "run " + std::to_string(r.id) + " '" + r.name + "' ended " + r.status; };
    if (run.kind == "labels") {
        const LabelJob job = labelJobFromJson(nlohmann::json::parse(run.config_json, nullptr, false));
        const auto teacherId = parseRowId(job.teacher_run);
        const auto teacher = teacherId ? store_.run(*teacherId) : std::nullopt;
        if (teacher && teacher->status != run_status::kFinished) return "its teacher, " + ended(*teacher);
        return "";
    }
    std::string labels;
    try {
        labels = runConfigOf(run).distill.labels;
    } catch (const std::exception&) {
        return "";  // the run's own start says what is wrong with its config
    }
    if (labels.empty() || fs::exists(labels)) return "";
    for (const auto& other : store_.listRuns()) {  // the generation that was to write the file
        if (other.kind != "labels" || other.status == run_status::kFinished) continue;
        const auto config = nlohmann::json::parse(other.config_json, nullptr, false);
        if (config.is_object() && config.value("out", "") == labels && other.status != run_status::kQueued &&
            other.status != run_status::kRunning && other.status != run_status::kPaused)
            return "its label generation, " + ended(other);
    }
    return "";
}

std::vector<std::string> ServerQueue::commandOf(const RunRecord& run) const {
    if (run.kind != "labels") {
        std::vector<std::string> args = {options_.program, "train", "--resume", std::to_string(run.id),
                                         "--workspace", store_.workspace()};
        if (options_.processes > 1) {
            args.push_back("--nproc");
            args.push_back(std::to_string(options_.processes));
        }
        return args;
    }
    // The settings the pipeline recorded; the run of that name is continued.
    const LabelJob job = labelJobFromJson(nlohmann::json::parse(run.config_json));
    return {options_.program, "labels", "generate", "--workspace", store_.workspace(), "--teacher", job.teacher_run,
            "--data", job.data, "--out", job.out, "--crops", std::to_string(job.crops), "--type", job.type,
            "--topk", std::to_string(job.topk), "--temperature", std::to_string(job.temperature),
            "--scale-min", std::to_string(job.scale_min), "--scale-max", std::to_string(job.scale_max),
            "--seed", std::to_string(job.seed), "--batch-size", std::to_string(job.batch_size),
            "--precision", job.precision, "--name", run.name};
}

void ServerQueue::start(int64_t runId) {
    const std::string log = runLogPath(store_, runId);
    store_.runDirectory(runId);
    const auto run = store_.run(runId);
    if (!run) return;
    std::vector<std::string> args;
    try {
        args = commandOf(*run);
    } catch (const std::exception& e) {
        store_.setStatus(runId, run_status::kFailed, std::string("the server could not read the run's settings: ") + e.what());
        return;
    }
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&files, STDOUT_FILENO, STDERR_FILENO);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // Its own session: a Ctrl-C or SIGHUP meant for the server does not reach the run.
    // Its signals as a fresh process has them: the server blocks SIGINT and SIGTERM for
    // its signal thread, and the run must see SIGTERM (stop) and SIGUSR1/2 (pause/resume).
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGPIPE}) sigaddset(&defaults, s);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, options_.program.c_str(), &files, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
        store_.setStatus(runId, run_status::kFailed, "the server could not start `" + options_.program + " " + args[1] +
                                                          "`: " + std::strerror(rc));
        return;
    }
    store_.addEvent(runId, "info", "started by ferkd serve as process " + std::to_string(pid));
    active_ = runId;
    child_ = pid;
}

void ServerQueue::save() const {
    nlohmann::json saved = {{"queued", std::vector<int64_t>(queue_.begin(), queue_.end())}, {"active", active_}};
    writeTextFileAtomically(queueFile_, saved.dump() + "\n");
}

}  // namespace ferkd
