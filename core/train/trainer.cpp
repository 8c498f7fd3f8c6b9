#include "train/trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "config/config_io.h"
#include "batch/batch_prefetcher.h"
#include "data/dataset_factory.h"
#include "dist/process_group.h"
#include "interop/weight_import.h"
#include "interop/weights_file.h"
#include "labels/distill_targets.h"
#include "labels/teacher.h"
#include "models/model_registry.h"
#include "train/checkpoint.h"
#include "train/data_parallel.h"
#include "train/evaluator.h"
#include "train/losses.h"
#include "train/lr_schedule.h"
#include "train/mixed_precision.h"
#include "train/model_ema.h"
#include "train/optimizer_factory.h"
#include "train/runtime.h"
#include "train/system_monitor.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/fault_injection.h"
#include "util/hash.h"

namespace ferkd {
namespace fs = std::filesystem;

namespace {

constexpr double kSystemMetricsSeconds = 5.0;

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string timestampName() {
    std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", std::localtime(&t));
    return buf;
}

}  // namespace

namespace {

// Classic KD: the teacher labels the very batch the student sees; soft cross-entropy
// of the tempered distributions, scaled by T^2 so gradients keep their size.
torch::Tensor onlineDistillationLoss(const Teacher& teacher, const torch::Tensor& images, const torch::Tensor& logits,
                                     double temperature) {
    torch::Tensor target;
    {
        torch::NoGradGuard noGrad;
        auto input = images;
        if (input.size(2) != teacher.input_size)
            input = torch::nn::functional::interpolate(
                input, torch::nn::functional::InterpolateFuncOptions()
                           .size(std::vector<int64_t>{teacher.input_size, teacher.input_size})
                           .mode(torch::kBilinear)
                           .align_corners(false));
        target = torch::softmax(teacher.forward(input) / temperature, 1);
    }
    return softCrossEntropy(logits, target, temperature);
}

}  // namespace

RunConfig runConfigOf(const RunRecord& run) {
    RunConfig config;
    applyConfigJson(config, nlohmann::json::parse(run.config_json), "run " + std::to_string(run.id));
    return config;
}

std::string checkpointPath(const ExperimentStore& store, int64_t runId, const std::string& kind) {
    return (fs::path(store.runDirectory(runId)) / (kind + ".pt")).string();
}

std::string existingCheckpoint(const ExperimentStore& store, int64_t runId, const std::string& kind) {
    if (kind != "best" && kind != "last") throw ConfigError("checkpoint", "expected best or last, got '" + kind + "'");
    std::string path = checkpointPath(store, runId, kind);
    if (kind == "best" && !fs::exists(path)) path = checkpointPath(store, runId, "last");
    if (fs::exists(path)) return path;
    const auto run = store.run(runId);
    throw Error("run " + std::to_string(runId) + (run ? " '" + run->name + "'" : "") +
                " has no checkpoint yet (none is written before its first epoch ends)");
}

void rewindToCheckpoint(ExperimentStore& store, int64_t runId, const std::string& kind) {
    if (kind == "last") return;
    const std::string from = checkpointPath(store, runId, kind), to = checkpointPath(store, runId, "last");
    readCheckpointHeader(from);  // refuses a damaged file before anything changes
    copyFileAtomically(from, to);
    store.addEvent(runId, "info", "rewound to the " + kind + " checkpoint; the next start resumes from it");
    store.setStatus(runId, run_status::kStopped);
}

namespace {
// For status and event writes after a storage fault: they may fail too, and must not
// hide the fault's message.
void bestEffort(const std::function<void()>& write) {
    try {
        write();
    } catch (const std::exception&) {
    }
}
}  // namespace

Trainer::Trainer(ExperimentStore& store, TrainingObserver& observer, TrainingControl& control, ProcessGroup* group)
    : store_(store), observer_(observer), control_(control), group_(group) {}

int64_t Trainer::createRun(RunConfig config, const std::string& tags, bool labelsMadeFirst) {
    validateConfig(config);
    // What only the data can tell (a missing folder, a validation split larger than the
    // training set, a label set that is missing or made for other images) is refused
    // here too, before a run exists to fail.
    const DataSplits data = openRunData(config.data);
    if (!labelsMadeFirst && (config.distill.mode == "fkd" || config.distill.mode == "ferkd"))
        openLabelsFor(*data.train, config.distill);
    if (config.name.empty())
        config.name = (config.preset.empty() ? config.model.arch : config.preset) + "-" + timestampName();
    return store_.createRun(config.name, config.kind, config.preset, configToJsonText(config), tags);
}

RunOutcome Trainer::run(int64_t runId) {
    RunOutcome outcome;
    outcome.run_id = runId;
    try {
        outcome = train(runId);
    } catch (const std::exception& e) {
        outcome.status = run_status::kFailed;
        outcome.message = e.what();
        if (dynamic_cast<const DistributedError*>(&e))
            outcome.message += "; `ferkd train --resume " + std::to_string(runId) + "` continues from the last checkpoint";
        if (!group_ || group_->leader()) {
            bestEffort([&] { store_.setStatus(runId, run_status::kFailed, outcome.message); });
            bestEffort([&] { store_.addEvent(runId, "error", outcome.message); });
        }
        observer_.log(runId, LogLevel::Error, outcome.message);
    }
    observer_.finished(outcome);
    return outcome;
}

RunOutcome Trainer::train(int64_t runId) {
    auto record = store_.run(runId);
    if (!record) throw Error("no run with id " + std::to_string(runId) + " in " + store_.workspace());
    const RunConfig cfg = runConfigOf(*record);
    validateConfig(cfg);
    DataParallel parallel(group_);
    const bool leader = parallel.leader();
    auto log = [&](LogLevel level, const std::string& message) {
        if (leader) store_.addEvent(runId, logLevelName(level), message);
        observer_.log(runId, level, message);
    };

    configureThreads(threadsPerProcess(cfg.runtime.threads, group_ ? group_->env() : DistEnv{}));
    const torch::Device device = resolveDevice(cfg.runtime.device, group_ ? group_->env().local_rank : 0);
    const std::string where = describeDevice(device) + (parallel.distributed()
                                                            ? " x " + std::to_string(parallel.size()) + " processes (" +
                                                                  group_->backendName() + ")"
                                                            : "");
    if (leader) store_.markStarted(runId, where);
    log(LogLevel::Info, "run " + std::to_string(runId) + " '" + record->name + "' on " + where);
    // CPU, memory (and GPU) every few seconds while this run trains; one process writes them.
    std::optional<SystemMonitor> system;
    if (leader) system.emplace(store_, runId, kSystemMetricsSeconds, device.is_cuda() ? std::max(0, int(device.index())) : -1);

    observer_.stageStarted({runId, "load data", 0});
    DataSplits data = openRunData(cfg.data);
    for (auto* split : {data.train.get(), data.test.get()}) {
        const auto& problems = split->report().problems;
        if (!problems.empty())
            log(LogLevel::Warning, std::to_string(problems.size()) + " unreadable files left out of " +
                                       split->report().path + ", e.g. " + problems.front().file + ": " +
                                       problems.front().reason);
    }
    log(LogLevel::Info, "data: " + std::to_string(data.train_images.size()) + " training, " +
                            (data.val ? std::to_string(data.val->size()) + " validation (held out of the training "
                                                                           "images, data.val_seed " +
                                            std::to_string(cfg.data.val_seed) + "), "
                                      : std::string()) +
                            std::to_string(data.test->size()) + " test images, " +
                            std::to_string(data.train->numClasses()) + " classes" +
                            (data.val ? "; the best checkpoint is chosen on validation, test is only reported" : ""));

    ModelSpec spec;
    spec.num_classes = cfg.model.num_classes > 0 ? cfg.model.num_classes : data.train->numClasses();
    spec.in_chans = data.train->channels();
    spec.input_size = cfg.data.input_size;
    spec.drop_path = cfg.model.drop_path;
    if (spec.num_classes < data.train->numClasses())
        throw ConfigError("model.num_classes", std::to_string(spec.num_classes) + " is fewer than the data set's " +
                                                   std::to_string(data.train->numClasses()) + " classes");
    torch::manual_seed(cfg.seed);
    auto model = createModel(cfg.model.arch, spec);
    const std::string lastPath = checkpointPath(store_, runId, "last");
    const std::string bestPath = checkpointPath(store_, runId, "best");
    // A resume takes its weights from the checkpoint; other ranks take rank 0's.
    if (leader && !cfg.model.pretrained.empty() && !fs::exists(lastPath)) {
        observer_.stageStarted({runId, "load pretrained weights", 0});
        ImportOptions options;
        options.strict = cfg.model.pretrained_strict;
        try {
            const ImportReport report = importWeights(*model, readWeightsFile(cfg.model.pretrained), options);
            log(report.clean() ? LogLevel::Info : LogLevel::Warning,
                "pretrained weights " + cfg.model.pretrained + ": " + report.summary());
        } catch (const Error& e) {
            throw ConfigError("model.pretrained", e.what());
        }
    }
    model->to(device);
    const auto memoryFormat = cfg.runtime.channels_last ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
    // runtime.precision = auto is resolved once, when the run first starts: a resumed run
    // keeps the precision it began with, wherever it resumes.
    const PrecisionChoice precision = record->precision.empty()
                                          ? choosePrecision(cfg.runtime.precision, device)
                                          : PrecisionChoice{record->precision, "the precision this run started with"};
    if (leader && record->precision.empty()) store_.setPrecision(runId, precision.precision);
    log(LogLevel::Info, "precision " + precision.precision + " (" + precision.reason + ")" +
                            (usesBf16(precision.precision) ? "; evaluation runs in fp32" : ""));
    const bool bf16 = usesBf16(precision.precision);
    setMemoryFormat(*model, memoryFormat);
    std::unique_ptr<ModelEma> ema;
    if (cfg.ema.enabled) {
        auto shadow = createModel(cfg.model.arch, spec);
        shadow->to(device);
        ema = std::make_unique<ModelEma>(model, shadow, cfg.ema.decay);
    }
    auto optimizer = createOptimizer(*model, cfg.optim);
    log(LogLevel::Info, "model " + cfg.model.arch + ": " + std::to_string(countParameters(*model)) + " parameters");

    std::shared_ptr<const DistillTargets> targets;
    std::optional<Teacher> teacher;
    if (cfg.distill.mode == "kd") {
        observer_.stageStarted({runId, "load teacher", 0});
        teacher = loadRunTeacher(store_, cfg.distill.teacher, device);
        if (teacher->in_chans != spec.in_chans || teacher->num_classes != spec.num_classes)
            throw ConfigError("distill.teacher", "the teacher takes " + std::to_string(teacher->in_chans) +
                                                     "-channel images and has " + std::to_string(teacher->num_classes) +
                                                     " classes; the student " + std::to_string(spec.in_chans) + " and " +
                                                     std::to_string(spec.num_classes));
        if (teacher->normalize != cfg.data.normalize)
            throw ConfigError("data.normalize", "'" + cfg.data.normalize + "' differs from the teacher's '" +
                                                    teacher->normalize + "'; the teacher sees the student's input");
        log(LogLevel::Info, "kd teacher: " + teacher->description);
    } else if (cfg.distill.mode != "ce") {
        observer_.stageStarted({runId, "load labels", 0});
        targets = std::make_shared<DistillTargets>(*data.train, cfg.distill);
        const auto& info = targets->store().info();
        log(LogLevel::Info, "labels: " + cfg.distill.labels + " (" + std::to_string(info.crops_per_image) +
                                " crops per image, " + labelTypeName(info.type) + ", teacher " + info.teacher + "), " +
                                std::to_string(cfg.distill.num_crops) + " crops per image per step, mode " +
                                cfg.distill.mode + (cfg.distill.mode == "ferkd" ? ", rule " + describeRule(cfg.distill.ferkd) : ""));
    }
    std::vector<int64_t> trainImages = data.train_images;
    if (targets && cfg.distill.mode == "ferkd") {
        // Images whose every crop the rule discards are left out: there is nothing of them to train on.
        const CropGroupSummary groups = summarizeCropGroups(*targets, trainImages, cfg.distill.num_crops);
        log(groups.without_kept > 0 ? LogLevel::Warning : LogLevel::Info, groups.describe(cfg.distill.num_crops));
        trainImages.erase(std::remove_if(trainImages.begin(), trainImages.end(),
                                         [&](int64_t i) { return !targets->hasKeptCrops(i); }),
                          trainImages.end());
        if (trainImages.empty())
            throw ConfigError("distill.ferkd", "the rule (" + describeRule(cfg.distill.ferkd) +
                                                   ") discards every crop of every training image; widen t_low..t_top");
    }
    BatchBuilder trainData(data.train, cfg, targets, parallel.shard()), testData(data.test, cfg);
    trainData.setTrainingImages(std::move(trainImages));
    std::optional<BatchBuilder> valData;
    if (data.val) valData.emplace(data.val, cfg);
    if (device.is_cuda() && cfg.runtime.crops_on_device) {
        trainData.setAssemblyDevice(device);
        testData.setAssemblyDevice(device);
        if (valData) valData->setAssemblyDevice(device);
    }
    const int64_t spe = trainData.stepsPerEpoch();
    const int64_t totalSteps = spe * cfg.schedule.epochs;
    const int64_t B = cfg.schedule.batch_size;

    if (const int stale = leader ? removeStaleTemporaries(fs::path(lastPath).parent_path().string()) : 0)
        log(LogLevel::Info, "removed " + std::to_string(stale) + " partial checkpoint file(s) of an interrupted write");
    TrainingPosition pos;
    if (fs::exists(lastPath)) {
        CheckpointContent c{model.get(), ema ? &ema->shadow() : nullptr, optimizer.impl.get(), {}, {}, {}};
        loadCheckpoint(lastPath, c);
        pos = c.position;
        log(LogLevel::Info, "resuming from " + lastPath + " at epoch " + std::to_string(pos.epoch + 1) + ", step " +
                                std::to_string(pos.global_step));
    }
    parallel.start(*model, ema ? &ema->shadow() : nullptr);
    // Rows written after the checkpoint by a killed process are redone, never doubled.
    if (leader) store_.truncateMetrics(runId, pos.global_step, pos.epoch);

    // timm's CheckpointSaver idea: the k best epoch-end checkpoints stay, the rest go.
    auto keepTopK = [&](int64_t epochNumber, double top1) {
        std::vector<CheckpointRecord> kept;
        for (const auto& c : store_.checkpoints(runId))
            if (c.kind.rfind("epoch", 0) == 0) kept.push_back(c);
        auto worst = std::min_element(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.top1 < b.top1; });
        if (int(kept.size()) >= cfg.checkpoint.keep_top_k && (worst == kept.end() || top1 <= worst->top1)) return;
        const std::string kind = "epoch" + std::to_string(epochNumber);
        const std::string path = checkpointPath(store_, runId, kind);
        observer_.stageStarted({runId, "checkpoint", 0});
        saveCheckpoint(path, {model.get(), ema ? &ema->shadow() : nullptr, optimizer.impl.get(), pos, record->config_json, spec});
        store_.addCheckpoint({runId, path, kind, pos.epoch, pos.global_step, top1, 0});
        if (int(kept.size()) >= cfg.checkpoint.keep_top_k) {
            store_.removeCheckpoint(runId, worst->path);
            std::error_code ec;
            fs::remove(worst->path, ec);
        }
    };
    auto saveLast = [&](const std::string& path, const std::string& kind) {
        observer_.stageStarted({runId, "checkpoint", 0});
        saveCheckpoint(path, {model.get(), ema ? &ema->shadow() : nullptr, optimizer.impl.get(), pos, record->config_json, spec});
        store_.addCheckpoint({runId, path, kind, pos.epoch, pos.global_step, pos.best_top1, 0});
    };

