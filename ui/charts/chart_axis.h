#pragma once
// The x-axis of the metric charts: training steps, epochs (fractional for step
// metrics), wall-clock time, or time since the run's first logged step. A run's
// timeline turns its step and epoch metrics into keys on the chosen axis.
#include <QString>

#include <cstdint>
#include <map>

#include "store/experiment_store.h"

class QCPAxis;

namespace ferkd::ui {

enum class XAxisMode { Step, Epoch, WallTime, RelativeTime };

class RunTimeline {
public:
    // Steps per epoch from the run's metrics (0 while unknown: epoch keys are then steps).
    void learn(const std::vector<StepMetric>& steps, const std::vector<EpochMetric>& epochs);
    void setStepsPerEpoch(double steps) { stepsPerEpoch_ = steps; }
    void addStepTime(int64_t step, double unixTime);

    double stepKey(XAxisMode mode, int64_t step, double unixTime) const;
    double epochKey(XAxisMode mode, const EpochMetric& m) const;

private:
    double timeAtStep(int64_t step) const;  // of the last logged step at or before `step`

    double stepsPerEpoch_ = 0;  // in the config's epochs (fractional: FKD's accounting)
    double origin_ = 0;  // unix time of the first logged step
    std::map<int64_t, double> stepTimes_;
};

QString axisLabel(XAxisMode mode);
// Date-time ticks for wall time, h:mm:ss for relative time, numbers otherwise.
void applyTicker(QCPAxis* axis, XAxisMode mode);

}  // namespace ferkd::ui
