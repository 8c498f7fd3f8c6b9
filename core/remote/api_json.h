#pragma once
// The server's records as JSON, both ways: what `ferkd serve` writes is what
// RemoteWorkspace reads. Field names are the store's columns; every field is written
// (an empty optional as null) and every field is required when read.
#include <optional>

#include <nlohmann/json.hpp>

#include "labels/crop_inspector.h"
#include "store/experiment_store.h"
#include "store/run_deletion.h"
#include "train/run_evaluation.h"

// std::optional as null or its value (nlohmann 3.11.2, Debian 12's, has no such rule).
namespace nlohmann {
template <typename T>
struct adl_serializer<std::optional<T>> {
    static void to_json(json& j, const std::optional<T>& v) { j = v ? json(*v) : json(nullptr); }
    static void from_json(const json& j, std::optional<T>& v) { v = j.is_null() ? std::nullopt : std::optional<T>(j.get<T>()); }
};
}  // namespace nlohmann

namespace ferkd {

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(RunRecord, id, name, kind, preset, status, config_json, tags, notes, device, precision,
                                   created_at, started_at, finished_at, best_top1, best_val_top1, pid, error, archived)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(StepMetric, step, epoch, loss, lr, images_per_sec, time)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(EpochMetric, epoch, step, train_loss, train_top1, test_loss, test_top1, test_top5, lr,
                                   seconds, val_loss, val_top1, val_top5)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(SystemMetric, time, cpu_percent, rss_mib, gpu_percent, gpu_memory_mib)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(EventRecord, time, level, message)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CheckpointRecord, run_id, path, kind, epoch, step, top1, created_at)
// Without crop_groups: one byte per stored crop, which the list of label sets does not need.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(LabelSetRecord, id, run_id, path, teacher, dataset_fingerprint, label_type, num_images,
                                   crops_per_image, num_classes, bytes, created_at, stats_json)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(RunDeletionPlan, run, paths, bytes, blocker, used_by)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ImagePrediction, image, truth, predicted, confidence, teacher_predicted, kl)
// Without `image` (the thumbnails' decoder): the client asks for each as PNG (/test-images).
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(RunEvaluation, checkpoint, epoch, images, loss, top1, top5, classes, confusion,
                                   predictions, teacher, teacher_note, agreement, mean_kl, class_agreement, class_kl)

// The crop browser's answers (/label-sets/{id}/...). A group by its name; an unknown
// name is refused rather than read as some group.
void to_json(nlohmann::json& j, CropGroup g);
void from_json(const nlohmann::json& j, CropGroup& g);
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CropBox, x, y, w, h, flip)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ObjectBox, x0, y0, x1, y1)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(InspectedCrop, index, box, p_true, group, object_covered, top5, student_class,
                                   student_prob)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(UnrecognisedImage, image, below, mean_p)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CropMining, image, crop, p_true, object_covered, crop_is_object, group)

template <typename Row>
void to_json(nlohmann::json& j, const RowsPage<Row>& page) {
    j = {{"rows", page.rows}, {"cursor", page.cursor}, {"more", page.more}};
}

template <typename Row>
void from_json(const nlohmann::json& j, RowsPage<Row>& page) {
    j.at("rows").get_to(page.rows);
    j.at("cursor").get_to(page.cursor);
    j.at("more").get_to(page.more);
}

}  // namespace ferkd
