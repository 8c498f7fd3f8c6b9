#include "charts/sweep_view.h"

#include <algorithm>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "charts/chart_legend.h"
#include "charts/chart_style.h"
#include "charts/parallel_coordinates.h"
#include "charts/plot_refresh.h"

namespace ferkd::ui {

SweepView::SweepView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Metric")));
    metric_ = new QComboBox;
    metric_->setObjectName("sweepMetric");
    metric_->addItem(tr("best test top-1 %"), int(SweepMetric::BestTest));
    metric_->addItem(tr("best val top-1 %"), int(SweepMetric::BestVal));
    metric_->addItem(tr("last test top-1 %"), int(SweepMetric::LastTest));
    controls->addWidget(metric_);
    controls->addSpacing(16);
    controls->addWidget(new QLabel(tr("Against")));
    field_ = new QComboBox;
    field_->setObjectName("sweepField");
    field_->setMinimumContentsLength(14);
    field_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    controls->addWidget(field_);
    summary_ = new QLabel;
    summary_->setObjectName("sweepSummary");
    summary_->setWordWrap(true);  // long counts wrap instead of widening the tab
    summary_->setMinimumWidth(120);
    controls->addWidget(summary_, 1);
    layout->addLayout(controls);

    auto* split = new QSplitter(Qt::Vertical);
    parallel_ = new ParallelCoordinates;
    parallel_->setObjectName("parallelCoordinates");
    parallel_->setToolTip(tr("One line per run through the settings that vary, coloured by the metric; click a line"));
    split->addWidget(parallel_);
    byField_ = makeTitledPlot(tr("Metric against one setting: mean ± std over the runs that share its value"), 200);
    byField_->setObjectName("sweepByField");
    placeLegendBelow(byField_, 2);
    split->addWidget(byField_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(metric_, &QComboBox::currentIndexChanged, this, &SweepView::redraw);
    connect(field_, &QComboBox::currentIndexChanged, this, &SweepView::drawFieldChart);
    connect(parallel_, &ParallelCoordinates::runClicked, this, &SweepView::runClicked);
    redraw();
}

void SweepView::setRuns(const std::vector<ComparedRun>& runs) {
    runs_ = runs;
    axes_ = sweepAxes(runs_);
    const QString keep = field_->currentText();
    {
        const QSignalBlocker block(field_);
        field_->clear();
        for (const auto& a : axes_) field_->addItem(QString::fromStdString(a.field));
        const int i = field_->findText(keep);
        if (i >= 0) field_->setCurrentIndex(i);
    }
    redraw();
}

void SweepView::setMetric(SweepMetric metric) { metric_->setCurrentIndex(metric_->findData(int(metric))); }

void SweepView::setField(const QString& field) {
    const int i = field_->findText(field);
    if (i >= 0) field_->setCurrentIndex(i);
}

void SweepView::redraw() {
    const auto metric = SweepMetric(metric_->currentData().toInt());
    parallel_->setData(runs_, axes_, metric);
    summary_->setText(runs_.size() < 2 ? tr("Select the runs of a sweep.")
                                       : tr("%n run(s), %1 setting(s) vary, %2 with the metric", nullptr, int(runs_.size()))
                                             .arg(axes_.size())
                                             .arg(parallel_->lineCount()));
    drawFieldChart();
}

void SweepView::drawFieldChart() {
    byField_->clearPlottables();
    points_.clear();
    const int index = field_->currentIndex();
    const auto metric = SweepMetric(metric_->currentData().toInt());
    byField_->yAxis->setLabel(QString::fromUtf8(sweepMetricName(metric)));
    if (index < 0 || index >= int(axes_.size())) {
        byField_->xAxis->setLabel({});
        replotWhenShown(byField_);
        return;
    }
    const SweepAxis& axis = axes_[size_t(index)];
    points_ = metricByField(runs_, axis, metric);
    byField_->xAxis->setLabel(QString::fromStdString(axis.field));
    byField_->xAxis->setScaleType(axis.log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    // A sweep has a few values per field: ticks at exactly those, named as the config writes them.
    QSharedPointer<QCPAxisTickerText> ticks(new QCPAxisTickerText);
    if (!axis.numeric) {
        for (size_t c = 0; c < axis.categories.size(); ++c) ticks->addTick(double(c), QString::fromStdString(axis.categories[c]));
        byField_->xAxis->setTicker(ticks);
    } else if (points_.size() <= 12) {
        for (const auto& p : points_) ticks->addTick(p.x, QString::fromStdString(p.label));
        byField_->xAxis->setTicker(ticks);
    } else if (axis.log) {
        byField_->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    } else {
        byField_->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    QVector<double> x, mean, err;
    for (const auto& p : points_) x << p.x, mean << p.metric.mean, err << p.metric.std;
    QCPGraph* g = byField_->addGraph();
    g->setName(tr("mean"));
    g->setPen(QPen(runColour(0), 1.8));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 7));
    g->setData(x, mean, true);
    listInLegend(g);
    auto* bars = new QCPErrorBars(byField_->xAxis, byField_->yAxis);
    bars->setName(tr("± std over seeds"));
    bars->setDataPlottable(g);
    bars->setData(err);
    bars->setPen(QPen(runColour(0), 1.4));
    listInLegend(bars);
    showLegendBelow(byField_, !points_.empty());
    byField_->rescaleAxes();
    // Room around the points, and the error bars inside the frame.
    double lo = 1e300, hi = -1e300;
    for (const auto& p : points_) lo = std::min(lo, p.metric.mean - p.metric.std), hi = std::max(hi, p.metric.mean + p.metric.std);
    if (!points_.empty()) byField_->yAxis->setRange(lo - 0.1 * (hi - lo) - 0.5, hi + 0.1 * (hi - lo) + 0.5);
    if (axis.log) byField_->xAxis->setRange(byField_->xAxis->range().lower / 1.5, byField_->xAxis->range().upper * 1.5);
    else byField_->xAxis->scaleRange(1.15, byField_->xAxis->range().center());
    replotWhenShown(byField_);
}

}  // namespace ferkd::ui
