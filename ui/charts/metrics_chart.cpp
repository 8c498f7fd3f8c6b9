#include "charts/metrics_chart.h"

#include <algorithm>
#include <optional>

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPdfWriter>
#include <QScrollArea>
#include <QSlider>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "charts/chart_legend.h"
#include "charts/chart_style.h"
#include "util/statistics.h"
#include "charts/plot_refresh.h"

namespace ferkd::ui {

namespace {

struct ChartSpec {
    const char* key;
    const char* title;
    const char* yLabel;
    bool logCapable;
};

constexpr int kPlotHeight = 220;  // a chart's height without its legend
// Two columns of charts side by side from 560 px: no horizontal scroll bar beside the
// runs table at 1366 px (legends elide their names rather than widen a chart).
constexpr int kPlotMinimumWidth = 270;

// One chart per quantity, in reading order (two columns).
const ChartSpec kCharts[] = {
    {"loss", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "Train loss per step"), QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "loss"), true},
    {"epoch_loss", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "Loss per epoch"), QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "loss"), true},
    {"top1", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "Top-1 accuracy"), QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "top-1 %"), false},
    {"top5", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "Top-5 accuracy"), QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "top-5 %"), false},
    {"lr", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "Learning rate"), QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "learning rate"), true},
    {"throughput", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "Throughput"), QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "images / s"), false},
};

// Curves logged every few steps.
struct StepCurve {
    const char* key;
    const char* chart;
    const char* label;
    int alpha;  // the raw loss fades behind its smoothed line
    double (*value)(const StepMetric&);
};
const StepCurve kStepCurves[] = {
    {"loss", "loss", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "raw"), 55, [](const StepMetric& m) { return m.loss; }},
    {"smoothed", "loss", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "smoothed"), 255, nullptr},
    {"lr", "lr", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "lr"), 255, [](const StepMetric& m) { return m.lr; }},
    {"throughput", "throughput", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "images/s"), 255,
     [](const StepMetric& m) { return m.images_per_sec; }},
};

// Curves of each epoch's end; the split tells the line style (train dashed, val
// dash-dotted, test solid).
struct EpochCurve {
    const char* key;
    const char* chart;
    const char* label;
    Qt::PenStyle style;
    std::optional<double> (*value)(const EpochMetric&);
};
const EpochCurve kEpochCurves[] = {
    {"train_loss", "epoch_loss", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "train"), Qt::DashLine,
     [](const EpochMetric& m) -> std::optional<double> { return m.train_loss; }},
    {"val_loss", "epoch_loss", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "val"), Qt::DashDotLine,
     [](const EpochMetric& m) { return m.val_loss; }},
    {"test_loss", "epoch_loss", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "test"), Qt::SolidLine,
     [](const EpochMetric& m) -> std::optional<double> { return m.test_loss; }},
    {"train_top1", "top1", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "train"), Qt::DashLine,
     [](const EpochMetric& m) -> std::optional<double> { return m.train_top1; }},
    {"val_top1", "top1", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "val"), Qt::DashDotLine,
     [](const EpochMetric& m) { return m.val_top1; }},
    {"test_top1", "top1", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "test"), Qt::SolidLine,
     [](const EpochMetric& m) -> std::optional<double> { return m.test_top1; }},
    {"val_top5", "top5", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "val"), Qt::DashDotLine,
     [](const EpochMetric& m) { return m.val_top5; }},
    {"test_top5", "top5", QT_TRANSLATE_NOOP("ferkd::ui::MetricsChart", "test"), Qt::SolidLine,
     [](const EpochMetric& m) -> std::optional<double> { return m.test_top5; }},
};

// The tables' texts, translated in the class's context.
QString chartText(const char* text) { return QCoreApplication::translate("ferkd::ui::MetricsChart", text); }

}  // namespace

