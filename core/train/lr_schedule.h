#pragma once
// Learning rate per step: linear warmup from warmup_lr to the peak, then cosine down
// to min_lr (or constant). The loop owns the step counter and asks for each step.
#include <cstdint>

#include "config/run_config.h"

namespace ferkd {

double learningRateAt(const ScheduleConfig& schedule, double peakLr, int64_t step, int64_t stepsPerEpoch);

}  // namespace ferkd
