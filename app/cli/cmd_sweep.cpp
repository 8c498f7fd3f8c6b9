// `ferkd sweep`: a grid of settings over seeds, every point an ordinary run tagged with
// the sweep, the point chosen by a validation metric; CSV and Markdown tables. With
// --jobs N, N runs train side by side as child processes, each on its share of the cores.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <thread>

#include "child_process.h"
#include "commands.h"
#include "config/config_io.h"
#include "config/config_request.h"
#include "console_observer.h"
#include "control_on_signals.h"
#include "store/run_files.h"
#include "sweep/sweep.h"
#include "train/run_creation.h"
#include "train/trainer.h"
#include "util/atomic_file.h"
#include "util/elapsed.h"
#include "util/error.h"
#include "util/text.h"

namespace ferkd::cli {
namespace {

struct SweepOptions {
    std::string preset, configFile, name, out, select = "val_top1";
    std::vector<std::string> sets, grids;
    int seeds = 1, jobs = 1;
};

std::string commandLine(const SweepOptions& o) {
    std::ostringstream c;
    c << "ferkd sweep";
    if (!o.preset.empty()) c << " --preset " << o.preset;
    if (!o.configFile.empty()) c << " --config " << o.configFile;
    for (const auto& s : o.sets) c << " --set " << s;
    for (const auto& g : o.grids) c << " --grid " << g;
    c << " --seeds " << o.seeds << " --select " << o.select;
    if (o.jobs > 1) c << " --jobs " << o.jobs;
    if (!o.name.empty()) c << " --name '" << o.name << "'";
    return c.str();
}

bool hasTag(const RunRecord& r, const std::string& tag) {
    std::stringstream tags(r.tags);
    for (std::string t; std::getline(tags, t, ',');)
        if (t == tag) return true;
    return false;
}

// The sweep's earlier run of this point and seed, when it trained the same thing and
// did not fail: finished ones are reused, unfinished ones resumed.
std::optional<int64_t> earlierRun(const ExperimentStore& store, const RunConfig& config, const std::string& tag) {
    for (const auto& r : store.listRuns())
        if (r.name == config.name && hasTag(r, tag) && r.status != run_status::kFailed && sameTraining(runConfigOf(r), config))
            return r.id;
    return std::nullopt;
}

// Trains `runs` one at a time in this process. False when stopped.
bool trainHere(ExperimentStore& store, const std::vector<int64_t>& runs, TrainingControl& control) {
    EpochLineObserver observer;
    Trainer trainer(store, observer, control);
    for (int64_t id : runs) {
        observer.label = store.run(id)->name;
        if (trainer.run(id).status == run_status::kStopped) return false;
    }
    return true;
}

// Trains `runs` as `jobs` child processes at a time (`ferkd train --resume ID`), each
// writing its output to runs/<id>/sweep.log. False when stopped.
bool trainSideBySide(ExperimentStore& store, const std::vector<int64_t>& runs, int jobs, TrainingControl& control) {
    const std::string program = selfExecutable();
    std::vector<std::pair<int64_t, std::unique_ptr<ChildProcess>>> running;
    size_t next = 0;
    while (next < runs.size() || !running.empty()) {
        if (control.stopRequested()) {
            for (auto& [id, child] : running) child->requestStop();
            while (std::any_of(running.begin(), running.end(), [](auto& r) { return !r.second->poll(); }))
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            return false;
        }
        while (next < runs.size() && int(running.size()) < jobs) {
            const int64_t id = runs[next++];
            const std::string log = (std::filesystem::path(store.runDirectory(id)) / "sweep.log").string();
            running.emplace_back(id, std::make_unique<ChildProcess>(
                                         program,
                                         std::vector<std::string>{"--workspace", store.workspace(), "train", "--resume",
                                                                  std::to_string(id)},
                                         log));
            std::printf("%s: started as run %lld (output in %s)\n", store.run(id)->name.c_str(), (long long)id, log.c_str());
            std::fflush(stdout);
        }
        for (auto it = running.begin(); it != running.end();) {
            if (const auto code = it->second->poll()) {
                const auto r = store.run(it->first);
                std::printf("%s: %s (exit %d)%s\n", r->name.c_str(), r->status.c_str(), *code,
                            r->error.empty() ? "" : (": " + r->error).c_str());
                std::fflush(stdout);
                it = running.erase(it);
            } else {
                ++it;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return true;
}

// Every point's run, seed by seed: an earlier run of the sweep that trained the same thing
// (reused when finished, resumed when not), else a new one. Every point is checked before
// the first trains. Fills `toTrain` with the runs still to train.
std::vector<SweepCell> sweepCells(ExperimentStore& store, const RunConfig& base, const std::vector<SweepPoint>& points,
                                  int seeds, const std::string& name, std::vector<int64_t>& toTrain) {
    const std::string tag = sweepTag(name);
    std::vector<SweepCell> cells;
    for (size_t p = 0; p < points.size(); ++p)
        for (int seed = 1; seed <= seeds; ++seed) {
            const RunConfig config = sweepRunConfig(base, points[p], uint64_t(seed), name);
            validateConfig(config);
            SweepCell cell;
            cell.point = p;
            cell.seed = uint64_t(seed);
            if (auto id = earlierRun(store, config, tag)) {
                cell.run_id = *id;
                if (store.run(*id)->status == run_status::kFinished)
                    std::printf("%s: finished earlier as run %lld, reused\n", config.name.c_str(), (long long)*id);
                else
                    toTrain.push_back(*id);
            } else {
                cell.run_id = createTrainingRun(store, config, {tag + ",sweep"});
                toTrain.push_back(cell.run_id);
            }
            cells.push_back(cell);
        }
    return cells;
}

// sweep.csv (every run's epochs) and sweep.md (the summary and the selection) under the
// sweep's folder; the table is printed too.
void writeSweepReport(const SweepOptions& o, const std::string& name, const RunConfig& base,
                      const std::vector<SweepPoint>& points, const std::vector<SweepCell>& cells,
                      const SweepMetric& metric, size_t trained, double wall) {
    std::ostringstream setting;
    setting << "Base: " << (o.preset.empty() ? "defaults" : "preset " + o.preset) << ", " << base.model.arch << " on "
            << base.data.path << ", " << base.schedule.epochs << " epochs, validation split " << base.data.val_split
            << " (data.val_seed " << base.data.val_seed << ") of the training images, seeds 1.." << o.seeds << "; "
            << trained << " runs trained in " << formatDuration(wall)
            << (o.jobs > 1 ? " (" + std::to_string(o.jobs) + " side by side, " + std::to_string(base.runtime.threads) +
                                 " threads each)"
                           : std::string(" (one at a time)"))
            << ".";
    const std::string out = !o.out.empty() ? o.out : "sweep-" + sanitizeFileName(name);
    std::filesystem::create_directories(out);
    const std::string csv = (std::filesystem::path(out) / "sweep.csv").string();
    const std::string md = (std::filesystem::path(out) / "sweep.md").string();
    const auto summary = summarizeSweep(points, cells, metric);
    const std::string table = sweepMarkdown(points, summary, metric, commandLine(o), setting.str());
    writeTextFileAtomically(csv, sweepCsv(points, cells));
    writeTextFileAtomically(md, table);
    std::printf("\n%s\nwrote %s and %s\n", table.c_str(), csv.c_str(), md.c_str());
}

int runSweep(const CliContext& ctx, const SweepOptions& o) {
    const SweepMetric& metric = findSweepMetric(o.select);
    RunConfig base = resolveConfig({o.preset, o.configFile, {}, o.sets, /*validate=*/false});
    if (base.data.val_split <= 0)
        throw ConfigError("data.val_split", "is 0; a sweep chooses settings on images held out of the training set: "
                                            "add e.g. --set data.val_split=0.1");
    std::vector<SweepAxis> axes;
    for (const auto& g : o.grids) axes.push_back(parseSweepAxis(g));
    const auto points = sweepGrid(axes);
    const std::string name = !o.name.empty() ? o.name : "sweep " + (o.preset.empty() ? base.model.arch : o.preset);
    const bool threadsSet = std::any_of(o.sets.begin(), o.sets.end(), [](const std::string& s) {
        return s.rfind("runtime.threads=", 0) == 0;
    });
    if (o.jobs > 1 && !threadsSet)  // side by side, each run on its share of the cores
        base.runtime.threads = std::max(1, int(std::thread::hardware_concurrency()) / o.jobs);

    auto store = ctx.openStore();
    TrainingControl control;
    std::vector<int64_t> toTrain;
    std::vector<SweepCell> cells = sweepCells(*store, base, points, o.seeds, name, toTrain);
    std::printf("sweep '%s': %zu points x %d seeds, %zu runs to train%s\n", name.c_str(), points.size(), o.seeds,
                toTrain.size(), o.jobs > 1 ? (", " + std::to_string(o.jobs) + " at a time").c_str() : "");
    std::fflush(stdout);
    const auto start = std::chrono::steady_clock::now();
    bool completed;
    {
        ControlOnSignals signals(control);
        completed = o.jobs > 1 ? trainSideBySide(*store, toTrain, o.jobs, control) : trainHere(*store, toTrain, control);
    }
    if (!completed) {
        std::printf("stopped; the same command continues with what is missing\n");
        return kStopped;
    }
    const double wall = secondsSince(start);
    for (auto& c : cells) {
        const auto r = store->run(c.run_id);
        c.status = r->status;
        c.seconds = r->finished_at - r->started_at;
        c.epochs = store->epochMetrics(c.run_id);
    }
    writeSweepReport(o, name, base, points, cells, metric, toTrain.size(), wall);
    const bool anyFailed = std::any_of(cells.begin(), cells.end(), [](const SweepCell& c) { return c.status == run_status::kFailed; });
    return anyFailed ? kFailed : kOk;
}

}  // namespace

void addSweepCommand(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<SweepOptions>();
    auto* cmd = app.add_subcommand("sweep", "Train a grid of settings over seeds and choose a point on the validation split");
    cmd->add_option("--preset", o->preset, "Preset every point starts from");
    cmd->add_option("--config", o->configFile, "JSON config file applied over the preset")->check(CLI::ExistingFile);
    cmd->add_option("--set", o->sets, "Override a field of every point, e.g. --set data.val_split=0.1");
    cmd->add_option("--grid", o->grids, "field=v1,v2,... (repeatable; the grid is every combination)")->required();
    cmd->add_option("--seeds", o->seeds, "Seeds 1..N per point")->check(CLI::Range(1, 100));
    cmd->add_option("--select", o->select, "Validation metric that selects the point: val_top1, best_val_top1 or val_loss");
    cmd->add_option("--jobs", o->jobs, "Runs trained side by side as separate processes, each on its share of the cores")
        ->check(CLI::Range(1, 64));
    cmd->add_option("--name", o->name, "Sweep name: tags its runs (sweep:<name>) and names them (default: sweep <preset>)");
    cmd->add_option("--out", o->out, "Folder for sweep.csv and sweep.md (default: sweep-<name>)");
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return runSweep(ctx, *o); }; });
}

}  // namespace ferkd::cli
