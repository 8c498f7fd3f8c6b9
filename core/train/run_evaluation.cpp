#include "train/run_evaluation.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <nlohmann/json.hpp>

#include "config/step_accounting.h"
#include "data/dataset_factory.h"
#include "imaging/tensor_pixels.h"
#include "labels/teacher.h"
#include "models/model_registry.h"
#include "runtime/runtime.h"
#include "store/checkpoint.h"
#include "store/run_files.h"
#include "train/evaluator.h"
#include "util/error.h"

namespace ferkd {

double RunEvaluation::classAccuracy(int cls) const {
    int64_t total = 0;
    for (size_t p = 0; p < classes.size(); ++p) total += count(cls, int(p));
    return total > 0 ? 100.0 * double(count(cls, cls)) / double(total) : 0.0;
}

namespace {

void byConfidence(std::vector<ImagePrediction>& list) {
    std::stable_sort(list.begin(), list.end(),
                     [](const ImagePrediction& a, const ImagePrediction& b) { return a.confidence > b.confidence; });
}

// The run of this workspace that taught a distilled run: kd names it; fkd and ferkd
// learned from a label set whose generation run names it. None, with the reason in
// `note`, when there is none to load.
std::optional<RunRecord> teacherRunOf(const ExperimentStore& store, const RunConfig& config, std::string* note) {
    if (config.distill.mode == "kd") {
        auto teacher = store.findRun(config.distill.teacher);
        if (!teacher) *note = "distill.teacher '" + config.distill.teacher + "' is not a run of this workspace";
        return teacher;
    }
    if (config.distill.mode != "fkd" && config.distill.mode != "ferkd") {
        *note = "not a distilled run (distill.mode " + config.distill.mode + ")";
        return {};
    }
    const auto labels = store.labelSet(config.distill.labels);
    if (!labels || labels->run_id <= 0) {
        *note = "the label set " + config.distill.labels + " was not generated in this workspace";
        return {};
    }
    const auto generation = store.run(labels->run_id);
    const auto json = generation ? nlohmann::json::parse(generation->config_json, nullptr, false) : nlohmann::json();
    const std::string name = json.is_object() ? json.value("teacher", std::string()) : std::string();
    auto teacher = name.empty() ? std::nullopt : store.findRun(name);
    if (!teacher)
        *note = "the label set's teacher (" + (name.empty() ? std::string("unknown") : name) + ") is not a run of this workspace";
    return teacher;
}

}  // namespace

std::vector<ImagePrediction> RunEvaluation::cell(int trueClass, int predicted) const {
    std::vector<ImagePrediction> out;
    for (const auto& p : predictions)
        if (p.truth == trueClass && p.predicted == predicted) out.push_back(p);
    byConfidence(out);
    return out;
}

std::vector<ImagePrediction> RunEvaluation::confidentlyWrong(size_t limit) const {
    std::vector<ImagePrediction> out;
    for (const auto& p : predictions)
        if (p.truth != p.predicted) out.push_back(p);
    byConfidence(out);
    if (out.size() > limit) out.resize(limit);
    return out;
}

namespace {

// A distilled run's teacher with the test images as it was trained to see them: its own
// size, crop and normalisation.
struct ComparedTeacher {
    Teacher teacher;
    std::unique_ptr<BatchBuilder> data;
};

// None, with the reason in `note`, when the run has no teacher here or it cannot be loaded.
std::optional<ComparedTeacher> teacherBeside(const ExperimentStore& store, const RunConfig& config,
                                             const std::shared_ptr<Dataset>& test, torch::Device device,
                                             std::string* note) {
    const auto teacherRun = teacherRunOf(store, config, note);
    if (!teacherRun) return std::nullopt;
    try {
        ComparedTeacher compared{loadRunTeacher(store, std::to_string(teacherRun->id), device), nullptr};
        if (compared.teacher.num_classes != test->numClasses()) {
            *note = "the teacher has " + std::to_string(compared.teacher.num_classes) + " classes, the test split " +
                    std::to_string(test->numClasses());
            return std::nullopt;
        }
        compared.data = std::make_unique<BatchBuilder>(test, runConfigOf(*teacherRun));
        return compared;
    } catch (const std::exception& e) {
        *note = e.what();
        return std::nullopt;
    }
}

// Agreement and mean KL(teacher || student) per true class and over all test images.
void summariseAgreement(RunEvaluation& out) {
    const size_t K = out.classes.size();
    std::vector<double> agree(K, 0), klSum(K, 0), n(K, 0);
    for (const auto& p : out.predictions) {
        if (p.truth < 0 || size_t(p.truth) >= K) continue;
        agree[size_t(p.truth)] += p.teacher_predicted == p.predicted;
        klSum[size_t(p.truth)] += p.kl;
        n[size_t(p.truth)] += 1;
    }
    double allAgree = 0, allKl = 0, all = 0;
    for (size_t c = 0; c < K; ++c) {
        out.class_agreement.push_back(n[c] > 0 ? 100.0 * agree[c] / n[c] : 0.0);
        out.class_kl.push_back(n[c] > 0 ? klSum[c] / n[c] : 0.0);
        allAgree += agree[c], allKl += klSum[c], all += n[c];
    }
    out.agreement = all > 0 ? 100.0 * allAgree / all : 0.0;
    out.mean_kl = all > 0 ? allKl / all : 0.0;
}

}  // namespace

RunEvaluation evaluateRun(const ExperimentStore& store, int64_t runId, const EvaluationRequest& request) {
    auto run = store.run(runId);
    if (!run) throw Error("no run with id " + std::to_string(runId) + " in " + store.workspace());
    const std::string path = request.checkpoint == "best" || request.checkpoint == "last"
                                 ? existingCheckpoint(store, runId, request.checkpoint)
                                 : request.checkpoint;
    RunConfig config = runConfigOf(*run);
    if (!request.test_path.empty()) config.data.test_path = request.test_path;
    configureThreads(config.runtime.threads);
    const torch::Device device = resolveDevice(config.runtime.device);
    DataSplits data = openRunData(config.data);
    if (!data.test) throw ConfigError("data.test_path", "the run's data set has no test split");
    auto model = createModel(config.model.arch, readCheckpointHeader(path).spec);
    CheckpointContent content{model.get(), nullptr, nullptr, {}, {}, {}};
    loadCheckpoint(path, content);
    model->to(device);
    BatchBuilder testData(data.test, config);

    RunEvaluation out;
    std::optional<ComparedTeacher> teacher;
    if (request.with_teacher) teacher = teacherBeside(store, config, data.test, device, &out.teacher_note);
    if (teacher) out.teacher = teacher->teacher.description;
    out.predictions.reserve(size_t(data.test->size()));
    const EvalBatchObserver observe = [&](int64_t begin, const Batch& b, const torch::Tensor& logits) {
        const torch::Tensor logp = torch::log_softmax(logits, 1);
        const auto [confidence, predicted] = logp.exp().max(1);
        torch::Tensor teacherPredicted = torch::full({logits.size(0)}, -1, torch::kLong), kl = torch::zeros({logits.size(0)});
        if (teacher) {
            const Batch tb = teacher->data->testBatch(begin, begin + logits.size(0));
            const torch::Tensor t =
                teacher->teacher.forward(tb.images.to(teacher->teacher.device)).to(torch::kCPU).to(torch::kFloat);
            const torch::Tensor tlogp = torch::log_softmax(t, 1);
            teacherPredicted = t.argmax(1).contiguous();
            kl = (tlogp.exp() * (tlogp - logp)).sum(1).contiguous();
        }
        const auto labels = b.labels.accessor<int64_t, 1>();
        const torch::Tensor pred = predicted.contiguous(), conf = confidence.contiguous();
        const auto predictedAt = pred.accessor<int64_t, 1>();
        const auto confidenceAt = conf.accessor<float, 1>();
        const auto teacherAt = teacherPredicted.accessor<int64_t, 1>();
        const auto klAt = kl.accessor<float, 1>();
        for (int64_t i = 0; i < logits.size(0); ++i)
            out.predictions.push_back({begin + i, int(labels[i]), int(predictedAt[i]), confidenceAt[i], int(teacherAt[i]), klAt[i]});
    };
    const EvalResult r = evaluate(*model, testData, device, request.batch_size, request.progress, {0, -1}, observe);
    out.checkpoint = path;
    // The checkpoint counts passes; the run's epochs count crop-views under FKD's accounting.
    out.epoch = stepAccounting(config, data.train ? data.train->size() : 1).epochsAfterPasses(content.position.epoch);
    out.images = r.images;
    out.loss = r.loss;
    out.top1 = r.top1;
    out.top5 = r.top5;
    out.classes = data.test->classes();
    out.confusion = r.confusion;  // K x K over the test split's classes
    if (teacher) summariseAgreement(out);
    std::shared_ptr<Dataset> images = data.test;
    out.image = [images](int64_t index) { return pixelsOf(images->image(index)); };
    return out;
}

}  // namespace ferkd
