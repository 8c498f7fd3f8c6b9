#include "store/run_files.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "config/config_io.h"
#include "config/step_accounting.h"
#include "store/checkpoint.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace ferkd {
namespace fs = std::filesystem;

bool trainsAModel(const RunRecord& run) { return run.kind != "labels"; }

RunConfig runConfigOf(const RunRecord& run) {
    if (!trainsAModel(run))
        throw Error("run " + std::to_string(run.id) + " ('" + run.name + "') generated labels: it trains no model");
    RunConfig config;
    config.schedule.accounting = accounting::kImages;  // what a stored config without the key meant
    applyConfigJson(config, nlohmann::json::parse(run.config_json), "run " + std::to_string(run.id));
    return config;
}

std::string checkpointPath(const ExperimentStore& store, int64_t runId, const std::string& kind) {
    return (fs::path(store.runDirectory(runId)) / (kind + ".pt")).string();
}

void requireCheckpointKind(const std::string& kind) {
    if (kind != "best" && kind != "last") throw ConfigError("checkpoint", "expected best or last, got '" + kind + "'");
}

std::string existingCheckpoint(const ExperimentStore& store, int64_t runId, const std::string& kind) {
    requireCheckpointKind(kind);
    std::string path = checkpointPath(store, runId, kind);
    if (kind == "best" && !fs::exists(path)) path = checkpointPath(store, runId, "last");
    if (fs::exists(path)) return path;
    const auto run = store.run(runId);
    throw Error("run " + std::to_string(runId) + (run ? " '" + run->name + "'" : "") +
                " has no checkpoint yet (none is written before its first epoch ends)");
}

void rewindToCheckpoint(ExperimentStore& store, int64_t runId, const std::string& kind) {
    requireCheckpointKind(kind);
    if (kind == "last") return;
    const std::string from = checkpointPath(store, runId, kind), to = checkpointPath(store, runId, "last");
    readCheckpointHeader(from);  // refuses a damaged file before anything changes
    copyFileAtomically(from, to);
    store.addEvent(runId, "info", "rewound to the " + kind + " checkpoint; the next start resumes from it");
    store.setStatus(runId, run_status::kStopped);
}

}  // namespace ferkd
