// `ferkd runs list|show|export-csv`: what the experiment store holds (cmd_runs_manage.cpp:
// renaming, tags, notes, archiving, deleting).
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "workspace/metrics_csv.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/text.h"

namespace ferkd::cli {
namespace {

std::string formatTime(double t) {
    if (t <= 0) return "-";
    std::time_t s = static_cast<std::time_t>(t);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", std::localtime(&s));
    return buf;
}

std::string duration(const RunRecord& r) {
    if (r.started_at <= 0) return "-";
    double end = r.finished_at > 0 ? r.finished_at : unixNow();
    return formatDuration(end - r.started_at);
}

int listRuns(const CliContext& ctx, bool withArchived) {
    auto workspace = ctx.openWorkspace();
    auto runs = workspace->listRuns();
    const auto archived = std::count_if(runs.begin(), runs.end(), [](const RunRecord& r) { return r.archived; });
    if (!withArchived) runs.erase(std::remove_if(runs.begin(), runs.end(), [](const RunRecord& r) { return r.archived; }), runs.end());
    if (runs.empty()) {
        std::printf("no runs %sin %s\n", archived ? "besides archived ones " : "yet ", workspace->location().c_str());
        if (archived) std::printf("(%lld archived; `ferkd runs list --archived` shows them)\n", (long long)archived);
        return kOk;
    }
    std::printf("%-5s %-38s %-6s %-26s %-12s %-8s %-17s %-9s %s\n", "id", "name", "kind", "preset", "status", "best%",
                "started", "duration", "tags");
    for (const auto& r : runs) {
        char best[16] = "-";
        if (r.best_top1) std::snprintf(best, sizeof best, "%.2f", *r.best_top1);
        const std::string status = r.archived ? r.status + "*" : r.status;
        std::printf("%-5lld %-38s %-6s %-26s %-12s %-8s %-17s %-9s %s\n", (long long)r.id, r.name.c_str(),
                    r.kind.c_str(), r.preset.c_str(), status.c_str(), best, formatTime(r.started_at).c_str(),
                    duration(r).c_str(), r.tags.c_str());
    }
    if (withArchived && archived) std::printf("(* archived)\n");
    else if (archived) std::printf("(%lld archived runs hidden; --archived shows them)\n", (long long)archived);
    return kOk;
}

int showRun(const CliContext& ctx, const std::string& id) {
    auto workspace = ctx.openWorkspace();
    RunRecord r = requireRun(*workspace, id);
    std::printf("run %lld '%s'\n  kind %s, preset %s, status %s\n  device %s, precision %s\n  started %s, duration %s\n",
                (long long)r.id, r.name.c_str(), r.kind.c_str(), r.preset.empty() ? "-" : r.preset.c_str(),
                r.status.c_str(), r.device.empty() ? "-" : r.device.c_str(),
                r.precision.empty() ? "-" : r.precision.c_str(), formatTime(r.started_at).c_str(), duration(r).c_str());
    if (r.best_top1 && r.best_val_top1)
        std::printf("  best validation top-1 %.2f%%; test top-1 at that epoch %.2f%%\n", *r.best_val_top1, *r.best_top1);
    else if (r.best_top1)
        std::printf("  best test top-1 %.2f%%\n", *r.best_top1);
    if (!r.error.empty()) std::printf("  error: %s\n", r.error.c_str());
    if (!r.tags.empty()) std::printf("  tags: %s\n", r.tags.c_str());
    if (!r.notes.empty()) std::printf("  notes: %s\n", r.notes.c_str());
    if (r.archived) std::printf("  archived\n");
    const auto epochs = workspace->epochMetrics(r.id);
    const bool val = std::any_of(epochs.begin(), epochs.end(), [](const EpochMetric& m) { return m.val_top1.has_value(); });
    std::printf("epochs:\n  %5s %10s %9s %s%10s %9s %9s %10s %8s\n", "epoch", "train_loss", "train_top1",
                val ? "  val_loss  val_top1 " : "", "test_loss", "top1", "top5", "lr", "time");
    for (const auto& m : epochs) {
        char v[40] = "";
        if (val) std::snprintf(v, sizeof v, "%10.4f %9.2f ", m.val_loss.value_or(0), m.val_top1.value_or(0));
        std::printf("  %5lld %10.4f %9.2f %s%10.4f %9.2f %9.2f %10.2e %8s\n", (long long)m.epoch, m.train_loss,
                    m.train_top1, v, m.test_loss, m.test_top1, m.test_top5, m.lr, formatDuration(m.seconds).c_str());
    }
    std::printf("checkpoints:\n");
    for (const auto& c : workspace->checkpoints(r.id))
        std::printf("  %-5s epoch %lld step %lld %s\n", c.kind.c_str(), (long long)c.epoch, (long long)c.step,
                    c.path.c_str());
    std::printf("config:\n%s\n", r.config_json.c_str());
    return kOk;
}

int exportCsv(const CliContext& ctx, const std::vector<std::string>& ids, const std::string& out, bool steps,
              bool system) {
    if (steps && system) throw ConfigError("--system", "choose --steps or --system, not both");
    auto workspace = ctx.openWorkspace();
    std::vector<int64_t> runIds;
    for (const auto& id : ids) runIds.push_back(requireRun(*workspace, id).id);
    auto write = [&](std::ostream& os) {
        if (system)
            writeSystemMetricsCsv(*workspace, runIds, os);
        else
            writeMetricsCsv(*workspace, runIds, steps, os);
    };
    if (out.empty()) {
        write(std::cout);
        return kOk;
    }
    std::ostringstream text;
    write(text);
    writeTextFileAtomically(out, text.str());
    return kOk;
}

}  // namespace

void addRunsCommand(CLI::App& app, CliContext& ctx) {
    auto* runs = app.add_subcommand("runs", "List, show, export, rename, tag, annotate, archive and delete runs");
    runs->require_subcommand(1);
    auto withArchived = std::make_shared<bool>(false);
    auto* list = runs->add_subcommand("list", "One line per run");
    list->add_flag("--archived", *withArchived, "Also the archived runs (marked *)");
    list->callback([&ctx, withArchived] { ctx.action = [&ctx, withArchived] { return listRuns(ctx, *withArchived); }; });

    auto showId = std::make_shared<std::string>();
    auto* show = runs->add_subcommand("show", "A run's status, epoch metrics, checkpoints and config");
    show->add_option("run", *showId, "Run id or name")->required();
    show->callback([&ctx, showId] { ctx.action = [&ctx, showId] { return showRun(ctx, *showId); }; });

    struct ExportOptions {
        std::vector<std::string> ids;
        std::string out;
        bool steps = false, system = false;
    };
    auto e = std::make_shared<ExportOptions>();
    auto* exp = runs->add_subcommand("export-csv", "Metrics of one or more runs as CSV");
    exp->add_option("runs", e->ids, "Run ids or names")->required();
    exp->add_option("--out", e->out, "Write to this file instead of standard output");
    exp->add_flag("--steps", e->steps, "Per-step metrics instead of per-epoch ones");
    exp->add_flag("--system", e->system, "System metrics (CPU %, resident memory, GPU) sampled every 5 s");
    exp->callback([&ctx, e] { ctx.action = [&ctx, e] { return exportCsv(ctx, e->ids, e->out, e->steps, e->system); }; });
    addRunManagementCommands(runs, ctx);
}

}  // namespace ferkd::cli
