#include "labels/label_job.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "data/dataset_factory.h"
#include "dist/process_group.h"
#include "labels/label_generator.h"
#include "labels/label_job_json.h"
#include "labels/label_set_stats.h"
#include "labels/teacher.h"
#include "runtime/mixed_precision.h"
#include "runtime/runtime.h"
#include "util/error.h"
#include "util/text.h"

namespace ferkd {

namespace {

Teacher jobTeacher(const ExperimentStore& store, const LabelJob& job, const Dataset& data, torch::Device device) {
    return loadTeacher(store, job.teacher_run, job.teacher_script, job.teacher_input_size, job.teacher_normalize, data,
                       device);
}

LabelGenerationOptions generationOptions(const LabelJob& job, const PrecisionChoice& precision, torch::Device device) {
    LabelGenerationOptions g;
    g.data_workers = dataWorkers(job.data_workers, device, at::get_num_threads());
    g.crops_per_image = job.crops;
    g.crop.scale_min = job.scale_min;
    g.crop.scale_max = job.scale_max;
    g.seed = job.seed;
    g.type = labelTypeFromName(job.type);
    g.topk = job.topk;
    g.temperature = job.temperature;
    g.batch_size = job.batch_size;
    g.precision = precision.precision;
    g.reference = job.reference;
    return g;
}

// An unfinished generation into the same file continues under its earlier run.
int64_t labelsRun(ExperimentStore& store, const std::string& name, const nlohmann::json& config) {
    if (auto r = store.findRun(name); r && r->kind == "labels" && r->status != run_status::kFinished &&
                                      r->status != run_status::kRunning)
        return r->id;
    return store.createRun(name, "labels", "", config.dump(2));
}

}  // namespace

std::vector<std::string> describeLabelJob(const ExperimentStore& store, const LabelJob& job, bool timeIt) {
    configureThreads(job.threads);
    const torch::Device device = resolveDevice(job.device);
    auto train = openDataSplits(job.data).train;
    const Teacher teacher = jobTeacher(store, job, *train, device);
    const PrecisionChoice precision = choosePrecision(job.precision, device);
    const LabelGenerationOptions g = generationOptions(job, precision, device);
    const LabelSetInfo info = labelSetInfoFor(*train, teacher, g);
    char line[256];
    std::vector<std::string> lines{"teacher: " + teacher.description,
                                   "data: " + train->report().path + ", " + std::to_string(train->size()) + " images"};
    std::snprintf(line, sizeof line, "store: %d crops per image, %s, %zu bytes per crop, %.1f MB", info.crops_per_image,
                  labelTypeName(info.type), info.recordBytes(), double(LabelStoreWriter::fileBytesFor(info)) / 1e6);
    lines.push_back(line);
    lines.push_back("precision: " + precision.precision + " (" + precision.reason + ")");
    if (timeIt) {
        const LabelGenerationEstimate e = estimateLabelGeneration(*train, teacher, g);
        std::snprintf(line, sizeof line, "estimate: %s on %s (%.0f images/s, %.0f crops/s, timed on %lld images)",
                      formatDuration(e.seconds).c_str(), describeDevice(device).c_str(), e.images_per_sec,
                      e.images_per_sec * info.crops_per_image, (long long)e.probe_images);
        lines.push_back(line);
    }
    return lines;
}

LabelJobOutcome runLabelJob(ExperimentStore& store, const LabelJob& job,
                            const std::function<void(const LabelJobProgress&)>& progress,
                            const TrainingControl* control, ProcessGroup* group) {
    if (job.out.empty()) throw ConfigError("out", "give the label store file to write");
    const std::string out = std::filesystem::absolute(job.out).lexically_normal().string();
    const std::string name = job.name.empty() ? "labels " + std::filesystem::path(out).stem().string() : job.name;
    // A path as an absolute one (the crop browser and a server find the set's data by it); a name as typed.
    const std::string data = std::filesystem::exists(job.data)
                                 ? std::filesystem::absolute(job.data).lexically_normal().string()
                                 : job.data;
    LabelJob recorded = job;
    recorded.data = data;
    recorded.out = out;
    const nlohmann::json config = labelJobToJson(recorded);
    const bool leader = !group || group->leader();
    LabelJobOutcome outcome;
    outcome.run_id = leader ? labelsRun(store, name, config) : 0;
    const int64_t runId = outcome.run_id;
    // Only rank 0 records; the others' events and status go nowhere.
    auto addEvent = [&](const std::string& level, const std::string& message) {
        if (leader) store.addEvent(runId, level, message);
    };
    auto setStatus = [&](const std::string& status, const std::string& message = "") {
        if (leader) store.setStatus(runId, status, message);
    };
    try {
        configureThreads(threadsPerProcess(job.threads, group ? group->env() : DistEnv{}));
        const torch::Device device = resolveDevice(job.device, group ? group->env().local_rank : 0);
        const std::string where = describeDevice(device) + (group ? " x " + std::to_string(group->size()) + " processes" : "");
        if (leader) store.markStarted(runId, where);
        auto train = openDataSplits(job.data).train;
        const Teacher teacher = jobTeacher(store, job, *train, device);
        const PrecisionChoice precision = choosePrecision(job.precision, device);
        const LabelGenerationOptions g = generationOptions(job, precision, device);
        if (leader) store.setPrecision(runId, precision.precision);
        addEvent("info", "precision " + precision.precision + " (" + precision.reason + ")");
        addEvent("info", "labelling " + std::to_string(train->size()) + " images, " +
                                          std::to_string(g.crops_per_image) + " crops each, with " +
                                          teacher.description + ", into " + out);
        int64_t lastDecile = -1;
        const bool done = generateLabels(*train, teacher, g, out, [&](const LabelGenerationProgress& p) {
            const int64_t decile = p.done * 10 / std::max<int64_t>(1, p.total);
            if (decile != lastDecile)
                addEvent("progress", std::to_string(p.done) + "/" + std::to_string(p.total) + " images, " +
                                                      std::to_string(int64_t(p.images_per_sec)) + " img/s");
            lastDecile = decile;
            if (progress) progress({runId, p.done, p.total, p.images_per_sec, p.eta_seconds});
        }, control, group);
        if (!done) {
            setStatus(run_status::kStopped);
            outcome.status = run_status::kStopped;
            outcome.message = "stopped; the same generation continues where it stopped";
            return outcome;
        }
        outcome.status = run_status::kFinished;
        if (!leader) {
            outcome.message = "labelled this rank's share; rank 0 merged the shares into " + out;
            return outcome;
        }
        // The studio's crop statistics, under FerKD's default rule.
        const LabelSetStats stats = computeLabelSetStats(*train, out, FerkdConfig{});
        store.saveLabelSet(labelSetRecord(out, stats, runId));
        const std::string summary = "wrote " + out + ": " + stats.describeGroups() + " of crops (the default rule)";
        store.addEvent(runId, "info", summary);
        store.setStatus(runId, run_status::kFinished);
        outcome.message = summary;
    } catch (const std::exception& e) {
        try {
            addEvent("error", e.what());
            setStatus(run_status::kFailed, e.what());
        } catch (const std::exception&) {
            // The store itself failed; the outcome still carries the message.
        }
        outcome.status = run_status::kFailed;
        outcome.message = e.what();
    }
    return outcome;
}

}  // namespace ferkd
