// Seconds elapsed on the steady clock: what every timer of the core reports.
#pragma once

#include <chrono>

namespace ferkd {

inline double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace ferkd
