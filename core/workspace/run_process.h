#pragma once
// The `ferkd train` (or `ferkd labels generate`) process of a run on this machine, found
// from the process id the store recorded when the run started, and steered by signals:
// SIGUSR1 pauses, SIGUSR2 resumes, SIGTERM stops (app/cli/control_on_signals.h). A run that trains inside the
// studio has the studio's process and is steered there, never by a signal.
#include <sys/types.h>

#include "workspace/workspace.h"

namespace ferkd {

// The run's process when it is alive and is a `ferkd train` or `ferkd labels generate`; 0 otherwise.
pid_t trainingProcess(const RunRecord& run);

enum class RunSignal { Pause, Resume, Stop };

// Sends the signal to the run's `ferkd train`; RunStateError saying why when the run is
// not training (or paused) in such a process.
void signalTrainingProcess(const RunRecord& run, RunSignal what);

}  // namespace ferkd
