// `ferkd runs rename|tag|untag|note|archive|unarchive|delete`: keeping a workspace tidy;
// `ferkd runs pause|resume|stop`: steering a run in training.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <unistd.h>

#include "commands.h"
#include "util/error.h"
#include "util/text.h"

namespace ferkd::cli {
namespace {

std::vector<std::string> tagsOf(const RunRecord& r) {
    std::vector<std::string> tags;
    for (auto& t : splitList(r.tags, ',')) if (!t.empty()) tags.push_back(t);
    return tags;
}

void checkTag(const std::string& tag) {
    if (tag.empty() || tag.find(',') != std::string::npos)
        throw ConfigError("tag", "'" + tag + "' is not a tag: tags are non-empty and hold no comma");
}

int retag(const CliContext& ctx, const std::string& id, const std::vector<std::string>& tags, bool add) {
    auto workspace = ctx.openWorkspace();
    const RunRecord r = requireRun(*workspace, id);
    std::vector<std::string> now = tagsOf(r);
    for (const auto& t : tags) {
        checkTag(t);
        const auto at = std::find(now.begin(), now.end(), t);
        if (add && at == now.end()) now.push_back(t);
        if (!add && at != now.end()) now.erase(at);
    }
    workspace->setTags(r.id, joinStrings(now, ","));
    std::printf("run %lld '%s': tags %s\n", (long long)r.id, r.name.c_str(), now.empty() ? "(none)" : joinStrings(now, ", ").c_str());
    return kOk;
}

int archive(const CliContext& ctx, const std::vector<std::string>& ids, bool archived) {
    auto workspace = ctx.openWorkspace();
    for (const auto& id : ids) {
        const RunRecord r = requireRun(*workspace, id);
        workspace->setArchived(r.id, archived);
        std::printf("run %lld '%s' %s\n", (long long)r.id, r.name.c_str(),
                    archived ? "archived (`runs list --archived` shows it)" : "back in the list");
    }
    return kOk;
}

struct DeleteOptions {
    std::vector<std::string> ids;
    bool yes = false, force = false;
};

int deleteRuns(const CliContext& ctx, const DeleteOptions& o) {
    auto workspace = ctx.openWorkspace();
    std::vector<RunDeletionPlan> plans;
    uint64_t bytes = 0;
    for (const auto& id : o.ids) {
        plans.push_back(workspace->planDeletion(requireRun(*workspace, id).id));
        const auto& p = plans.back();
        if (!p.blocker.empty()) throw Error(p.blocker);
        std::printf("run %lld '%s' (%s): %s in %zu path(s)\n", (long long)p.run.id, p.run.name.c_str(), p.run.status.c_str(),
                    formatBytes(p.bytes).c_str(), p.paths.size());
        for (const auto& path : p.paths) std::printf("  %s\n", path.c_str());
        for (const auto& use : p.used_by) std::printf("  warning: %s\n", use.c_str());
        if (!p.used_by.empty() && !o.force)
            throw Error("not deleting: a label set of run " + std::to_string(p.run.id) +
                        " is still used (see above); delete those runs first, or add --force");
        bytes += p.bytes;
    }
    if (!o.yes) {
        if (!::isatty(::fileno(stdin)))
            throw ConfigError("--yes", "deleting needs confirmation: add --yes to delete without asking");
        std::printf("delete %zu run(s), freeing %s? [y/N] ", plans.size(), formatBytes(bytes).c_str());
        std::fflush(stdout);
        std::string answer;
        std::getline(std::cin, answer);
        if (answer != "y" && answer != "Y" && answer != "yes") {
            std::printf("nothing deleted\n");
            return kOk;
        }
    }
    int problems = 0;
    for (const auto& p : plans) {
        for (const auto& left : workspace->deleteRun(p.run.id, o.force)) {
            std::fprintf(stderr, "warning: could not remove %s\n", left.c_str());
            ++problems;
        }
        std::printf("deleted run %lld '%s'\n", (long long)p.run.id, p.run.name.c_str());
    }
    std::printf("freed %s\n", formatBytes(bytes).c_str());
    return problems ? kFailed : kOk;
}

}  // namespace

void addRunManagementCommands(CLI::App* runs, CliContext& ctx) {
    struct Args {
        std::string id, text;
        std::vector<std::string> values;
    };
    auto rename = std::make_shared<Args>();
    auto* rn = runs->add_subcommand("rename", "Give a run a new name");
    rn->add_option("run", rename->id, "Run id or name")->required();
    rn->add_option("name", rename->text, "The new name")->required();
    rn->callback([&ctx, rename] {
        ctx.action = [&ctx, rename] {
            auto workspace = ctx.openWorkspace();
            const RunRecord r = requireRun(*workspace, rename->id);
            workspace->renameRun(r.id, rename->text);
            std::printf("run %lld '%s' is now '%s'\n", (long long)r.id, r.name.c_str(), rename->text.c_str());
            return int(kOk);
        };
    });

    for (const bool add : {true, false}) {
        auto a = std::make_shared<Args>();
        auto* cmd = runs->add_subcommand(add ? "tag" : "untag", add ? "Add tags to a run" : "Remove tags from a run");
        cmd->add_option("run", a->id, "Run id or name")->required();
        cmd->add_option("tags", a->values, "Tags (no commas)")->required();
        cmd->callback([&ctx, a, add] { ctx.action = [&ctx, a, add] { return retag(ctx, a->id, a->values, add); }; });
    }

    auto note = std::make_shared<Args>();
    auto* nt = runs->add_subcommand("note", "Set a run's notes (an empty text clears them)");
    nt->add_option("run", note->id, "Run id or name")->required();
    nt->add_option("text", note->text, "The notes")->required();
    nt->callback([&ctx, note] {
        ctx.action = [&ctx, note] {
            auto workspace = ctx.openWorkspace();
            const RunRecord r = requireRun(*workspace, note->id);
            workspace->setNotes(r.id, note->text);
            std::printf("run %lld '%s': notes %s\n", (long long)r.id, r.name.c_str(), note->text.empty() ? "cleared" : "set");
            return int(kOk);
        };
    });

    for (const bool archived : {true, false}) {
        auto a = std::make_shared<Args>();
        auto* cmd = runs->add_subcommand(archived ? "archive" : "unarchive",
                                         archived ? "Hide runs from lists (nothing is deleted)" : "Show archived runs again");
        cmd->add_option("runs", a->values, "Run ids or names")->required();
        cmd->callback([&ctx, a, archived] { ctx.action = [&ctx, a, archived] { return archive(ctx, a->values, archived); }; });
    }

    // Steering a run in training: a `ferkd train` here (by signal), or a run of --server.
    for (const char* verb : {"pause", "resume", "stop"}) {
        auto a = std::make_shared<Args>();
        const std::string what = verb;
        auto* cmd = runs->add_subcommand(verb, what == "pause"    ? "Pause a run in training (it waits between steps)"
                                               : what == "resume" ? "Resume a paused run"
                                                                  : "Stop a run in training: it checkpoints and ends \"stopped\"");
        cmd->add_option("run", a->id, "Run id or name")->required();
        cmd->callback([&ctx, a, what] {
            ctx.action = [&ctx, a, what] {
                auto workspace = ctx.openWorkspace();
                const RunRecord r = requireRun(*workspace, a->id);
                if (what == "pause") workspace->pause(r.id);
                else if (what == "resume") workspace->resume(r.id);
                else workspace->stop(r.id);
                std::printf("run %lld '%s': %s asked\n", (long long)r.id, r.name.c_str(), what.c_str());
                return int(kOk);
            };
        });
    }

    auto del = std::make_shared<DeleteOptions>();
    auto* dl = runs->add_subcommand("delete", "Delete runs with their metrics, checkpoints, run folders and label sets");
    dl->add_option("runs", del->ids, "Run ids or names")->required();
    dl->add_flag("--yes,-y", del->yes, "Do not ask for confirmation");
    dl->add_flag("--force", del->force, "Also delete a label set that other runs train on");
    dl->callback([&ctx, del] { ctx.action = [&ctx, del] { return deleteRuns(ctx, *del); }; });
}

}  // namespace ferkd::cli
