#include "charts/chart_axis.h"

#include <QCoreApplication>
#include <qcustomplot.h>

namespace ferkd::ui {

void RunTimeline::learn(const std::vector<StepMetric>& steps, const std::vector<EpochMetric>& epochs) {
    for (const auto& s : steps) addStepTime(s.step, s.time);
    if (!epochs.empty() && epochs.front().epoch > 0) {
        stepsPerEpoch_ = double(epochs.front().step) / double(epochs.front().epoch);
        return;
    }
    // Before the first epoch ends: the last step logged in epoch 1, once epoch 2 began.
    int64_t lastOfFirst = 0;
    bool secondBegan = false;
    for (const auto& s : steps) {
        if (s.epoch == 1) lastOfFirst = std::max(lastOfFirst, s.step);
        secondBegan = secondBegan || s.epoch >= 2;
    }
    if (secondBegan) stepsPerEpoch_ = double(lastOfFirst);
}

void RunTimeline::addStepTime(int64_t step, double unixTime) {
    if (unixTime <= 0) return;
    if (stepTimes_.empty() || unixTime < origin_) origin_ = unixTime;
    stepTimes_[step] = unixTime;
}

double RunTimeline::timeAtStep(int64_t step) const {
    if (stepTimes_.empty()) return 0;
    auto it = stepTimes_.upper_bound(step);
    if (it == stepTimes_.begin()) return it->second;
    return std::prev(it)->second;
}

double RunTimeline::stepKey(XAxisMode mode, int64_t step, double unixTime) const {
    switch (mode) {
    case XAxisMode::Step: return double(step);
    case XAxisMode::Epoch: return stepsPerEpoch_ > 0 ? double(step) / stepsPerEpoch_ : double(step);
    case XAxisMode::WallTime: return unixTime;
    case XAxisMode::RelativeTime: return unixTime - origin_;
    }
    return double(step);
}

double RunTimeline::epochKey(XAxisMode mode, const EpochMetric& m) const {
    switch (mode) {
    case XAxisMode::Step: return double(m.step);
    case XAxisMode::Epoch: return double(m.epoch);
    case XAxisMode::WallTime: return timeAtStep(m.step);
    case XAxisMode::RelativeTime: return timeAtStep(m.step) - origin_;
    }
    return double(m.epoch);
}

QString axisLabel(XAxisMode mode) {
    switch (mode) {
    case XAxisMode::Step: return QCoreApplication::translate("ferkd::ui::MetricsChart", "step");
    case XAxisMode::Epoch: return QCoreApplication::translate("ferkd::ui::MetricsChart", "epoch");
    case XAxisMode::WallTime: return QCoreApplication::translate("ferkd::ui::MetricsChart", "wall time");
    case XAxisMode::RelativeTime: return QCoreApplication::translate("ferkd::ui::MetricsChart", "time since the first step (h:mm:ss)");
    }
    return {};
}

void applyTicker(QCPAxis* axis, XAxisMode mode) {
    if (mode == XAxisMode::WallTime) {
        QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
        ticker->setDateTimeFormat("hh:mm\nMM-dd");
        axis->setTicker(ticker);
    } else if (mode == XAxisMode::RelativeTime) {
        QSharedPointer<QCPAxisTickerTime> ticker(new QCPAxisTickerTime);
        ticker->setTimeFormat("%h:%m:%s");
        axis->setTicker(ticker);
    } else {
        axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    axis->setLabel(axisLabel(mode));
}

}  // namespace ferkd::ui
