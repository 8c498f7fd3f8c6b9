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
    std::string text = spec;
    // "@r": only the process of rank r (RANK, 0 when unset) of a distributed run.
    if (const auto at = text.find('@'); at != std::string::npos) {
        const char* rank = std::getenv("RANK");
        const bool mine = std::atol(text.c_str() + at + 1) == (rank ? std::atol(rank) : 0);
        text.resize(at);
        if (!mine) return;
    }
    const auto a = text.find(':'), b = text.rfind(':');
    if (a == std::string::npos || b == a) throw Error("FERKD_FAULT '" + spec + "': expected point:kill|enospc|hang:n[@rank]");
    fault.point = text.substr(0, a);
    fault.action = text.substr(a + 1, b - a - 1);
    fault.at = std::atol(text.c_str() + b + 1);
    if ((fault.action != "kill" && fault.action != "enospc" && fault.action != "hang") || fault.at < 1)
        throw Error("FERKD_FAULT '" + spec + "': expected point:kill|enospc|hang:n[@rank] with n >= 1");
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
    if (fault.action == "hang") ::kill(::getpid(), SIGSTOP);  // alive but silent, as a wedged rank
    throw FileError(name, "No space left on device (injected)");
}

void armFault(const std::string& spec) { arm(spec); }

}  // namespace ferkd
