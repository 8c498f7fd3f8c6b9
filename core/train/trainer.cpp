#include "train/trainer.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <optional>

#include "batch/batch_prefetcher.h"
#include "config/config_io.h"
#include "data/dataset_factory.h"
#include "dist/process_group.h"
#include "labels/distill_targets.h"
#include "train/checkpoint_policy.h"
#include "train/data_parallel.h"
#include "train/evaluator.h"
#include "train/lr_schedule.h"
#include "train/memory_plan.h"
#include "train/mixed_precision.h"
#include "train/run_failure.h"
#include "train/run_files.h"
#include "train/run_setup.h"
#include "train/runtime.h"
#include "train/system_monitor.h"
#include "train/training_step.h"
#include "util/atomic_file.h"
#include "util/elapsed.h"
#include "util/error.h"
#include "util/fault_injection.h"
#include "util/hash.h"

namespace ferkd {
namespace fs = std::filesystem;

namespace {

constexpr double kSystemMetricsSeconds = 5.0;

using Clock = std::chrono::steady_clock;

// Step losses averaged over runtime.log_every steps, and the crops per second over them.
class StepWindow {
public:
    explicit StepWindow(int64_t cropsPerStep) : cropsPerStep_(cropsPerStep) {}
    void add(double loss) {
        loss_ += loss;
        ++steps_;
    }
    int64_t steps() const { return steps_; }
    // Closes the window: its mean loss, and the crops per second since it opened.
    std::pair<double, double> close() {
        const double dt = secondsSince(start_);
        rate_ = dt > 0 ? double(steps_ * cropsPerStep_) / dt : 0;
        const double mean = steps_ > 0 ? loss_ / double(steps_) : 0;
        reset();
        return {mean, rate_};
    }
    void reset() {
        loss_ = 0;
        steps_ = 0;
        start_ = Clock::now();
    }
    double rate() const { return rate_; }

private:
    int64_t cropsPerStep_;
    double loss_ = 0, rate_ = 0;
    int64_t steps_ = 0;
    Clock::time_point start_ = Clock::now();
};

}  // namespace

Trainer::Trainer(ExperimentStore& store, TrainingObserver& observer, TrainingControl& control, ProcessGroup* group)
    : store_(store), observer_(observer), control_(control), group_(group) {}

RunOutcome Trainer::run(int64_t runId) {
    RunOutcome outcome;
    outcome.run_id = runId;
    try {
        outcome = train(runId);
    } catch (const std::exception& e) {
        outcome.status = run_status::kFailed;
        outcome.message = runFailureMessage(e, runId, planSummary_);
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

    const int threads = configureThreads(threadsPerProcess(cfg.runtime.threads, group_ ? group_->env() : DistEnv{}));
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
    DataSplits data = openTrainingData(cfg, log);
    const ModelSpec spec = modelSpecFor(cfg, *data.train);
    // The micro-batch is planned where the run starts (a resume on another machine plans anew).
    std::optional<MemoryPlan> plan;
    if (cfg.runtime.micro_batch <= 0) {
        observer_.stageStarted({runId, "plan memory", 0});
        plan = planMemory(cfg, {spec, parallel.size(), largestEvaluationSplit(data), std::nullopt, &store_});
        planSummary_ = plan->summary();
        log(plan->fits() ? LogLevel::Info : LogLevel::Warning, "memory plan " + planSummary_);
        requireFits(*plan);
    }
    const std::string lastPath = checkpointPath(store_, runId, "last");
    RunSetup run = prepareRun(store_, runId, cfg, std::move(data), device, parallel, leader && !fs::exists(lastPath),
                              observer_, log);
    // runtime.precision = auto is resolved once, when the run first starts: a resumed run
    // keeps the precision it began with, wherever it resumes.
    const PrecisionChoice precision = record->precision.empty()
                                          ? choosePrecision(cfg.runtime.precision, device)
                                          : PrecisionChoice{record->precision, "the precision this run started with"};
    if (leader && record->precision.empty()) store_.setPrecision(runId, precision.precision);
    log(LogLevel::Info, "precision " + precision.precision + " (" + precision.reason + ")" +
                            (usesBf16(precision.precision) ? "; evaluation runs in fp32" : ""));
    const StepAccounting& acct = run.accounting;
    const int workers = dataWorkers(cfg.runtime.data_workers, device, threads);

    CheckpointPolicy checkpoints(store_, observer_, control_, parallel, runId, cfg.checkpoint,
                                 {run.model.get(), run.ema ? &run.ema->shadow() : nullptr, run.optimizer.impl.get(),
                                  {}, record->config_json, run.spec});
    if (const int stale = leader ? removeStaleTemporaries(fs::path(lastPath).parent_path().string()) : 0)
        log(LogLevel::Info, "removed " + std::to_string(stale) + " partial checkpoint file(s) of an interrupted write");
    TrainingPosition pos;  // pos.epoch counts passes over the training images
    if (fs::exists(lastPath)) {
        CheckpointContent c{run.model.get(), run.ema ? &run.ema->shadow() : nullptr, run.optimizer.impl.get(), {}, {}, {}};
        loadCheckpoint(lastPath, c);
        pos = c.position;
        log(LogLevel::Info, "resuming from " + lastPath + " at epoch " + std::to_string(acct.epochOfStep(pos.global_step + 1)) +
                                ", step " + std::to_string(pos.global_step));
    }
    parallel.start(*run.model, run.ema ? &run.ema->shadow() : nullptr);
    // Rows written after the checkpoint by a killed process are redone, never doubled.
    if (leader) store_.truncateMetrics(runId, pos.global_step, pos.epoch * acct.epochs_per_pass);

    TrainingStepOptions stepOptions;
    stepOptions.device = device;
    stepOptions.memory_format = run.memory_format;
    stepOptions.bf16 = usesBf16(precision.precision);
    stepOptions.grad_clip = cfg.optim.grad_clip;
    stepOptions.crops_per_image = acct.crops_per_image;
    stepOptions.micro_batch = plan ? plannedMicroBatch(cfg, *plan) : cfg.runtime.micro_batch;
    stepOptions.temperature = cfg.distill.temperature;
    TrainingStep step(*run.model, run.optimizer, run.ema.get(), parallel, stepOptions,
                      run.teacher ? &*run.teacher : nullptr);
    if (stepOptions.micro_batch > 0)
        log(LogLevel::Info, "micro-batches of " + std::to_string(stepOptions.micro_batch) + " crops (" +
                                std::to_string(microBatchRanges(acct.crops_per_step / parallel.size(), acct.crops_per_image,
                                                                stepOptions.micro_batch).size()) +
                                " per step on each process); one optimiser update per step");

    // Test images per evaluation batch: the plan's where there is one (it fits them).
    const int64_t evaluationBatch =
        plan && plan->evaluation_images > 0 ? plan->evaluation_images : std::max<int64_t>(acct.images_per_step, 256);
    std::vector<StepMetric> pending;
    auto flush = [&] {
        store_.addStepMetrics(runId, pending);
        pending.clear();
    };
    // The best epoch's test top-1 (pos.best_top1 holds the metric it was selected by).
    double bestTestTop1 = record->best_top1.value_or(0.0);
    auto storageStop = [&]() -> RunOutcome {
        if (leader) bestEffort([&] { store_.setStatus(runId, run_status::kStopped, checkpoints.fault()); });
        return {runId, run_status::kStopped, bestTestTop1,
                checkpoints.fault() + " (`ferkd train --resume " + std::to_string(runId) +
                    "` continues from the last checkpoint)"};
    };
    const auto runStart = Clock::now();
    const int64_t startStep = pos.global_step;
    StepWindow window(acct.crops_per_step);

    run.model->train();
    for (int64_t pass = pos.epoch; pass < acct.passes; ++pass) {
        const int64_t passSteps = acct.stepsInPass(pass);
        observer_.stageStarted({runId, "train", passSteps});
        const auto passStart = Clock::now();
        BatchPrefetcher batches(*run.train, pass, pos.step_in_epoch, passSteps, {workers, 2, device.is_cuda()});
        while (auto batch = batches.next()) {
            if (!parallel.distributed() && control_.pauseRequested()) {
                store_.setStatus(runId, run_status::kPaused);
                log(LogLevel::Info, "paused at step " + std::to_string(pos.global_step));
                control_.waitWhilePaused();
                store_.markStarted(runId, describeDevice(device));
                log(LogLevel::Info, "resumed");
                window.reset();
            }
            if (parallel.any(control_.stopRequested() || (parallel.distributed() && control_.pauseRequested()))) {
                if (!checkpoints.persist([&] {
                        flush();
                        checkpoints.saveLast(pos);
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
            const double lr = learningRateAt(cfg.schedule, cfg.optim.lr, pos.global_step, acct.stepsPerEpoch());
            // Stochastic depth draws from torch's generator: seed it per step (and rank) so a
            // resumed run draws what an uninterrupted one would.
            torch::manual_seed(mixSeed(cfg.seed, static_cast<uint64_t>(pos.global_step), 0xd9 + 0x100 * parallel.rank()));
            const StepResult result = step.run(*batch, lr, pos.global_step + 1, cfg.distill.labels);

            pos.loss_sum += result.totals.loss_sum;
            pos.correct += result.totals.correct;
            pos.seen += result.totals.seen;
            pos.global_step++;
            pos.step_in_epoch++;

            const int64_t epochNow = acct.epochOfStep(pos.global_step);
            window.add(result.loss);
            if (window.steps() == cfg.runtime.log_every || pos.step_in_epoch == passSteps) {
                const auto [meanLoss, rate] = window.close();
                pending.push_back({pos.global_step, epochNow, meanLoss, lr, rate, unixNow()});
            }
            StepReport report;
            report.run_id = runId;
            report.epoch = epochNow;
            report.epochs = cfg.schedule.epochs;
            report.step = pos.global_step;
            report.step_in_epoch = pos.step_in_epoch;
            report.steps_per_epoch = passSteps;
            report.steps_per_crop_epoch = acct.stepsPerEpoch();
            report.total_steps = acct.total_steps;
            report.loss = result.loss;
            report.lr = lr;
            report.images_per_sec = window.rate();
            const double done = double(pos.global_step - startStep);
            report.eta_seconds = done > 0 ? secondsSince(runStart) / done * double(acct.total_steps - pos.global_step) : -1;
            observer_.step(report);

            faultPoint("train.step");
            if (cfg.checkpoint.every_steps > 0 && pos.global_step % cfg.checkpoint.every_steps == 0 &&
                pos.step_in_epoch < passSteps) {
                if (!checkpoints.persist([&] {
                        flush();
                        checkpoints.saveLast(pos);
                    }))
                    return storageStop();
            }
        }
        if (!checkpoints.persist(flush)) return storageStop();

        // The end of a pass: evaluate, record, choose the best, checkpoint.
        Classifier& evalModel = run.ema ? run.ema->shadow() : *run.model;
        auto evaluateOn = [&](const BatchBuilder& split, const char* stage) {
            const int64_t n = split.dataset().size();
            observer_.stageStarted({runId, stage, n});
            StageInfo info{runId, stage, n};
            return parallel.reduce(evaluate(evalModel, split, device, evaluationBatch,
                                            [&](int64_t d, int64_t) { observer_.stageProgress(info, d); },
                                            parallel.evaluationRange(n)));
        };
        std::optional<EvalResult> val;
        if (run.val) val = evaluateOn(*run.val, "validate");
        const EvalResult eval = evaluateOn(*run.test, "evaluate");
        EpochMetric m;
        m.epoch = acct.epochAfter(pass);
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
        m.lr = learningRateAt(cfg.schedule, cfg.optim.lr, pos.global_step - 1, acct.stepsPerEpoch());
        m.seconds = secondsSince(passStart);
        // The selection metric: validation top-1 where there is a validation split, so the
        // test split never chooses anything; test top-1 otherwise.
        const double selectBy = val ? val->top1 : eval.top1;
        const bool best = selectBy > pos.best_top1 || pass == 0;
        if (!checkpoints.persist([&] {
                store_.addEpochMetric(runId, m);
                if (best) store_.setBestTop1(runId, eval.top1, m.val_top1);
            }))
            return storageStop();
        if (best) bestTestTop1 = eval.top1;
        if (best) pos.best_top1 = selectBy;
        observer_.epoch({runId, cfg.schedule.epochs, m, best});

        pos.epoch = pass + 1;
        pos.step_in_epoch = 0;
        pos.loss_sum = pos.correct = pos.seen = 0;
        if (!checkpoints.persist([&] { checkpoints.saveEpochEnd(pos, m.epoch, best, selectBy); })) return storageStop();
    }
    if (leader) store_.setStatus(runId, run_status::kFinished);
    char summary[160];
    std::snprintf(summary, sizeof summary, "finished: test top-1 %.2f%% at the best epoch", bestTestTop1);
    char validation[64];
    std::snprintf(validation, sizeof validation, " (validation top-1 %.2f%%)", pos.best_top1);
    log(LogLevel::Info, std::string(summary) + (run.val ? validation : ""));
    return {runId, run_status::kFinished, bestTestTop1, ""};
}

}  // namespace ferkd
