#pragma once
// While alive, Ctrl-C and SIGTERM ask `control` to stop (the run then checkpoints and
// ends cleanly); a second Ctrl-C ends the process at once.
#include "train/training_control.h"

namespace ferkd::cli {

class StopOnSignal {
public:
    explicit StopOnSignal(TrainingControl& control);
    ~StopOnSignal();
    StopOnSignal(const StopOnSignal&) = delete;
    StopOnSignal& operator=(const StopOnSignal&) = delete;
};

}  // namespace ferkd::cli
