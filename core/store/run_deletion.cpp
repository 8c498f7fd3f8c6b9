#include "store/run_deletion.h"

#include <cstdio>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "util/error.h"

namespace fs = std::filesystem;

namespace ferkd {

uint64_t diskUse(const std::string& path) {
    std::error_code ec;
    const fs::path p(path);
    if (fs::is_regular_file(p, ec)) return fs::file_size(p, ec);
    if (!fs::is_directory(p, ec)) return 0;
    uint64_t total = 0;
    for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) total += it->file_size(ec);
    return total;
}

namespace {

std::string normalised(const std::string& path) { return fs::absolute(path).lexically_normal().string(); }

bool inside(const std::string& path, const std::string& folder) {
    const std::string f = normalised(folder) + "/";
    return normalised(path).compare(0, f.size(), f) == 0;
}

// distill.labels of a run's stored config, "" when it has none.
std::string labelsOf(const RunRecord& r) {
    try {
        const auto j = nlohmann::json::parse(r.config_json);
        if (j.contains("distill") && j["distill"].contains("labels") && j["distill"]["labels"].is_string())
            return j["distill"]["labels"].get<std::string>();
    } catch (const nlohmann::json::exception&) {
    }
    return "";
}

}  // namespace

RunDeletionPlan planRunDeletion(const ExperimentStore& store, int64_t runId) {
    auto run = store.run(runId);
    if (!run) throw Error("no run with id " + std::to_string(runId) + " in " + store.workspace());
    RunDeletionPlan plan;
    plan.run = *run;
    if (run->status == run_status::kRunning || run->status == run_status::kPaused ||
        run->status == run_status::kQueued)
        plan.blocker = "run " + std::to_string(runId) + " '" + run->name + "' is " + run->status +
                       "; stop it first (a run that is training cannot be deleted)";
    std::set<std::string> seen;
    auto add = [&](const std::string& path) {
        const std::string p = normalised(path);
        std::error_code ec;
        if (!fs::exists(p, ec) || !seen.insert(p).second) return;
        plan.paths.push_back(p);
        plan.bytes += diskUse(p);
    };
    const std::string folder = (fs::path(store.workspace()) / "runs" / std::to_string(runId)).string();
    add(folder);
    for (const auto& c : store.checkpoints(runId))
        if (!inside(c.path, folder)) add(c.path);
    const auto runs = store.listRuns();
    for (const auto& set : store.labelSets()) {
        if (set.run_id != runId) continue;
        add(set.path);
        std::string users;
        for (const auto& r : runs)
            if (r.id != runId && !labelsOf(r).empty() && normalised(labelsOf(r)) == normalised(set.path))
                users += (users.empty() ? "" : ", ") + std::string("run ") + std::to_string(r.id) + " '" + r.name + "'";
        if (!users.empty()) plan.used_by.push_back("label set " + set.path + " is used by " + users);
    }
    return plan;
}

std::vector<std::string> deleteRun(ExperimentStore& store, const RunDeletionPlan& plan, bool force) {
    if (!plan.blocker.empty()) throw Error(plan.blocker);
    if (!plan.used_by.empty() && !force) {
        std::string message = "run " + std::to_string(plan.run.id) + " '" + plan.run.name + "' is not deleted: ";
        for (size_t i = 0; i < plan.used_by.size(); ++i) message += (i ? "; " : "") + plan.used_by[i];
        throw Error(message + " (delete those runs first, or force it)");
    }
    store.deleteRun(plan.run.id);
    std::vector<std::string> leftOver;
    for (const auto& path : plan.paths) {
        std::error_code ec;
        fs::remove_all(path, ec);
        if (ec) leftOver.push_back(path + ": " + ec.message());
    }
    return leftOver;
}

}  // namespace ferkd
