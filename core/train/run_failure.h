#pragma once
// Why a run failed, as the run's status and the CLI say it: one line.
#include <cstdint>
#include <exception>
#include <string>

namespace ferkd {

// LibTorch's message without its stack trace (the first line of it); for an allocation
// that failed, "out of memory: " with what was asked for, `planSummary` (the memory plan
// of the run, when it had one) and how to resume; for a lost process, how to resume.
std::string runFailureMessage(const std::exception& e, int64_t runId, const std::string& planSummary);

}  // namespace ferkd