MetricsChart::MetricsChart(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("x-axis")));
    xAxisBox_ = new QComboBox;
    xAxisBox_->setObjectName("xAxisMode");
    xAxisBox_->addItem(tr("Step"), int(XAxisMode::Step));
    xAxisBox_->addItem(tr("Epoch"), int(XAxisMode::Epoch));
    xAxisBox_->addItem(tr("Wall time"), int(XAxisMode::WallTime));
    xAxisBox_->addItem(tr("Relative time"), int(XAxisMode::RelativeTime));
    connect(xAxisBox_, &QComboBox::currentIndexChanged, this,
            [this] { setXAxis(XAxisMode(xAxisBox_->currentData().toInt())); });
    controls->addWidget(xAxisBox_);
    controls->addWidget(new QLabel(tr("Smoothing")));
    smoothingSlider_ = new QSlider(Qt::Horizontal);
    smoothingSlider_->setObjectName("smoothingSlider");
    smoothingSlider_->setRange(0, 99);
    smoothingSlider_->setValue(60);
    smoothingSlider_->setToolTip(tr("Exponential moving average of the step loss"));
    connect(smoothingSlider_, &QSlider::valueChanged, this, &MetricsChart::resmooth);
    controls->addWidget(smoothingSlider_, 1);
    logAxis_ = new QCheckBox(tr("Log scale"));
    logAxis_->setObjectName("logAxis");
    logAxis_->setToolTip(tr("Logarithmic y-axis for the loss and learning-rate charts"));
    connect(logAxis_, &QCheckBox::toggled, this, &MetricsChart::setLogScale);
    controls->addWidget(logAxis_);
    ignoreOutliers_ = new QCheckBox(tr("Ignore outliers"));
    ignoreOutliers_->setObjectName("ignoreOutliers");
    ignoreOutliers_->setToolTip(tr("Fit the y-axis to the 2nd..98th percentile of the values"));
    connect(ignoreOutliers_, &QCheckBox::toggled, this, &MetricsChart::setIgnoreOutliers);
    controls->addWidget(ignoreOutliers_);
    seedBands_ = new QCheckBox(tr("Seeds: mean ± std"));
    seedBands_->setObjectName("seedBands");
    seedBands_->setToolTip(tr("Runs that differ only in their seed as one mean test top-1 curve with a band"));
    connect(seedBands_, &QCheckBox::toggled, this, &MetricsChart::setSeedBands);
    controls->addWidget(seedBands_);
    layout->addLayout(controls);
    emptyHint_ = new QLabel(tr("Select a run in the list to see its curves; Ctrl+click adds runs to compare them."));
    emptyHint_->setObjectName("chartsEmptyHint");
    emptyHint_->setAlignment(Qt::AlignCenter);
    emptyHint_->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(emptyHint_);

    liveReplot_ = new QTimer(this);
    liveReplot_->setSingleShot(true);
    liveReplot_->setInterval(100);
    connect(liveReplot_, &QTimer::timeout, this, [this] { replotAll(true); });

    auto* cards = new QWidget;
    auto* grid = new QGridLayout(cards);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    int i = 0;
    for (const ChartSpec& spec : kCharts) {
        QCustomPlot* plot = makeTitledPlot(chartText(spec.title), kPlotHeight);
        placeLegendBelow(plot, 2);
        plot->setObjectName(QString("chart_") + spec.key);
        plot->setMinimumWidth(kPlotMinimumWidth);
        plot->yAxis->setLabel(chartText(spec.yLabel));
        applyTicker(plot->xAxis, xMode_);
        connect(plot, &QCustomPlot::mouseMove, this, [this, plot](QMouseEvent* e) { showHover(plot, e); });
        charts_.push_back({spec.key, plot, spec.logCapable});
        grid->addWidget(plot, i / 2, i % 2);
        ++i;
    }
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    auto* scroll = new QScrollArea;
    scroll->setObjectName("chartCards");
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(cards);
    layout->addWidget(scroll, 1);
}

QCustomPlot* MetricsChart::plotOf(const QString& chart) const {
    for (const Chart& c : charts_)
        if (c.key == chart) return c.plot;
    return nullptr;
}

QStringList MetricsChart::chartKeys() const {
    QStringList keys;
    for (const Chart& c : charts_) keys << c.key;
    return keys;
}

QString MetricsChart::chartTitle(const QString& chart) const {
    QCustomPlot* plot = plotOf(chart);
    if (!plot) return {};
    auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0));
    return title ? title->text() : QString();
}

QStringList MetricsChart::legendNames(const QString& chart) const {
    QStringList names;
    QCustomPlot* plot = plotOf(chart);
    if (!plot || !plot->legend->visible()) return names;
    for (int i = 0; i < plot->legend->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot->legend->item(i))) names << item->plottable()->name();
    return names;
}

