#pragma once
// The sweep view of the selected runs (a sweep's runs, or any selection): the
// parallel-coordinates chart of the config fields that vary and a chosen metric, and the
// metric against one chosen field as mean ± std over the runs sharing its value (the
// seeds).
#include <QWidget>

#include <vector>

#include "train/sweep_analysis.h"

class QComboBox;
class QCustomPlot;
class QLabel;

namespace ferkd::ui {

class ParallelCoordinates;

class SweepView : public QWidget {
    Q_OBJECT
public:
    explicit SweepView(QWidget* parent = nullptr);
    void setRuns(const std::vector<ComparedRun>& runs);
    void setMetric(SweepMetric metric);
    void setField(const QString& field);  // the field of the metric-against-field chart
    ParallelCoordinates* parallel() const { return parallel_; }
    // The metric-against-field chart's points: x, mean, std, in x order.
    std::vector<FieldGroup> fieldPoints() const { return points_; }

Q_SIGNALS:
    void runClicked(qint64 runId);

private:
    void redraw();
    void drawFieldChart();

    std::vector<ComparedRun> runs_;
    std::vector<SweepAxis> axes_;
    std::vector<FieldGroup> points_;
    QComboBox *metric_ = nullptr, *field_ = nullptr;
    ParallelCoordinates* parallel_ = nullptr;
    QCustomPlot* byField_ = nullptr;
    QLabel* summary_ = nullptr;
};

}  // namespace ferkd::ui
