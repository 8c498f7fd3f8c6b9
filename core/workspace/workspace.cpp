#include "workspace/workspace.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "util/error.h"

namespace ferkd {
namespace {

// Hands every page after cursor 0 to `visit`, in the order written.
template <typename Row, typename Fetch, typename Visit>
void forEachPage(Fetch fetch, Visit visit) {
    int64_t cursor = 0;
    for (;;) {
        RowsPage<Row> page = fetch(cursor);
        for (auto& row : page.rows) visit(row);
        if (!page.more || page.cursor == cursor) return;
        cursor = page.cursor;
    }
}

// Every row once, ordered by its key: a row written again replaces its first copy.
template <typename Row, typename Fetch, typename Key>
std::vector<Row> allRows(Fetch fetch, Key key) {
    std::map<decltype(key(std::declval<const Row&>())), Row> rows;
    forEachPage<Row>(fetch, [&](Row& row) { rows[key(row)] = std::move(row); });
    std::vector<Row> out;
    out.reserve(rows.size());
    for (auto& [k, row] : rows) out.push_back(std::move(row));
    return out;
}

}  // namespace

std::vector<StepMetric> Workspace::stepMetrics(int64_t runId) const {
    return allRows<StepMetric>([&](int64_t after) { return stepMetricsAfter(runId, after); },
                               [](const StepMetric& m) { return m.step; });
}

std::vector<EpochMetric> Workspace::epochMetrics(int64_t runId) const {
    return allRows<EpochMetric>([&](int64_t after) { return epochMetricsAfter(runId, after); },
                                [](const EpochMetric& m) { return m.epoch; });
}

std::vector<SystemMetric> Workspace::systemMetrics(int64_t runId) const {
    return allRows<SystemMetric>([&](int64_t after) { return systemMetricsAfter(runId, after); },
                                 [](const SystemMetric& m) { return m.time; });
}

std::vector<EventRecord> Workspace::events(int64_t runId) const {
    // Events are only ever added: their order is the order written.
    std::vector<EventRecord> out;
    forEachPage<EventRecord>([&](int64_t after) { return eventsAfter(runId, after); },
                             [&](EventRecord& e) { out.push_back(std::move(e)); });
    return out;
}

RunRecord requireRun(const Workspace& workspace, const std::string& idOrName) {
    auto run = workspace.findRun(idOrName);
    if (!run) throw Error("no run '" + idOrName + "' in " + workspace.location() + " (see `ferkd runs list`)");
    return *run;
}

std::string labelSetData(const Workspace& workspace, const LabelSetRecord& labelSet) {
    const auto run = labelSet.run_id > 0 ? workspace.run(labelSet.run_id) : std::nullopt;
    if (!run) return "";
    const auto config = nlohmann::json::parse(run->config_json, nullptr, false);
    if (!config.is_object() || !config.contains("data") || !config["data"].is_string()) return "";
    return config["data"].get<std::string>();
}

std::string studentCheckpoint(const Workspace& workspace, int64_t runId) {
    const auto checkpoints = workspace.checkpoints(runId);
    for (const char* kind : {"best", "last"})
        for (const auto& c : checkpoints)
            if (c.kind == kind) return c.path;
    throw Error("run " + std::to_string(runId) + " has no checkpoint to show as a student");
}

}  // namespace ferkd