int MetricsChart::drawnSeriesCount(const QString& chart) const {
    int n = 0;
    for (const Run& run : runs_)
        for (auto it = run.graphs.begin(); it != run.graphs.end(); ++it)
            if (it.value()->parentPlot() == plotOf(chart) && it.value()->visible() && it.value()->dataCount() > 0) ++n;
    return n;
}

double MetricsChart::smoothing() const { return smoothingSlider_->value() / 100.0; }
void MetricsChart::setSmoothing(double weight) { smoothingSlider_->setValue(int(weight * 100 + 0.5)); }

void MetricsChart::setLogScale(bool on) {
    {
        const QSignalBlocker block(logAxis_);
        logAxis_->setChecked(on);
    }
    for (const Chart& c : charts_) {
        if (!c.logCapable) continue;
        c.plot->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        if (on) c.plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        else c.plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    replotAll(true);
}

void MetricsChart::setIgnoreOutliers(bool on) {
    {
        const QSignalBlocker block(ignoreOutliers_);
        ignoreOutliers_->setChecked(on);
    }
    replotAll(true);
}

void MetricsChart::setXAxis(XAxisMode mode) {
    {
        const QSignalBlocker block(xAxisBox_);
        xAxisBox_->setCurrentIndex(xAxisBox_->findData(int(mode)));
    }
    xMode_ = mode;
    for (const Chart& c : charts_) applyTicker(c.plot->xAxis, mode);
    rebuild();
}

void MetricsChart::setSeedGroups(const std::vector<std::vector<qint64>>& groups) {
    seedGroups_ = groups;
    redrawBands();
}

void MetricsChart::setSeedBands(bool on) {
    {
        const QSignalBlocker block(seedBands_);
        seedBands_->setChecked(on);
    }
    redrawBands();
}

void MetricsChart::redrawBands() {
    QCustomPlot* top1 = plotOf("top1");
    for (QCPGraph* g : bands_) top1->removeGraph(g);
    bands_.clear();
    const bool on = seedBands_->isChecked();
    int colour = 0;
    for (const auto& group : seedGroups_) {
        const bool banded = on && group.size() >= 2;
        for (qint64 id : group)
            if (runs_.contains(id))
                for (const char* key : {"train_top1", "val_top1", "test_top1"}) runs_[id].graphs[key]->setVisible(!banded);
        if (!banded) continue;
        // Mean and sample standard deviation of test top-1 per epoch over the group, at
        // the mean of the runs' x for that epoch (their wall times differ).
        QMap<int64_t, std::vector<double>> values, keys;
        for (qint64 id : group) {
            if (!runs_.contains(id)) continue;
            const Run& run = runs_[id];
            for (const auto& e : run.epochs) {
                values[e.epoch].push_back(e.test_top1);
                keys[e.epoch].push_back(run.timeline.epochKey(xMode_, e));
            }
        }
        const QColor c = runColour(colour++);
        QCPGraph* mean = top1->addGraph();
        mean->setName(tr("mean of %n seeds", nullptr, int(group.size())));
        mean->setPen(QPen(c, 1.8));
        mean->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
        QCPGraph* upper = top1->addGraph();
        QCPGraph* lower = top1->addGraph();
        for (QCPGraph* edge : {upper, lower}) {
            edge->setPen(Qt::NoPen);
            edge->removeFromLegend();
        }
        QColor fill = c;
        fill.setAlpha(50);
        upper->setBrush(fill);
        upper->setChannelFillGraph(lower);
        for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
            const MeanStd top = meanStd(it.value());
            const double x = meanStd(keys[it.key()]).mean;
            mean->addData(x, top.mean);
            upper->addData(x, top.mean + top.std);
            lower->addData(x, top.mean - top.std);
        }
        bands_.insert(bands_.end(), {mean, upper, lower});
    }
    replotAll(true);
}

void MetricsChart::setRuns(const std::vector<RunSeries>& runs) {
    runs_.clear();
    order_.clear();
    seedGroups_.clear();
    int colour = 0;
    for (const auto& series : runs) {
        Run run;
        run.name = series.name;
        run.colour = colour++;
        run.steps = series.steps;
        run.epochs = series.epochs;
        run.timeline.learn(run.steps, run.epochs);
        runs_.insert(series.id, std::move(run));
        order_ << series.id;
    }
    emptyHint_->setVisible(runs_.isEmpty());
    rebuild();
}

bool MetricsChart::showsEmptyHint() const { return !emptyHint_->isHidden(); }

