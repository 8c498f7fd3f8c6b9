#include "train/checkpoint_policy.h"

#include <algorithm>
#include <filesystem>

#include "store/run_files.h"

namespace ferkd {
namespace fs = std::filesystem;

void bestEffort(const std::function<void()>& write) {
    try {
        write();
    } catch (const std::exception&) {
    }
}

CheckpointPolicy::CheckpointPolicy(ExperimentStore& store, TrainingObserver& observer, TrainingControl& control,
                                   DataParallel& parallel, int64_t runId, const CheckpointConfig& config,
                                   const StepAccounting& accounting, CheckpointContent state)
    : store_(store), observer_(observer), control_(control), parallel_(parallel), runId_(runId), config_(config),
      accounting_(accounting), state_(std::move(state)), lastPath_(checkpointPath(store, runId, "last")),
      bestPath_(checkpointPath(store, runId, "best")) {}

bool CheckpointPolicy::persist(const std::function<void()>& write) {
    auto attempt = [&] {
        for (;;) {
            try {
                write();
                return true;
            } catch (const std::exception& e) {
                fault_ = std::string("cannot save: ") + e.what() + "; free disk space, then resume";
            }
            bestEffort([&] { store_.setStatus(runId_, run_status::kPaused, fault_); });
            bestEffort([&] { store_.addEvent(runId_, "error", fault_); });
            observer_.log(runId_, LogLevel::Error, fault_);
            if (!control_.pauseOnStorageFault() || parallel_.distributed()) return false;
            // Pause before telling the observer: the studio enables Resume on this signal
            // and reads the pause flag then.
            control_.requestPause();
            observer_.stageStarted({runId_, "paused", 0});
            control_.waitWhilePaused();
            if (control_.stopRequested()) return false;
            observer_.log(runId_, LogLevel::Info, "retrying the save");
        }
    };
    const bool ok = parallel_.leader() ? attempt() : true;
    const bool all = parallel_.distributed() ? !parallel_.any(!ok) : ok;
    if (!all && !parallel_.leader()) fault_ = "rank 0 could not save";
    return all;
}

void CheckpointPolicy::save(const std::string& path, const std::string& kind, const TrainingPosition& position,
                            double top1) {
    observer_.stageStarted({runId_, "checkpoint", 0});
    CheckpointContent content = state_;
    content.position = position;
    saveCheckpoint(path, content);
    store_.addCheckpoint(
        {runId_, path, kind, accounting_.epochsAfterPasses(position.epoch), position.global_step, top1, 0});
}

void CheckpointPolicy::saveLast(const TrainingPosition& position) {
    save(lastPath_, "last", position, position.best_top1);
}

void CheckpointPolicy::saveEpochEnd(const TrainingPosition& position, int64_t epochNumber, bool best, double selectBy) {
    saveLast(position);
    if (best && config_.keep_best) save(bestPath_, "best", position, position.best_top1);
    if (config_.keep_top_k > 0) keepTopK(position, epochNumber, selectBy);
}

void CheckpointPolicy::keepTopK(const TrainingPosition& position, int64_t epochNumber, double top1) {
    std::vector<CheckpointRecord> kept;
    for (const auto& c : store_.checkpoints(runId_))
        if (c.kind.rfind("epoch", 0) == 0) kept.push_back(c);
    auto worst = std::min_element(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.top1 < b.top1; });
    const bool full = int(kept.size()) >= config_.keep_top_k;
    if (full && (worst == kept.end() || top1 <= worst->top1)) return;
    const std::string kind = "epoch" + std::to_string(epochNumber);
    save(checkpointPath(store_, runId_, kind), kind, position, top1);
    if (full) {
        store_.removeCheckpoint(runId_, worst->path);
        std::error_code ec;
        fs::remove(worst->path, ec);
    }
}

}  // namespace ferkd
