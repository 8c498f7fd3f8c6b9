#pragma once
// A parallel-coordinates chart: one vertical axis per varying config field and a last
// one for the metric, one polyline per run through its values, coloured by the metric
// (low purple to high yellow). Logarithmic axes where a field's values span decades,
// evenly spaced categories for text fields. Clicking near a line highlights it and
// reports its run.
#include <QWidget>

#include <optional>
#include <vector>

#include "train/sweep_analysis.h"

namespace ferkd::ui {

class ParallelCoordinates : public QWidget {
    Q_OBJECT
public:
    explicit ParallelCoordinates(QWidget* parent = nullptr);

    void setData(const std::vector<ComparedRun>& runs, const std::vector<SweepAxis>& axes, SweepMetric metric);
    int lineCount() const { return int(lines_.size()); }
    QStringList axisNames() const;
    // The values a run's line passes through, one per axis (the metric last); empty when
    // the run draws no line (it has no value of the metric).
    std::vector<double> lineValues(qint64 runId) const;
    // The pixel where a run's line crosses an axis.
    QPointF linePoint(qint64 runId, int axis) const;
    // Where an axis's title is drawn: over its axis, moved inwards where the widget's edge
    // would cut it.
    QRectF titleRect(int axis) const;
    qint64 runAt(const QPointF& pos) const;  // the nearest line within a few pixels, else 0
    qint64 highlighted() const { return highlighted_; }
    void highlight(qint64 runId);

    QSize sizeHint() const override { return {600, 320}; }

Q_SIGNALS:
    void runClicked(qint64 runId);

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    struct Axis {
        QString name;
        bool log = false;
        double lo = 0, hi = 1;
        QStringList categories;  // non-empty: a categorical axis
    };
    struct Line {
        qint64 run = 0;
        QString name;
        std::vector<double> values;  // per axis
        double metric = 0;
    };
    QRectF plotArea() const;
    QPointF pointOf(const Line& line, int axis) const;  // where the line crosses that axis
    double axisX(int axis) const;
    QString titleOf(int axis) const;  // the axis's name, elided to its share of the width
    double valueY(int axis, double value) const;
    QColor lineColour(double metric) const;

    std::vector<Axis> axes_;
    std::vector<Line> lines_;
    double metricLo_ = 0, metricHi_ = 1;
    qint64 highlighted_ = 0;
};

}  // namespace ferkd::ui
