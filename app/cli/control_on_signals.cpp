#include "stop_on_signal.h"

#include <csignal>

namespace ferkd::cli {
namespace {

TrainingControl* gControl = nullptr;

extern "C" void onStopSignal(int) {
    if (gControl) gControl->requestStop();
    std::signal(SIGINT, SIG_DFL);
}

}  // namespace

StopOnSignal::StopOnSignal(TrainingControl& control) {
    gControl = &control;
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
}

StopOnSignal::~StopOnSignal() {
    gControl = nullptr;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

}  // namespace ferkd::cli
