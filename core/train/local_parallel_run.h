#pragma once
// A data-parallel training run on this machine started from inside a program (the
// studio): rank 0 trains on the calling thread, observed like any run, and ranks
// 1..N-1 are `ferkd train` processes that join its process group. Free of torch headers.
#include <cstdint>
#include <string>

#include "runtime/training_control.h"
#include "runtime/training_observer.h"
#include "store/experiment_store.h"

namespace ferkd {

// Trains run `runId` on `processes` processes; `ferkdProgram` is the ferkd executable
// the other ranks run. Errors (a program missing, ranks that cannot meet, a rank that
// dies) end the run "failed" with the reason; they do not escape.
RunOutcome trainOnLocalProcesses(ExperimentStore& store, TrainingObserver& observer, TrainingControl& control,
                                 int64_t runId, int processes, const std::string& ferkdProgram);

}  // namespace ferkd