    std::vector<StepMetric> pending;
    auto flush = [&] {
        store_.addStepMetrics(runId, pending);
        pending.clear();
    };
    // Writing checkpoints and metrics fails when the disk fills. Every write is
    // idempotent (files replaced atomically, rows INSERT OR REPLACE), so the run pauses
    // with the reason and retries on resume (studio), or ends "stopped" (CLI): the
    // previous checkpoint is intact and `train --resume` continues from it.
    std::string storageFault;
    auto persist = [&](const std::function<void()>& write) {
        for (;;) {
            try {
                write();
                return true;
            } catch (const std::exception& e) {
                storageFault = std::string("cannot save: ") + e.what() + "; free disk space, then resume";
            }
            bestEffort([&] { store_.setStatus(runId, run_status::kPaused, storageFault); });
            bestEffort([&] { store_.addEvent(runId, "error", storageFault); });
            observer_.log(runId, LogLevel::Error, storageFault);
            if (!control_.pauseOnStorageFault() || parallel.distributed()) return false;
            // Pause before telling the observer: the studio enables Resume on this signal
            // and reads the pause flag then.
            control_.requestPause();
            observer_.stageStarted({runId, "paused", 0});
            control_.waitWhilePaused();
            if (control_.stopRequested()) return false;
            observer_.log(runId, LogLevel::Info, "retrying the save");
        }
    };
    // On several ranks only rank 0 writes; all learn whether it could, and stop together if not.
    auto persistAll = [&](const std::function<void()>& write) {
        const bool ok = leader ? persist(write) : true;
        return parallel.distributed() ? !parallel.any(!ok) : ok;
    };
    // The best epoch's test top-1 (pos.best_top1 holds the metric it was selected by).
    double bestTestTop1 = record->best_top1.value_or(0.0);
    auto storageStop = [&]() -> RunOutcome {
        if (!leader) storageFault = "rank 0 could not save";
        else bestEffort([&] { store_.setStatus(runId, run_status::kStopped, storageFault); });
        return {runId, run_status::kStopped, bestTestTop1, storageFault + " (`ferkd train --resume " +
                                                               std::to_string(runId) + "` continues from the last checkpoint)"};
    };
    const auto runStart = Clock::now();
    const int64_t startStep = pos.global_step;
    double windowLoss = 0;
    int64_t windowSteps = 0;
    auto windowStart = Clock::now();
    double imagesPerSec = 0;

