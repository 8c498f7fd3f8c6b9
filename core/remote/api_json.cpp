#include "remote/api_json.h"

namespace ferkd {
namespace {

using nlohmann::json;

json optional(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

std::optional<double> optionalAt(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    return it->get<double>();
}

}  // namespace

void to_json(json& j, const RunRecord& r) {
    j = {{"id", r.id}, {"name", r.name}, {"kind", r.kind}, {"preset", r.preset}, {"status", r.status},
         {"config_json", r.config_json}, {"tags", r.tags}, {"notes", r.notes}, {"device", r.device},
         {"precision", r.precision}, {"created_at", r.created_at}, {"started_at", r.started_at},
         {"finished_at", r.finished_at}, {"best_top1", optional(r.best_top1)},
         {"best_val_top1", optional(r.best_val_top1)}, {"pid", r.pid}, {"error", r.error}, {"archived", r.archived}};
}

void from_json(const json& j, RunRecord& r) {
    j.at("id").get_to(r.id);
    j.at("name").get_to(r.name);
    j.at("kind").get_to(r.kind);
    j.at("preset").get_to(r.preset);
    j.at("status").get_to(r.status);
    j.at("config_json").get_to(r.config_json);
    j.at("tags").get_to(r.tags);
    j.at("notes").get_to(r.notes);
    j.at("device").get_to(r.device);
    j.at("precision").get_to(r.precision);
    j.at("created_at").get_to(r.created_at);
    j.at("started_at").get_to(r.started_at);
    j.at("finished_at").get_to(r.finished_at);
    r.best_top1 = optionalAt(j, "best_top1");
    r.best_val_top1 = optionalAt(j, "best_val_top1");
    j.at("pid").get_to(r.pid);
    j.at("error").get_to(r.error);
    j.at("archived").get_to(r.archived);
}

void to_json(json& j, const StepMetric& m) {
    j = {{"step", m.step}, {"epoch", m.epoch}, {"loss", m.loss}, {"lr", m.lr}, {"images_per_sec", m.images_per_sec},
         {"time", m.time}};
}

void from_json(const json& j, StepMetric& m) {
    j.at("step").get_to(m.step);
    j.at("epoch").get_to(m.epoch);
    j.at("loss").get_to(m.loss);
    j.at("lr").get_to(m.lr);
    j.at("images_per_sec").get_to(m.images_per_sec);
    j.at("time").get_to(m.time);
}

void to_json(json& j, const EpochMetric& m) {
    j = {{"epoch", m.epoch}, {"step", m.step}, {"train_loss", m.train_loss}, {"train_top1", m.train_top1},
         {"test_loss", m.test_loss}, {"test_top1", m.test_top1}, {"test_top5", m.test_top5}, {"lr", m.lr},
         {"seconds", m.seconds}, {"val_loss", optional(m.val_loss)}, {"val_top1", optional(m.val_top1)},
         {"val_top5", optional(m.val_top5)}};
}

void from_json(const json& j, EpochMetric& m) {
    j.at("epoch").get_to(m.epoch);
    j.at("step").get_to(m.step);
    j.at("train_loss").get_to(m.train_loss);
    j.at("train_top1").get_to(m.train_top1);
    j.at("test_loss").get_to(m.test_loss);
    j.at("test_top1").get_to(m.test_top1);
    j.at("test_top5").get_to(m.test_top5);
    j.at("lr").get_to(m.lr);
    j.at("seconds").get_to(m.seconds);
    m.val_loss = optionalAt(j, "val_loss");
    m.val_top1 = optionalAt(j, "val_top1");
    m.val_top5 = optionalAt(j, "val_top5");
}

void to_json(json& j, const SystemMetric& m) {
    j = {{"time", m.time}, {"cpu_percent", m.cpu_percent}, {"rss_mib", m.rss_mib},
         {"gpu_percent", optional(m.gpu_percent)}, {"gpu_memory_mib", optional(m.gpu_memory_mib)}};
}

void from_json(const json& j, SystemMetric& m) {
    j.at("time").get_to(m.time);
    j.at("cpu_percent").get_to(m.cpu_percent);
    j.at("rss_mib").get_to(m.rss_mib);
    m.gpu_percent = optionalAt(j, "gpu_percent");
    m.gpu_memory_mib = optionalAt(j, "gpu_memory_mib");
}

void to_json(json& j, const EventRecord& e) { j = {{"time", e.time}, {"level", e.level}, {"message", e.message}}; }

void from_json(const json& j, EventRecord& e) {
    j.at("time").get_to(e.time);
    j.at("level").get_to(e.level);
    j.at("message").get_to(e.message);
}

void to_json(json& j, const CheckpointRecord& c) {
    j = {{"run_id", c.run_id}, {"path", c.path},   {"kind", c.kind},
         {"epoch", c.epoch},   {"step", c.step},   {"top1", c.top1}, {"created_at", c.created_at}};
}

void from_json(const json& j, CheckpointRecord& c) {
    j.at("run_id").get_to(c.run_id);
    j.at("path").get_to(c.path);
    j.at("kind").get_to(c.kind);
    j.at("epoch").get_to(c.epoch);
    j.at("step").get_to(c.step);
    j.at("top1").get_to(c.top1);
    j.at("created_at").get_to(c.created_at);
}

void to_json(json& j, const LabelSetRecord& l) {
    j = {{"id", l.id},
         {"run_id", l.run_id},
         {"path", l.path},
         {"teacher", l.teacher},
         {"dataset_fingerprint", l.dataset_fingerprint},
         {"label_type", l.label_type},
         {"num_images", l.num_images},
         {"crops_per_image", l.crops_per_image},
         {"num_classes", l.num_classes},
         {"bytes", l.bytes},
         {"created_at", l.created_at},
         {"stats_json", l.stats_json}};
}

void from_json(const json& j, LabelSetRecord& l) {
    j.at("id").get_to(l.id);
    j.at("run_id").get_to(l.run_id);
    j.at("path").get_to(l.path);
    j.at("teacher").get_to(l.teacher);
    j.at("dataset_fingerprint").get_to(l.dataset_fingerprint);
    j.at("label_type").get_to(l.label_type);
    j.at("num_images").get_to(l.num_images);
    j.at("crops_per_image").get_to(l.crops_per_image);
    j.at("num_classes").get_to(l.num_classes);
    j.at("bytes").get_to(l.bytes);
    j.at("created_at").get_to(l.created_at);
    j.at("stats_json").get_to(l.stats_json);
}

void to_json(json& j, const RunDeletionPlan& p) {
    j = {{"run", p.run}, {"paths", p.paths}, {"bytes", p.bytes}, {"blocker", p.blocker}, {"used_by", p.used_by}};
}

void from_json(const json& j, RunDeletionPlan& p) {
    j.at("run").get_to(p.run);
    j.at("paths").get_to(p.paths);
    j.at("bytes").get_to(p.bytes);
    j.at("blocker").get_to(p.blocker);
    j.at("used_by").get_to(p.used_by);
}

}  // namespace ferkd
