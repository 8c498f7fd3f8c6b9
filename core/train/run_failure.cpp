#include "train/run_failure.h"

#include <c10/util/Exception.h>

#include <new>

#include "dist/process_group.h"

namespace ferkd {

std::string runFailureMessage(const std::exception& e, int64_t runId, const std::string& planSummary) {
    const std::string resume = "; `ferkd train --resume " + std::to_string(runId) + "` continues from the last checkpoint";
    if (dynamic_cast<const DistributedError*>(&e)) return e.what() + resume;
    const auto* torchError = dynamic_cast<const c10::Error*>(&e);
    std::string text = torchError ? torchError->what_without_backtrace() : e.what();
    text = text.substr(0, text.find('\n'));
    const bool outOfMemory = dynamic_cast<const std::bad_alloc*>(&e) || text.find("can't allocate memory") != std::string::npos ||
                             text.find("out of memory") != std::string::npos;
    if (!outOfMemory) return text;
    return "out of memory: " + text + (planSummary.empty() ? "" : " (memory plan: " + planSummary + ")") + resume +
           " (with runtime.micro_batch = 0 the micro-batch is planned again where it starts)";
}

}  // namespace ferkd
