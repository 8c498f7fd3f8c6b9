#include "train/lr_schedule.h"

#include <algorithm>
#include <cmath>

namespace ferkd {

double learningRateAt(const ScheduleConfig& s, double peakLr, int64_t step, double stepsPerEpoch) {
    const double warmup = s.warmup_epochs * stepsPerEpoch;
    const double total = double(s.epochs) * stepsPerEpoch;
    if (step < warmup) return s.warmup_lr + (peakLr - s.warmup_lr) * double(step) / warmup;
    if (s.lr_schedule == "constant") return peakLr;
    double progress = total > warmup ? std::clamp((double(step) - warmup) / (total - warmup), 0.0, 1.0) : 1.0;
    return s.min_lr + 0.5 * (peakLr - s.min_lr) * (1.0 + std::cos(M_PI * progress));
}

}  // namespace ferkd
