#pragma once
// Live and stored training curves of one or more runs (QCustomPlot), one titled chart
// per quantity: train loss per step (raw, faded, behind the smoothed line), loss per
// epoch (train / val / test), top-1, top-5, learning rate and throughput. Every line is
// in its run's colour and named in the legend as "run: series". The x-axis is steps,
// epochs, wall time or time since the start; the y-axis can be logarithmic (the loss and
// learning-rate charts) and can ignore outliers. Drag to pan, wheel to zoom,
// double-click to fit, hover for values.
#include <QMap>
#include <QWidget>

#include <vector>

#include "charts/chart_axis.h"
#include "runtime/training_observer.h"
#include "store/experiment_store.h"

class QCustomPlot;
class QCPGraph;
class QCheckBox;
class QLabel;
class QComboBox;
class QSlider;
class QTimer;

namespace ferkd::ui {

struct RunSeries {
    qint64 id = 0;
    QString name;
    std::vector<StepMetric> steps;
    std::vector<EpochMetric> epochs;
};

class MetricsChart : public QWidget {
    Q_OBJECT
public:
    explicit MetricsChart(QWidget* parent = nullptr);

    // Replaces what is shown with these runs (read from the store).
    void setRuns(const std::vector<RunSeries>& runs);
    // Runs that differ only in their seed (from the core's groupBySeed); with the
    // "mean ± std" box on, each group of two or more is drawn as its mean test top-1 with
    // a band of one sample standard deviation instead of one curve per run.
    void setSeedGroups(const std::vector<std::vector<qint64>>& groups);
    void setSeedBands(bool on);
    int bandCount() const { return int(bands_.size() / 3); }  // groups drawn as a band

    // Live points for a shown run; others are ignored.
    void appendStep(const StepReport& report);
    void appendEpoch(const EpochReport& report);
    // The live points may repeat ones the chart has (a server's rows overlap the history
    // read when the run was shown): steps and epochs at or before its last are skipped.
    void setSkipsKnownPoints(bool skip) { skipKnown_ = skip; }

    // Curves of a run: "loss", "smoothed", "train_loss", "val_loss", "test_loss",
    // "train_top1", "val_top1", "test_top1", "val_top5", "test_top5", "lr", "throughput".
    int pointCount(qint64 runId, const QString& curve) const;
    QVector<double> pointKeys(qint64 runId, const QString& curve) const;  // x of each point
    // The charts by key ("loss", "epoch_loss", "top1", "top5", "lr", "throughput").
    QStringList chartKeys() const;
    QString chartTitle(const QString& chart) const;
    QStringList legendNames(const QString& chart) const;  // what the chart's legend lists now
    int drawnSeriesCount(const QString& chart) const;     // lines with points (bands excluded)

    double smoothing() const;
    void setSmoothing(double weight);  // 0 (none) .. 0.99, an exponential moving average
    void setLogScale(bool on);         // the loss and learning-rate charts
    void setIgnoreOutliers(bool on);
    void setXAxis(XAxisMode mode);
    XAxisMode xAxis() const { return xMode_; }

    bool saveImage(const QString& path, QString* error) const;  // .png or .pdf
    bool showsEmptyHint() const;  // no run shown: the charts say how to show one

private:
    struct Run {
        QString name;
        int colour = 0;
        std::vector<StepMetric> steps;
        std::vector<EpochMetric> epochs;
        RunTimeline timeline;
        QMap<QString, QCPGraph*> graphs;
        double smoothed = 0;
        bool hasSmoothed = false;
    };
    struct Chart {
        QString key;
        QCustomPlot* plot = nullptr;
        bool logCapable = false;
    };
    void rebuild();  // all curves from the runs' metrics on the current axis
    void addRunGraphs(qint64 id, Run& run);
    void addStepPoint(Run& run, const StepMetric& m);
    void addEpochPoint(Run& run, const EpochMetric& m);
    void addSmoothedPoint(Run& run, double x, double loss);
    void resmooth();
    void replotAll(bool rescale);
    void scheduleLiveReplot();
    void fitValues(QCustomPlot* plot);
    void showHover(QCustomPlot* plot, QMouseEvent* event);
    void redrawBands();
    QCustomPlot* plotOf(const QString& chart) const;

    std::vector<Chart> charts_;
    QSlider* smoothingSlider_ = nullptr;
    QLabel* emptyHint_ = nullptr;  // what to do when no run is shown
    QComboBox* xAxisBox_ = nullptr;
    QCheckBox *logAxis_ = nullptr, *ignoreOutliers_ = nullptr, *seedBands_ = nullptr;
    QTimer* liveReplot_ = nullptr;
    bool skipKnown_ = false;
    XAxisMode xMode_ = XAxisMode::Step;
    std::vector<std::vector<qint64>> seedGroups_;
    std::vector<QCPGraph*> bands_;  // mean, upper, lower per group
    QMap<qint64, Run> runs_;
    QList<qint64> order_;  // the runs in the order they were given
};

}  // namespace ferkd::ui
