#include "train/trainer.h"

#include <filesystem>
#include <optional>

#include "config/config_io.h"
#include "data/dataset_factory.h"
#include "dist/process_group.h"
#include "runtime/mixed_precision.h"
#include "runtime/runtime.h"
#include "store/run_files.h"
#include "train/checkpoint_policy.h"
#include "train/data_parallel.h"
#include "train/memory_plan.h"
#include "train/run_failure.h"
#include "train/run_setup.h"
#include "train/system_monitor.h"
#include "train/training_loop.h"
#include "train/training_step.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace ferkd {
namespace fs = std::filesystem;

namespace {

constexpr double kSystemMetricsSeconds = 5.0;

// Where a run continues: its last checkpoint's position (with the weights, EMA and
// optimiser loaded from it), or the start.
TrainingPosition resumePosition(const std::string& lastPath, RunSetup& run, const RunLog& log) {
    if (!fs::exists(lastPath)) return {};
    CheckpointContent c{run.model.get(), run.ema ? &run.ema->shadow() : nullptr, run.optimizer.impl.get(), {}, {}, {}};
    loadCheckpoint(lastPath, c);
    const TrainingPosition& pos = c.position;
    log(LogLevel::Info, "resuming from " + lastPath + " at epoch " +
                            std::to_string(run.accounting.epochOfStep(pos.global_step + 1)) + ", step " +
                            std::to_string(pos.global_step));
    return pos;
}

// runtime.precision = auto is resolved once, when the run first starts: a resumed run
// keeps the precision it began with, wherever it resumes.
PrecisionChoice precisionOf(const RunRecord& record, const RunConfig& cfg, torch::Device device) {
    if (record.precision.empty()) return choosePrecision(cfg.runtime.precision, device);
    return {record.precision, "the precision this run started with"};
}

TrainingStepOptions stepOptionsFor(const RunConfig& cfg, const RunSetup& run, torch::Device device,
                                   const PrecisionChoice& precision, const std::optional<MemoryPlan>& plan) {
    TrainingStepOptions o;
    o.device = device;
    o.memory_format = run.memory_format;
    o.bf16 = usesBf16(precision.precision);
    o.grad_clip = cfg.optim.grad_clip;
    o.crops_per_image = run.accounting.crops_per_image;
    o.micro_batch = plan ? plannedMicroBatch(cfg, *plan) : cfg.runtime.micro_batch;
    o.temperature = cfg.distill.temperature;
    return o;
}

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
    const std::string where =
        describeDevice(device) + (group_ ? " x " + std::to_string(group_->size()) + " processes (" + group_->backendName() + ")"
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
    const PrecisionChoice precision = precisionOf(*record, cfg, device);
    if (leader && record->precision.empty()) store_.setPrecision(runId, precision.precision);
    log(LogLevel::Info, "precision " + precision.precision + " (" + precision.reason + ")" +
                            (usesBf16(precision.precision) ? "; evaluation runs in fp32" : ""));
    const StepAccounting& acct = run.accounting;

    CheckpointPolicy checkpoints(store_, observer_, control_, parallel, runId, cfg.checkpoint, acct,
                                 {run.model.get(), run.ema ? &run.ema->shadow() : nullptr, run.optimizer.impl.get(),
                                  {}, record->config_json, run.spec});
    if (const int stale = leader ? removeStaleTemporaries(fs::path(lastPath).parent_path().string()) : 0)
        log(LogLevel::Info, "removed " + std::to_string(stale) + " partial checkpoint file(s) of an interrupted write");
    const TrainingPosition pos = resumePosition(lastPath, run, log);
    parallel.start(*run.model, run.ema ? &run.ema->shadow() : nullptr);
    // Rows written after the checkpoint by a killed process are redone, never doubled.
    if (leader) store_.truncateMetrics(runId, pos.global_step, pos.epoch * acct.epochs_per_pass);

    const TrainingStepOptions stepOptions = stepOptionsFor(cfg, run, device, precision, plan);
    TrainingStep step(*run.model, run.optimizer, run.ema.get(), parallel, stepOptions,
                      run.teacher ? &*run.teacher : nullptr);
    if (stepOptions.micro_batch > 0)
        log(LogLevel::Info, "micro-batches of " + std::to_string(stepOptions.micro_batch) + " crops (" +
                                std::to_string(microBatchRanges(acct.crops_per_step / parallel.size(), acct.crops_per_image,
                                                                stepOptions.micro_batch).size()) +
                                " per step on each process); one optimiser update per step");

    TrainingLoopOptions loopOptions;
    loopOptions.device = device;
    loopOptions.data_workers = dataWorkers(cfg.runtime.data_workers, device, threads);
    // Test images per evaluation batch: the plan's where there is one (it fits them).
    loopOptions.evaluation_batch = plan && plan->evaluation_images > 0
                                       ? plan->evaluation_images
                                       : std::max<int64_t>(acct.images_per_step, kEvaluationImages);
    TrainingLoop loop({store_, observer_, control_, parallel, checkpoints, log, run, step}, runId, cfg, loopOptions);
    return loop.run(pos, record->best_top1.value_or(0.0));
}

}  // namespace ferkd
