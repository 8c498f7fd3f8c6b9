#include "train/local_parallel_run.h"

#include <unistd.h>

#include "dist/local_workers.h"
#include "dist/process_group.h"
#include "train/data_parallel.h"
#include "train/trainer.h"

namespace ferkd {

RunOutcome trainOnLocalProcesses(ExperimentStore& store, TrainingObserver& observer, TrainingControl& control,
                                 int64_t runId, int processes, const std::string& ferkdProgram) {
    try {
        if (::access(ferkdProgram.c_str(), X_OK) != 0)
            throw Error("a run of several processes starts " + ferkdProgram +
                        " for the other ranks, which is missing; install ferkd beside this program");
        const DistEnv env = localRunEnv(processes);
        LocalWorkers workers(ferkdProgram, {"--workspace", store.workspace(), "train", "--resume", std::to_string(runId)},
                             env);
        ProcessGroup group(env, std::chrono::minutes(5), /*cuda=*/torch::cuda::is_available(),
                           [&workers] { workers.requireAllRunning(); });
        agreeOnRun(&group, [&] { return runId; });
        Trainer trainer(store, observer, control, &group);
        RunOutcome outcome = trainer.run(runId);
        const bool failed = outcome.status == run_status::kFailed;
        for (const auto& problem : workers.wait(failed ? std::chrono::milliseconds(2000) : group.timeout()))
            observer.log(runId, LogLevel::Warning, problem);
        return outcome;
    } catch (const std::exception& e) {  // the processes could not start or meet
        try {
            store.setStatus(runId, run_status::kFailed, e.what());
            store.addEvent(runId, "error", e.what());
        } catch (const std::exception&) {
            // The store itself failed; the outcome still carries the message.
        }
        observer.log(runId, LogLevel::Error, e.what());
        RunOutcome outcome;
        outcome.run_id = runId;
        outcome.status = run_status::kFailed;
        outcome.message = e.what();
        return outcome;
    }
}

}  // namespace ferkd
