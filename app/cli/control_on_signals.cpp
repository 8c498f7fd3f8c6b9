#include "control_on_signals.h"

#include <csignal>

namespace ferkd::cli {
namespace {

TrainingControl* gControl = nullptr;

extern "C" void onStopSignal(int) {
    if (gControl) gControl->requestStop();
    std::signal(SIGINT, SIG_DFL);
}

extern "C" void onPauseSignal(int) {
    if (gControl) gControl->requestPause();
}

extern "C" void onResumeSignal(int) {
    if (gControl) gControl->resume();
}

}  // namespace

ControlOnSignals::ControlOnSignals(TrainingControl& control) {
    gControl = &control;
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGUSR1, onPauseSignal);
    std::signal(SIGUSR2, onResumeSignal);
}

ControlOnSignals::~ControlOnSignals() {
    gControl = nullptr;
    for (int s : {SIGINT, SIGTERM, SIGUSR1, SIGUSR2}) std::signal(s, SIG_DFL);
}

}  // namespace ferkd::cli
