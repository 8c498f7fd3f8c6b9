#pragma once
// While alive, signals steer `control`: Ctrl-C and SIGTERM ask it to stop (the run then
// checkpoints and ends cleanly; a second Ctrl-C ends the process at once), SIGUSR1
// pauses and SIGUSR2 resumes it (how `ferkd serve` steers the runs it started).
#include "runtime/training_control.h"

namespace ferkd::cli {

class ControlOnSignals {
public:
    explicit ControlOnSignals(TrainingControl& control);
    ~ControlOnSignals();
    ControlOnSignals(const ControlOnSignals&) = delete;
    ControlOnSignals& operator=(const ControlOnSignals&) = delete;
};

}  // namespace ferkd::cli