void MetricsChart::rebuild() {
    for (const Chart& c : charts_) c.plot->clearGraphs();
    bands_.clear();
    for (qint64 id : order_) addRunGraphs(id, runs_[id]);
    redrawBands();  // replots
}

void MetricsChart::addRunGraphs(qint64, Run& run) {
    const QColor colour = runColour(run.colour);
    auto add = [&](const char* key, const char* chart, const char* label, Qt::PenStyle style, int alpha, bool markers) {
        QCPGraph* g = plotOf(chart)->addGraph();
        g->setName(run.name + ": " + chartText(label));
        QColor c = colour;
        c.setAlpha(alpha);
        g->setPen(QPen(c, 1.6, style));
        if (markers) g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
        run.graphs[key] = g;
    };
    for (const StepCurve& s : kStepCurves) add(s.key, s.chart, s.label, Qt::SolidLine, s.alpha, false);
    for (const EpochCurve& e : kEpochCurves) add(e.key, e.chart, e.label, e.style, 255, true);
    run.hasSmoothed = false;
    for (const auto& s : run.steps) addStepPoint(run, s);
    for (const auto& e : run.epochs) addEpochPoint(run, e);
}

void MetricsChart::addStepPoint(Run& run, const StepMetric& m) {
    const double x = run.timeline.stepKey(xMode_, m.step, m.time);
    for (const StepCurve& s : kStepCurves)
        if (s.value) run.graphs[s.key]->addData(x, s.value(m));
    addSmoothedPoint(run, x, m.loss);
}

void MetricsChart::addSmoothedPoint(Run& run, double x, double loss) {
    const double w = smoothing();
    run.smoothed = run.hasSmoothed ? w * run.smoothed + (1 - w) * loss : loss;
    run.hasSmoothed = true;
    run.graphs["smoothed"]->addData(x, run.smoothed);
}

// Another smoothing weight redraws the smoothed lines alone.
void MetricsChart::resmooth() {
    for (Run& run : runs_) {
        run.graphs["smoothed"]->data()->clear();
        run.hasSmoothed = false;
        for (const auto& m : run.steps) addSmoothedPoint(run, run.timeline.stepKey(xMode_, m.step, m.time), m.loss);
    }
    replotAll(false);
}

void MetricsChart::addEpochPoint(Run& run, const EpochMetric& m) {
    const double x = run.timeline.epochKey(xMode_, m);
    for (const EpochCurve& e : kEpochCurves)
        if (const auto v = e.value(m)) run.graphs[e.key]->addData(x, *v);
}

void MetricsChart::appendStep(const StepReport& r) {
    auto it = runs_.find(r.run_id);
    if (it == runs_.end() || (skipKnown_ && !it->steps.empty() && r.step <= it->steps.back().step)) return;
    StepMetric m;
    m.step = r.step;
    m.epoch = r.epoch;
    m.loss = r.loss;
    m.lr = r.lr;
    m.images_per_sec = r.images_per_sec;
    m.time = unixNow();
    if (r.steps_per_crop_epoch > 0) it->timeline.setStepsPerEpoch(r.steps_per_crop_epoch);
    it->timeline.addStepTime(m.step, m.time);
    it->steps.push_back(m);
    addStepPoint(*it, m);
    scheduleLiveReplot();
}

void MetricsChart::appendEpoch(const EpochReport& r) {
    auto it = runs_.find(r.run_id);
    if (it == runs_.end() || (skipKnown_ && !it->epochs.empty() && r.metrics.epoch <= it->epochs.back().epoch)) return;
    it->epochs.push_back(r.metrics);
    addEpochPoint(*it, r.metrics);
    scheduleLiveReplot();
}

// A live run reports every step: the legends, ranges (a sort of every value with
// "ignore outliers") and repaint follow at most ten times a second.
void MetricsChart::scheduleLiveReplot() {
    if (!liveReplot_->isActive()) liveReplot_->start();
}

int MetricsChart::pointCount(qint64 runId, const QString& curve) const {
    auto it = runs_.find(runId);
    if (it == runs_.end() || !it->graphs.contains(curve)) return 0;
    return it->graphs[curve]->dataCount();
}

QVector<double> MetricsChart::pointKeys(qint64 runId, const QString& curve) const {
    QVector<double> keys;
    auto it = runs_.find(runId);
    if (it == runs_.end() || !it->graphs.contains(curve)) return keys;
    const auto data = it->graphs[curve]->data();
    for (auto p = data->constBegin(); p != data->constEnd(); ++p) keys << p->key;
    return keys;
}

