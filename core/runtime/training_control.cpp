#include "runtime/training_control.h"

#include <chrono>
#include <thread>

#include "runtime/training_observer.h"

namespace ferkd {

void TrainingControl::waitWhilePaused() const {
    while (pause_.load() && !stop_.load()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

const char* logLevelName(LogLevel level) {
    switch (level) {
    case LogLevel::Info: return "info";
    case LogLevel::Warning: return "warning";
    case LogLevel::Error: return "error";
    }
    return "info";
}

}  // namespace ferkd
