#pragma once
// A label generation's settings as JSON: the config a labels run records, and what a
// server's queue reads back to start the generation (`ferkd serve`'s pipeline).
#include <nlohmann/json.hpp>

#include "labels/label_job.h"

namespace ferkd {

// The teacher is a run (its id or name) or a TorchScript file, under "teacher".
nlohmann::json labelJobToJson(const LabelJob& job);
// The fields `labelJobToJson` writes ("teacher" read as a run); a missing one keeps
// LabelJob's default. ConfigError naming the field when one has the wrong type.
LabelJob labelJobFromJson(const nlohmann::json& j);
// The generation settings a user chooses (crops, type, topk, temperature, crop scale,
// seed, batch size, precision), checked as `ferkd labels generate` checks its options;
// every problem as (field, message).
std::vector<std::pair<std::string, std::string>> labelJobErrors(const LabelJob& job);

}  // namespace ferkd