void MetricsChart::fitValues(QCustomPlot* plot) {
    plot->rescaleAxes(true);
    // A margin, so that a line along the lowest or highest value is not drawn on the frame.
    plot->yAxis->scaleRange(1.06);
    if (!ignoreOutliers_->isChecked()) return;
    QVector<double> values;
    for (int i = 0; i < plot->graphCount(); ++i) {
        QCPGraph* g = plot->graph(i);
        if (!g->visible()) continue;
        for (auto p = g->data()->constBegin(); p != g->data()->constEnd(); ++p) values << p->value;
    }
    double lower = 0, upper = 0;
    if (robustRange(values, plot->yAxis->scaleType() == QCPAxis::stLogarithmic, &lower, &upper))
        plot->yAxis->setRange(lower, upper);
}

void MetricsChart::replotAll(bool rescale) {
    for (const Chart& c : charts_) {
        // The legend lists the lines that have points: a run without validation lists no
        // val line, and an empty chart shows no legend box.
        int listed = 0;
        for (int i = 0; i < c.plot->graphCount(); ++i) {
            QCPGraph* g = c.plot->graph(i);
            const bool named = !g->name().isEmpty() && g->visible() && g->dataCount() > 0;
            if (named) ++listed;
            if (named) listInLegend(g);
            if (!named && c.plot->legend->hasItemWithPlottable(g)) g->removeFromLegend();
        }
        showLegendBelow(c.plot, listed > 0);
        // The legend's rows (two entries each) add to the chart's height, not take from its lines.
        c.plot->setMinimumHeight(kPlotHeight + (listed + 1) / 2 * c.plot->legend->font().pointSize() * 2);
        if (rescale) fitValues(c.plot);
        replotWhenShown(c.plot);  // queued, so coalesced: live runs report many steps
    }
}

void MetricsChart::showHover(QCustomPlot* plot, QMouseEvent* event) {
    if (!legendNameAt(plot, event->pos()).isEmpty()) return;  // the entry's own tooltip gives its full name
    const double x = plot->xAxis->pixelToCoord(event->pos().x());
    QString text;
    for (int i = 0; i < plot->graphCount(); ++i) {
        QCPGraph* g = plot->graph(i);
        if (g->dataCount() == 0 || !g->visible() || g->name().isEmpty()) continue;
        auto it = g->data()->findBegin(x, true);
        if (it == g->data()->constEnd()) continue;
        if (std::abs(it->key - x) > std::max(1e-9, plot->xAxis->range().size() / 50)) continue;
        text += QString("%1 @ %2: %3\n").arg(g->name()).arg(it->key, 0, 'g', 6).arg(it->value, 0, 'g', 5);
    }
    if (!text.isEmpty()) QToolTip::showText(event->globalPosition().toPoint(), text.trimmed(), plot);
}

bool MetricsChart::saveImage(const QString& path, QString* error) const {
    // The charts in their two columns, as one picture (PNG) or page (PDF).
    const int w = 560, h = 320, columns = 2;
    const int rows = (int(charts_.size()) + columns - 1) / columns;
    bool ok = true;
    auto draw = [&](QCPPainter& painter, bool vector) {
        for (size_t i = 0; i < charts_.size(); ++i) {
            const QPointF at(double(int(i) % columns * w), double(int(i) / columns * h));
            if (vector) {
                painter.save();
                painter.translate(at);
                charts_[i].plot->toPainter(&painter, w, h);
                painter.restore();
            } else {
                painter.drawPixmap(at, charts_[i].plot->toPixmap(w, h));
            }
        }
    };
    if (path.endsWith(".pdf", Qt::CaseInsensitive)) {  // vector graphics on one page
        QPdfWriter pdf(path);
        pdf.setResolution(72);
        pdf.setPageSize(QPageSize(QSizeF(w * columns, h * rows), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QCPPainter painter;
        ok = painter.begin(&pdf);
        if (ok) {
            draw(painter, true);
            painter.end();
        }
    } else {
        QPixmap all(w * columns, h * rows);
        all.fill(Qt::white);
        QCPPainter painter(&all);
        draw(painter, false);
        painter.end();
        ok = all.save(path);
    }
    if (!ok && error) *error = tr("cannot write %1").arg(path);
    return ok;
}

}  // namespace ferkd::ui
