#pragma once
// The server's records as JSON, both ways: what `ferkd serve` writes is what
// RemoteWorkspace reads. Field names are the store's columns.
#include <nlohmann/json.hpp>

#include "store/experiment_store.h"
#include "store/run_deletion.h"

namespace ferkd {

void to_json(nlohmann::json& j, const RunRecord& r);
void from_json(const nlohmann::json& j, RunRecord& r);
void to_json(nlohmann::json& j, const StepMetric& m);
void from_json(const nlohmann::json& j, StepMetric& m);
void to_json(nlohmann::json& j, const EpochMetric& m);
void from_json(const nlohmann::json& j, EpochMetric& m);
void to_json(nlohmann::json& j, const SystemMetric& m);
void from_json(const nlohmann::json& j, SystemMetric& m);
void to_json(nlohmann::json& j, const EventRecord& e);
void from_json(const nlohmann::json& j, EventRecord& e);
void to_json(nlohmann::json& j, const CheckpointRecord& c);
void from_json(const nlohmann::json& j, CheckpointRecord& c);
void to_json(nlohmann::json& j, const LabelSetRecord& l);  // without crop_groups
void from_json(const nlohmann::json& j, LabelSetRecord& l);
void to_json(nlohmann::json& j, const RunDeletionPlan& p);
void from_json(const nlohmann::json& j, RunDeletionPlan& p);

template <typename Row>
void to_json(nlohmann::json& j, const RowsPage<Row>& page) {
    j = {{"rows", page.rows}, {"cursor", page.cursor}, {"more", page.more}};
}

template <typename Row>
void from_json(const nlohmann::json& j, RowsPage<Row>& page) {
    page.rows = j.at("rows").get<std::vector<Row>>();
    page.cursor = j.at("cursor").get<int64_t>();
    page.more = j.at("more").get<bool>();
}

}  // namespace ferkd