    model->train();
    for (int64_t epoch = pos.epoch; epoch < cfg.schedule.epochs; ++epoch) {
        observer_.stageStarted({runId, "train", spe});
        const auto epochStart = Clock::now();
        BatchPrefetcher batches(trainData, epoch, pos.step_in_epoch, 2, /*pinMemory=*/device.is_cuda());
        while (auto batch = batches.next()) {
            if (!parallel.distributed() && control_.pauseRequested()) {
                store_.setStatus(runId, run_status::kPaused);
                log(LogLevel::Info, "paused at step " + std::to_string(pos.global_step));
                control_.waitWhilePaused();
                store_.markStarted(runId, describeDevice(device));
                log(LogLevel::Info, "resumed");
                windowStart = Clock::now();
            }
            if (parallel.any(control_.stopRequested() || (parallel.distributed() && control_.pauseRequested()))) {
                if (!persistAll([&] {
                        flush();
                        saveLast(lastPath, "last");
                    }))
                    return storageStop();
                if (leader) store_.setStatus(runId, run_status::kStopped);
                if (parallel.distributed() && control_.pauseRequested() && !control_.stopRequested())
                    log(LogLevel::Info, "a run of several processes stops instead of pausing (the others cannot wait "
                                        "indefinitely); Resume continues it from this checkpoint");
                log(LogLevel::Info, "stopped at step " + std::to_string(pos.global_step) + "; `ferkd train --resume " +
                                        std::to_string(runId) + "` continues it");
                return {runId, run_status::kStopped, bestTestTop1, ""};
            }
            const double lr = learningRateAt(cfg.schedule, cfg.optim.lr, pos.global_step, spe);
            setLearningRate(optimizer, lr);
            // Stochastic depth draws from torch's generator: seed it per step (and rank) so a
            // resumed run draws what an uninterrupted one would.
            torch::manual_seed(mixSeed(cfg.seed, static_cast<uint64_t>(pos.global_step), 0xd9 + 0x100 * parallel.rank()));
            auto images = batch->images.to(device, /*non_blocking=*/true).contiguous(memoryFormat);
            auto labels = batch->labels.to(device, true);
            parallel.beforeForward(*model);
            torch::Tensor logits, loss;
            {
                AutocastScope autocast(device, bf16);
                logits = model->forward(images);
                if (teacher) {
                    loss = onlineDistillationLoss(*teacher, images, logits, cfg.distill.temperature);
                } else if (batch->targets.defined()) {
                    // Soft cross-entropy against the stored (and adapted) teacher labels.
                    loss = softCrossEntropy(logits, batch->targets.to(device, true));
                } else {
                    loss = torch::nn::functional::cross_entropy(logits, labels);
                }
            }
            // The step's totals over all ranks, before the update: every rank then sees a NaN
            // or inf, which never reaches the weights, the EMA or a checkpoint; the run stops
            // at the step that produced it.
            const double localLoss = loss.item<double>();
            const double n = double(labels.size(0));
            const StepTotals totals =
                parallel.reduce(StepTotals{localLoss * n, logits.argmax(1).eq(labels).sum().item<double>(), n});
            const double lossValue = parallel.distributed() ? totals.meanLoss() : localLoss;
            if (!std::isfinite(lossValue)) {
                const std::string what = std::string("the loss became ") + (std::isnan(lossValue) ? "NaN" : "inf") +
                                         " at step " + std::to_string(pos.global_step + 1);
                const std::string keep = " (the last checkpoint holds the weights before it)";
                if (batch->targets.defined() && !torch::isfinite(batch->targets).all().item<bool>())
                    throw Error(what + ": a stored soft label is not finite; the label store " + cfg.distill.labels +
                                " is damaged, generate it again" + keep);
                throw Error(what + "; lower optim.lr or set optim.grad_clip" + keep);
            }
            optimizer.impl->zero_grad();
            loss.backward();
            parallel.averageGradients();
            if (cfg.optim.grad_clip > 0) torch::nn::utils::clip_grad_norm_(model->parameters(), cfg.optim.grad_clip);
            optimizer.impl->step();
            if (ema) ema->update();

            pos.loss_sum += totals.loss_sum;
            pos.correct += totals.correct;
            pos.seen += totals.seen;
            pos.global_step++;
            pos.step_in_epoch++;

            windowLoss += lossValue;
            windowSteps++;
            if (windowSteps == cfg.runtime.log_every || pos.step_in_epoch == spe) {
                double dt = secondsSince(windowStart);
                imagesPerSec = dt > 0 ? double(windowSteps * B * (targets ? cfg.distill.num_crops : 1)) / dt : 0;
                pending.push_back({pos.global_step, epoch + 1, windowLoss / double(windowSteps), lr, imagesPerSec,
                                   unixNow()});
                windowLoss = 0;
                windowSteps = 0;
                windowStart = Clock::now();
            }
            StepReport report;
            report.run_id = runId;
            report.epoch = epoch + 1;
            report.epochs = cfg.schedule.epochs;
            report.step = pos.global_step;
            report.step_in_epoch = pos.step_in_epoch;
            report.steps_per_epoch = spe;
            report.total_steps = totalSteps;
            report.loss = lossValue;
            report.lr = lr;
            report.images_per_sec = imagesPerSec;
            double done = double(pos.global_step - startStep);
            report.eta_seconds = done > 0 ? secondsSince(runStart) / done * double(totalSteps - pos.global_step) : -1;
            observer_.step(report);

            faultPoint("train.step");
            if (cfg.checkpoint.every_steps > 0 && pos.global_step % cfg.checkpoint.every_steps == 0 &&
                pos.step_in_epoch < spe) {
                if (!persistAll([&] {
                        flush();
                        saveLast(lastPath, "last");
                    }))
                    return storageStop();
            }
        }
        if (!persistAll(flush)) return storageStop();

        Classifier& evalModel = ema ? ema->shadow() : *model;
        auto evaluateOn = [&](const BatchBuilder& split, const char* stage) {
            const int64_t n = split.dataset().size();
            observer_.stageStarted({runId, stage, n});
            StageInfo info{runId, stage, n};
            return parallel.reduce(evaluate(evalModel, split, device, std::max<int64_t>(B, 256),
                                            [&](int64_t d, int64_t) { observer_.stageProgress(info, d); },
                                            parallel.evaluationRange(n)));
        };
        std::optional<EvalResult> val;
        if (valData) val = evaluateOn(*valData, "validate");
        const EvalResult eval = evaluateOn(testData, "evaluate");
        EpochMetric m;
        m.epoch = epoch + 1;
        m.step = pos.global_step;
        m.train_loss = pos.seen > 0 ? pos.loss_sum / pos.seen : 0;
        m.train_top1 = pos.seen > 0 ? 100.0 * pos.correct / pos.seen : 0;
        m.test_loss = eval.loss;
        m.test_top1 = eval.top1;
        m.test_top5 = eval.top5;
        if (val) {
            m.val_loss = val->loss;
            m.val_top1 = val->top1;
            m.val_top5 = val->top5;
        }
        m.lr = learningRateAt(cfg.schedule, cfg.optim.lr, pos.global_step - 1, spe);
        m.seconds = secondsSince(epochStart);
        // The selection metric: validation top-1 where there is a validation split, so the
        // test split never chooses anything; test top-1 otherwise (as before val_split).
        const double selectBy = val ? val->top1 : eval.top1;
        const bool best = selectBy > pos.best_top1 || epoch == 0;
        if (!persistAll([&] {
                store_.addEpochMetric(runId, m);
                if (best) store_.setBestTop1(runId, eval.top1, m.val_top1);
            }))
            return storageStop();
        if (best) bestTestTop1 = eval.top1;
        if (best) pos.best_top1 = selectBy;
        observer_.epoch({runId, cfg.schedule.epochs, m, best});

        pos.epoch = epoch + 1;
        pos.step_in_epoch = 0;
        pos.loss_sum = pos.correct = pos.seen = 0;
        if (!persistAll([&] {
                saveLast(lastPath, "last");
                if (best && cfg.checkpoint.keep_best) saveLast(bestPath, "best");
                if (cfg.checkpoint.keep_top_k > 0) keepTopK(epoch + 1, selectBy);
            }))
            return storageStop();
    }
    if (leader) store_.setStatus(runId, run_status::kFinished);
    char summary[160];
    std::snprintf(summary, sizeof summary, "finished: test top-1 %.2f%% at the best epoch", bestTestTop1);
    char validation[64];
    std::snprintf(validation, sizeof validation, " (validation top-1 %.2f%%)", pos.best_top1);
    log(LogLevel::Info, std::string(summary) + (valData ? validation : ""));
    return {runId, run_status::kFinished, bestTestTop1, ""};
}

}  // namespace ferkd
