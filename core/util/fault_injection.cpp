#include "util/fault_injection.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <mutex>

#include "util/error.h"

namespace ferkd {
namespace {

struct ArmedFault {
    std::string point, action;
    long at = 0, hits = 0;
};

std::mutex mutex;
ArmedFault fault;
std::atomic<bool> armed{false};

void arm(const std::string& spec) {
    std::lock_guard<std::mutex> lock(mutex);
    fault = {};
    armed.store(false);
    if (spec.empty()) return;
    const auto a = spec.find(':'), b = spec.rfind(':');
    if (a == std::string::npos || b == a) throw Error("FERKD_FAULT '" + spec + "': expected point:kill|enospc:n");
    fault.point = spec.substr(0, a);
    fault.action = spec.substr(a + 1, b - a - 1);
    fault.at = std::atol(spec.c_str() + b + 1);
    if ((fault.action != "kill" && fault.action != "enospc") || fault.at < 1)
        throw Error("FERKD_FAULT '" + spec + "': expected point:kill|enospc:n with n >= 1");
    armed.store(true);
}

// The environment is read once, before main's threads start.
[[maybe_unused]] const bool fromEnvironment = [] {
    if (const char* spec = std::getenv("FERKD_FAULT")) arm(spec);
    return true;
}();

}  // namespace

void faultPoint(const char* name) {
    if (!armed.load(std::memory_order_relaxed)) return;
    std::lock_guard<std::mutex> lock(mutex);
    if (fault.point != name || ++fault.hits != fault.at) return;
    if (fault.action == "kill") ::kill(::getpid(), SIGKILL);
    throw FileError(name, "No space left on device (injected)");
}

void armFault(const std::string& spec) { arm(spec); }

}  // namespace ferkd
