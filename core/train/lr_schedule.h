#pragma once
// Learning rate per step: linear warmup from warmup_lr to the peak, then cosine down
// to min_lr (or constant). The loop owns the step counter and asks for each step.
#include <cstdint>

#include "config/run_config.h"

namespace ferkd {

// `stepsPerEpoch` in the config's epochs: fractional where a pass over the images counts
// several (FKD's accounting, config/step_accounting.h).
double learningRateAt(const ScheduleConfig& schedule, double peakLr, int64_t step, double stepsPerEpoch);

}  // namespace ferkd
