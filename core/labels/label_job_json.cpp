#include "labels/label_job_json.h"

#include "util/error.h"

namespace ferkd {

nlohmann::json labelJobToJson(const LabelJob& job) {
    return {{"data", job.data},
            {"out", job.out},
            {"teacher", job.teacher_run.empty() ? job.teacher_script : job.teacher_run},
            {"crops", job.crops},
            {"type", job.type},
            {"topk", job.topk},
            {"temperature", job.temperature},
            {"scale_min", job.scale_min},
            {"scale_max", job.scale_max},
            {"seed", job.seed},
            {"batch_size", job.batch_size},
            {"precision", job.precision}};
}

namespace {
template <class T>
void read(const nlohmann::json& j, const char* key, T& value) {
    if (!j.contains(key)) return;
    try {
        value = j.at(key).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw ConfigError(key, "has the wrong type: " + j.at(key).dump());
    }
}
}  // namespace

LabelJob labelJobFromJson(const nlohmann::json& j) {
    if (!j.is_object()) throw ConfigError("", "a label generation's settings must be a JSON object");
    LabelJob job;
    read(j, "data", job.data);
    read(j, "out", job.out);
    read(j, "teacher", job.teacher_run);
    read(j, "crops", job.crops);
    read(j, "type", job.type);
    read(j, "topk", job.topk);
    read(j, "temperature", job.temperature);
    read(j, "scale_min", job.scale_min);
    read(j, "scale_max", job.scale_max);
    read(j, "seed", job.seed);
    read(j, "batch_size", job.batch_size);
    read(j, "precision", job.precision);
    return job;
}

std::vector<std::pair<std::string, std::string>> labelJobErrors(const LabelJob& job) {
    std::vector<std::pair<std::string, std::string>> errors;
    auto check = [&](bool ok, const char* field, const std::string& message) {
        if (!ok) errors.emplace_back(field, message);
    };
    check(job.crops >= 1 && job.crops <= 2000, "crops", "expected 1 to 2000 crops per image, got " + std::to_string(job.crops));
    check(job.type == "hard" || job.type == "marginal_smoothing" || job.type == "full", "type",
          "expected hard, marginal_smoothing or full, got '" + job.type + "'");
    check(job.topk >= 1 && job.topk <= 1000, "topk", "expected 1 to 1000, got " + std::to_string(job.topk));
    check(job.temperature > 0, "temperature", "expected a positive temperature, got " + std::to_string(job.temperature));
    check(job.scale_min >= 0.01 && job.scale_min <= 1, "scale_min", "expected 0.01 to 1, got " + std::to_string(job.scale_min));
    check(job.scale_max >= 0.01 && job.scale_max <= 1, "scale_max", "expected 0.01 to 1, got " + std::to_string(job.scale_max));
    check(job.scale_min <= job.scale_max, "scale_max", "must not be below scale_min");
    check(job.batch_size >= 1, "batch_size", "expected a positive batch size, got " + std::to_string(job.batch_size));
    check(job.precision == "auto" || job.precision == "fp32" || job.precision == "bf16", "precision",
          "expected auto, fp32 or bf16, got '" + job.precision + "'");
    return errors;
}

}  // namespace ferkd
