#include "train/run_setup.h"

#include "interop/weight_import.h"
#include "interop/weights_file.h"
#include "labels/distill_targets.h"
#include "runtime/runtime.h"
#include "util/error.h"

namespace ferkd {

namespace {

void importPretrainedWeights(Classifier& model, const ModelConfig& config, const RunLog& log) {
    ImportOptions options;
    options.strict = config.pretrained_strict;
    try {
        const ImportReport report = importWeights(model, readWeightsFile(config.pretrained), options);
        log(report.clean() ? LogLevel::Info : LogLevel::Warning,
            "pretrained weights " + config.pretrained + ": " + report.summary());
    } catch (const Error& e) {
        throw ConfigError("model.pretrained", e.what());
    }
}

Teacher loadKdTeacher(const ExperimentStore& store, const RunConfig& cfg, const ModelSpec& spec, torch::Device device) {
    Teacher teacher = loadRunTeacher(store, cfg.distill.teacher, device);
    if (teacher.in_chans != spec.in_chans || teacher.num_classes != spec.num_classes)
        throw ConfigError("distill.teacher", "the teacher takes " + std::to_string(teacher.in_chans) +
                                                 "-channel images and has " + std::to_string(teacher.num_classes) +
                                                 " classes; the student " + std::to_string(spec.in_chans) + " and " +
                                                 std::to_string(spec.num_classes));
    if (teacher.normalize != cfg.data.normalize)
        throw ConfigError("data.normalize", "'" + cfg.data.normalize + "' differs from the teacher's '" +
                                                teacher.normalize + "'; the teacher sees the student's input");
    return teacher;
}

void logDataProblems(const DataSplits& data, const RunLog& log) {
    for (auto* split : {data.train.get(), data.test.get()}) {
        const auto& problems = split->report().problems;
        if (!problems.empty())
            log(LogLevel::Warning, std::to_string(problems.size()) + " unreadable files left out of " +
                                       split->report().path + ", e.g. " + problems.front().file + ": " +
                                       problems.front().reason);
    }
}

std::string describeData(const DataSplits& data, const RunConfig& cfg) {
    return "data: " + std::to_string(data.train_images.size()) + " training, " +
           (data.val ? std::to_string(data.val->size()) + " validation (held out of the training images, data.val_seed " +
                           std::to_string(cfg.data.val_seed) + "), "
                     : std::string()) +
           std::to_string(data.test->size()) + " test images, " + std::to_string(data.train->numClasses()) +
           " classes" + (data.val ? "; the best checkpoint is chosen on validation, test is only reported" : "");
}

}  // namespace

DataSplits openTrainingData(const RunConfig& cfg, const RunLog& log) {
    DataSplits data = openRunData(cfg.data);
    logDataProblems(data, log);
    log(LogLevel::Info, describeData(data, cfg));
    return data;
}

ModelSpec modelSpecFor(const RunConfig& cfg, const Dataset& train) {
    ModelSpec spec;
    spec.num_classes = cfg.model.num_classes > 0 ? cfg.model.num_classes : train.numClasses();
    spec.in_chans = train.channels();
    spec.input_size = cfg.data.input_size;
    spec.drop_path = cfg.model.drop_path;
    if (spec.num_classes < train.numClasses())
        throw ConfigError("model.num_classes", std::to_string(spec.num_classes) + " is fewer than the data set's " +
                                                   std::to_string(train.numClasses()) + " classes");
    return spec;
}

int64_t largestEvaluationSplit(const DataSplits& data) {
    return std::max<int64_t>(data.test->size(), data.val ? data.val->size() : 0);
}

RunSetup prepareRun(const ExperimentStore& store, int64_t runId, const RunConfig& cfg, DataSplits data,
                    torch::Device device, const DataParallel& parallel, bool importPretrained,
                    TrainingObserver& observer, const RunLog& log) {
    RunSetup run;
    const ModelSpec& spec = run.spec = modelSpecFor(cfg, *data.train);
    torch::manual_seed(cfg.seed);
    run.model = createModel(cfg.model.arch, spec);
    if (importPretrained && !cfg.model.pretrained.empty()) {
        observer.stageStarted({runId, "load pretrained weights", 0});
        importPretrainedWeights(*run.model, cfg.model, log);
    }
    run.model->setGradCheckpointing(cfg.model.grad_checkpointing);
    run.model->to(device);
    run.memory_format = cfg.runtime.channels_last ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
    setMemoryFormat(*run.model, run.memory_format);
    if (cfg.ema.enabled) {
        auto shadow = createModel(cfg.model.arch, spec);
        shadow->to(device);
        run.ema = std::make_unique<ModelEma>(run.model, shadow, cfg.ema.decay);
    }
    run.optimizer = createOptimizer(*run.model, cfg.optim);
    log(LogLevel::Info, "model " + cfg.model.arch + ": " + std::to_string(countParameters(*run.model)) + " parameters");

    if (cfg.distill.mode == "kd") {
        observer.stageStarted({runId, "load teacher", 0});
        run.teacher = loadKdTeacher(store, cfg, spec, device);
        log(LogLevel::Info, "kd teacher: " + run.teacher->description);
    } else if (cfg.distill.mode != "ce") {
        observer.stageStarted({runId, "load labels", 0});
        run.targets = std::make_shared<DistillTargets>(*data.train, cfg.distill);
        const auto& info = run.targets->store().info();
        log(LogLevel::Info, "labels: " + cfg.distill.labels + " (" + std::to_string(info.crops_per_image) +
                                " crops per image, " + labelTypeName(info.type) + ", teacher " + info.teacher + "), " +
                                std::to_string(cfg.distill.num_crops) + " crops per image per step, mode " +
                                cfg.distill.mode + (cfg.distill.mode == "ferkd" ? ", rule " + describeRule(cfg.distill.ferkd) : ""));
    }
    std::vector<int64_t> trainImages = data.train_images;
    if (run.targets && cfg.distill.mode == "ferkd") {
        // Images whose every crop the rule discards are left out: there is nothing of them to train on.
        const CropGroupSummary groups = summarizeCropGroups(*run.targets, trainImages, cfg.distill.num_crops);
        log(groups.without_kept > 0 ? LogLevel::Warning : LogLevel::Info, groups.describe(cfg.distill.num_crops));
        trainImages.erase(std::remove_if(trainImages.begin(), trainImages.end(),
                                         [&](int64_t i) { return !run.targets->hasKeptCrops(i); }),
                          trainImages.end());
        if (trainImages.empty())
            throw ConfigError("distill.ferkd", "the rule (" + describeRule(cfg.distill.ferkd) +
                                                   ") discards every crop of every training image; widen t_low..t_top");
    }
    run.train = std::make_unique<BatchBuilder>(data.train, cfg, run.targets, parallel.shard());
    run.train->setTrainingImages(std::move(trainImages));
    run.test = std::make_unique<BatchBuilder>(data.test, cfg);
    if (data.val) run.val = std::make_unique<BatchBuilder>(data.val, cfg);
    if (device.is_cuda() && cfg.runtime.crops_on_device)
        for (auto* builder : {run.train.get(), run.test.get(), run.val.get()})
            if (builder) builder->setAssemblyDevice(device);
    run.accounting = stepAccounting(cfg, run.train->trainingImages());
    log(LogLevel::Info, run.accounting.describe(run.train->trainingImages()));
    return run;
}

}  // namespace ferkd
