#include "train/training_loop.h"

#include <cstdio>

#include "batch/batch_prefetcher.h"
#include "runtime/runtime.h"
#include "train/evaluator.h"
#include "train/lr_schedule.h"
#include "util/elapsed.h"
#include "util/fault_injection.h"
#include "util/hash.h"

namespace ferkd {

void StepWindow::add(double loss) {
    loss_ += loss;
    ++steps_;
}

std::pair<double, double> StepWindow::close() {
    const double dt = secondsSince(start_);
    rate_ = dt > 0 ? double(steps_ * cropsPerStep_) / dt : 0;
    const double mean = steps_ > 0 ? loss_ / double(steps_) : 0;
    reset();
    return {mean, rate_};
}

void StepWindow::reset() {
    loss_ = 0;
    steps_ = 0;
    start_ = std::chrono::steady_clock::now();
}

TrainingLoop::TrainingLoop(TrainingLoopParts parts, int64_t runId, const RunConfig& cfg, TrainingLoopOptions options)
    : parts_(std::move(parts)),
      runId_(runId),
      cfg_(cfg),
      acct_(parts_.run.accounting),
      options_(options),
      leader_(parts_.parallel.leader()),
      window_(acct_.crops_per_step) {}

RunOutcome TrainingLoop::run(const TrainingPosition& position, double bestTestTop1) {
    pos_ = position;
    bestTestTop1_ = bestTestTop1;
    runStart_ = std::chrono::steady_clock::now();
    startStep_ = pos_.global_step;
    parts_.run.model->train();
    for (int64_t pass = pos_.epoch; pass < acct_.passes; ++pass) {
        const int64_t passSteps = acct_.stepsInPass(pass);
        parts_.observer.stageStarted({runId_, "train", passSteps});
        const auto passStart = std::chrono::steady_clock::now();
        if (auto stopped = trainPass(pass, passSteps)) return *stopped;
        if (!parts_.checkpoints.persist([&] { flushLosses(); })) return stoppedByStorage();
        if (auto stopped = endPass(pass, passStart)) return *stopped;
    }
    if (leader_) parts_.store.setStatus(runId_, run_status::kFinished);
    char summary[160];
    std::snprintf(summary, sizeof summary, "finished: test top-1 %.2f%% at the best epoch", bestTestTop1_);
    char validation[64];
    std::snprintf(validation, sizeof validation, " (validation top-1 %.2f%%)", pos_.best_top1);
    parts_.log(LogLevel::Info, std::string(summary) + (parts_.run.val ? validation : ""));
    return outcome(run_status::kFinished);
}

std::optional<RunOutcome> TrainingLoop::trainPass(int64_t pass, int64_t passSteps) {
    BatchPrefetcher batches(*parts_.run.train, pass, pos_.step_in_epoch, passSteps,
                            {options_.data_workers, BatchPrefetcher::kDepth, options_.device.is_cuda()});
    while (auto batch = batches.next()) {
        if (auto stopped = answerControl()) return stopped;
        const double lr = learningRateAt(cfg_.schedule, cfg_.optim.lr, pos_.global_step, acct_.stepsPerEpoch());
        // Stochastic depth draws from torch's generator: seed it per step (and rank) so a
        // resumed run draws what an uninterrupted one would.
        torch::manual_seed(
            mixSeed(cfg_.seed, static_cast<uint64_t>(pos_.global_step), 0xd9 + 0x100 * parts_.parallel.rank()));
        const StepResult result = parts_.step.run(*batch, lr, pos_.global_step + 1, cfg_.distill.labels);
        pos_.loss_sum += result.totals.loss_sum;
        pos_.correct += result.totals.correct;
        pos_.seen += result.totals.seen;
        pos_.global_step++;
        pos_.step_in_epoch++;
        report(result.loss, lr, passSteps);

        faultPoint("train.step");
        const int64_t every = cfg_.checkpoint.every_steps;
        if (every > 0 && pos_.global_step % every == 0 && pos_.step_in_epoch < passSteps && !persistLast())
            return stoppedByStorage();
    }
    return std::nullopt;
}

std::optional<RunOutcome> TrainingLoop::answerControl() {
    TrainingControl& control = parts_.control;
    DataParallel& parallel = parts_.parallel;
    if (!parallel.distributed() && control.pauseRequested()) {
        parts_.store.setStatus(runId_, run_status::kPaused);
        parts_.log(LogLevel::Info, "paused at step " + std::to_string(pos_.global_step));
        control.waitWhilePaused();
        parts_.store.markStarted(runId_, describeDevice(options_.device));
        parts_.log(LogLevel::Info, "resumed");
        window_.reset();
    }
    if (!parallel.any(control.stopRequested() || (parallel.distributed() && control.pauseRequested())))
        return std::nullopt;
    if (!persistLast()) return stoppedByStorage();
    if (leader_) parts_.store.setStatus(runId_, run_status::kStopped);
    if (parallel.distributed() && control.pauseRequested() && !control.stopRequested())
        parts_.log(LogLevel::Info, "a run of several processes stops instead of pausing (the others cannot wait "
                                   "indefinitely); Resume continues it from this checkpoint");
    parts_.log(LogLevel::Info, "stopped at step " + std::to_string(pos_.global_step) + "; `ferkd train --resume " +
                                   std::to_string(runId_) + "` continues it");
    return outcome(run_status::kStopped);
}

void TrainingLoop::report(double loss, double lr, int64_t passSteps) {
    const int64_t epochNow = acct_.epochOfStep(pos_.global_step);
    window_.add(loss);
    if (window_.steps() == cfg_.runtime.log_every || pos_.step_in_epoch == passSteps) {
        const auto [meanLoss, rate] = window_.close();
        pending_.push_back({pos_.global_step, epochNow, meanLoss, lr, rate, unixNow()});
    }
    StepReport r;
    r.run_id = runId_;
    r.epoch = epochNow;
    r.epochs = cfg_.schedule.epochs;
    r.step = pos_.global_step;
    r.step_in_epoch = pos_.step_in_epoch;
    r.steps_per_epoch = passSteps;
    r.steps_per_crop_epoch = acct_.stepsPerEpoch();
    r.total_steps = acct_.total_steps;
    r.loss = loss;
    r.lr = lr;
    r.images_per_sec = window_.rate();
    const double done = double(pos_.global_step - startStep_);
    r.eta_seconds = done > 0 ? secondsSince(runStart_) / done * double(acct_.total_steps - pos_.global_step) : -1;
    parts_.observer.step(r);
}

EvalResult TrainingLoop::evaluateOn(const BatchBuilder& split, const char* stage) {
    Classifier& model = parts_.run.ema ? parts_.run.ema->shadow() : *parts_.run.model;
    const int64_t n = split.dataset().size();
    const StageInfo info{runId_, stage, n};
    parts_.observer.stageStarted(info);
    return parts_.parallel.reduce(evaluate(model, split, options_.device, options_.evaluation_batch,
                                           [&](int64_t done, int64_t) { parts_.observer.stageProgress(info, done); },
                                           parts_.parallel.evaluationRange(n)));
}

std::optional<RunOutcome> TrainingLoop::endPass(int64_t pass, std::chrono::steady_clock::time_point passStart) {
    std::optional<EvalResult> val;
    if (parts_.run.val) val = evaluateOn(*parts_.run.val, "validate");
    const EvalResult test = evaluateOn(*parts_.run.test, "evaluate");
    EpochMetric m;
    m.epoch = acct_.epochAfter(pass);
    m.step = pos_.global_step;
    m.train_loss = pos_.seen > 0 ? pos_.loss_sum / pos_.seen : 0;
    m.train_top1 = pos_.seen > 0 ? 100.0 * pos_.correct / pos_.seen : 0;
    m.test_loss = test.loss;
    m.test_top1 = test.top1;
    m.test_top5 = test.top5;
    if (val) {
        m.val_loss = val->loss;
        m.val_top1 = val->top1;
        m.val_top5 = val->top5;
    }
    m.lr = learningRateAt(cfg_.schedule, cfg_.optim.lr, pos_.global_step - 1, acct_.stepsPerEpoch());
    m.seconds = secondsSince(passStart);  // the pass's steps and its evaluation
    const double selectBy = val ? val->top1 : test.top1;
    const bool best = selectBy > pos_.best_top1 || pass == 0;
    if (!parts_.checkpoints.persist([&] {
            parts_.store.addEpochMetric(runId_, m);
            if (best) parts_.store.setBestTop1(runId_, test.top1, m.val_top1);
        }))
        return stoppedByStorage();
    if (best) {
        bestTestTop1_ = test.top1;
        pos_.best_top1 = selectBy;
    }
    parts_.observer.epoch({runId_, cfg_.schedule.epochs, m, best});

    pos_.epoch = pass + 1;
    pos_.step_in_epoch = 0;
    pos_.loss_sum = pos_.correct = pos_.seen = 0;
    if (!parts_.checkpoints.persist([&] { parts_.checkpoints.saveEpochEnd(pos_, m.epoch, best, selectBy); }))
        return stoppedByStorage();
    return std::nullopt;
}

bool TrainingLoop::persistLast() {
    return parts_.checkpoints.persist([&] {
        flushLosses();
        parts_.checkpoints.saveLast(pos_);
    });
}

void TrainingLoop::flushLosses() {
    parts_.store.addStepMetrics(runId_, pending_);
    pending_.clear();
}

RunOutcome TrainingLoop::stoppedByStorage() {
    const std::string& fault = parts_.checkpoints.fault();
    if (leader_) bestEffort([&] { parts_.store.setStatus(runId_, run_status::kStopped, fault); });
    return outcome(run_status::kStopped,
                   fault + " (`ferkd train --resume " + std::to_string(runId_) + "` continues from the last checkpoint)");
}

RunOutcome TrainingLoop::outcome(const std::string& status, const std::string& message) const {
    return {runId_, status, bestTestTop1_, message};
}

}  // namespace ferkd
