#pragma once
// Live and stored training curves of one or more runs (QCustomPlot): loss per step
// (raw and smoothed) and per epoch, test top-1/top-5 and train top-1 per epoch, and the
// learning rate. Drag to pan, wheel to zoom, double-click to fit, hover for values;
// several runs overlay in their own colours.
#include <QMap>
#include <QWidget>

#include <vector>

#include "store/experiment_store.h"
#include "train/training_observer.h"

class QCustomPlot;
class QCPGraph;
class QCheckBox;
class QSlider;

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

    // Points of one curve of a run: "loss", "smoothed", "train_loss", "test_loss",
    // "test_top1", "test_top5", "train_top1", "lr".
    int pointCount(qint64 runId, const QString& curve) const;
    double smoothing() const;
    void setSmoothing(double weight);  // 0 (none) .. 0.99, an exponential moving average
    void setLogLoss(bool on);

    bool saveImage(const QString& path, QString* error) const;  // .png or .pdf

private:
    struct Curves {
        QMap<QString, QCPGraph*> graphs;
        double smoothed = 0;
        bool hasSmoothed = false;
    };
    void addRun(const RunSeries& run, int index);
    void addStepPoint(Curves& c, const StepMetric& m);
    void addEpochPoint(Curves& c, const EpochMetric& m);
    void recomputeSmoothing();
    void replotAll(bool rescale);
    void showHover(QCustomPlot* plot, QMouseEvent* event);
    void redrawBands();

    QCustomPlot *loss_ = nullptr, *accuracy_ = nullptr, *lr_ = nullptr;
    QSlider* smoothingSlider_ = nullptr;
    QCheckBox *logAxis_ = nullptr, *seedBands_ = nullptr;
    std::vector<std::vector<qint64>> seedGroups_;
    std::vector<QCPGraph*> bands_;  // mean, upper, lower per group
    QMap<qint64, Curves> runs_;
};

}  // namespace ferkd::ui
