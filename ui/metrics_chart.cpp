#include "metrics_chart.h"

#include <algorithm>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPdfWriter>
#include <QSlider>
#include <QSplitter>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "util/statistics.h"

namespace ferkd::ui {

namespace {

QColor runColour(int index) {
    static const QColor palette[] = {QColor(31, 119, 180), QColor(214, 39, 40), QColor(44, 160, 44),
                                     QColor(255, 127, 14), QColor(148, 103, 189), QColor(140, 86, 75),
                                     QColor(227, 119, 194), QColor(127, 127, 127)};
    return palette[index % 8];
}

QCustomPlot* makePlot(const QString& xLabel, const QString& yLabel) {
    auto* plot = new QCustomPlot;
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
    plot->legend->setVisible(false);  // shown once a line is drawn (replotAll): no empty legend box
    plot->legend->setFont(QFont(plot->font().family(), 8));
    plot->legend->setBrush(QBrush(QColor(255, 255, 255, 200)));
    plot->setMinimumHeight(140);
    QObject::connect(plot, &QCustomPlot::mouseDoubleClick, plot, [plot](QMouseEvent*) {
        plot->rescaleAxes(true);
        plot->replot();
    });
    return plot;
}

QCPGraph* addGraph(QCustomPlot* plot, const QString& name, const QColor& colour, Qt::PenStyle style, bool markers,
                   int alpha = 255) {
    QCPGraph* g = plot->addGraph();
    g->setName(name);
    QColor c = colour;
    c.setAlpha(alpha);
    g->setPen(QPen(c, 1.6, style));
    if (markers) g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    return g;
}

}  // namespace

MetricsChart::MetricsChart(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Smoothing")));
    smoothingSlider_ = new QSlider(Qt::Horizontal);
    smoothingSlider_->setObjectName("smoothingSlider");
    smoothingSlider_->setRange(0, 99);
    smoothingSlider_->setValue(60);
    smoothingSlider_->setToolTip(tr("Exponential moving average of the step loss"));
    connect(smoothingSlider_, &QSlider::valueChanged, this, [this] {
        recomputeSmoothing();
        replotAll(false);
    });
    controls->addWidget(smoothingSlider_, 1);
    logAxis_ = new QCheckBox(tr("Log loss axis"));
    logAxis_->setObjectName("logAxis");
    connect(logAxis_, &QCheckBox::toggled, this, &MetricsChart::setLogLoss);
    controls->addWidget(logAxis_);
    seedBands_ = new QCheckBox(tr("Seeds: mean ± std"));
    seedBands_->setObjectName("seedBands");
    seedBands_->setToolTip(tr("Runs that differ only in their seed as one mean curve with a band"));
    connect(seedBands_, &QCheckBox::toggled, this, &MetricsChart::setSeedBands);
    controls->addWidget(seedBands_);
    layout->addLayout(controls);

    auto* split = new QSplitter(Qt::Vertical);
    loss_ = makePlot(tr("step"), tr("loss"));
    accuracy_ = makePlot(tr("epoch"), tr("top-1 / top-5 (%)"));
    lr_ = makePlot(tr("step"), tr("learning rate"));
    lr_->legend->setVisible(false);
    for (QCustomPlot* p : {loss_, accuracy_, lr_}) {
        split->addWidget(p);
        connect(p, &QCustomPlot::mouseMove, this, [this, p](QMouseEvent* e) { showHover(p, e); });
    }
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 1);
    layout->addWidget(split, 1);
}

double MetricsChart::smoothing() const { return smoothingSlider_->value() / 100.0; }
void MetricsChart::setSmoothing(double weight) { smoothingSlider_->setValue(int(weight * 100 + 0.5)); }

void MetricsChart::setLogLoss(bool on) {
    logAxis_->setChecked(on);
    loss_->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on) loss_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    else loss_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    replotAll(true);
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
    for (QCPGraph* g : bands_) accuracy_->removeGraph(g);
    bands_.clear();
    const bool on = seedBands_->isChecked();
    int colour = 0;
    for (const auto& group : seedGroups_) {
        const bool banded = on && group.size() >= 2;
        for (qint64 id : group)
            if (runs_.contains(id))
                for (const char* key : {"test_top1", "test_top5", "train_top1"}) runs_[id].graphs[key]->setVisible(!banded);
        if (!banded) continue;
        // Mean and sample standard deviation of test top-1 per epoch over the group.
        QMap<double, std::vector<double>> byEpoch;
        for (qint64 id : group) {
            if (!runs_.contains(id)) continue;
            const auto data = runs_[id].graphs["test_top1"]->data();
            for (auto it = data->constBegin(); it != data->constEnd(); ++it) byEpoch[it->key].push_back(it->value);
        }
        const QColor c = runColour(colour++);
        QCPGraph* mean = addGraph(accuracy_, tr("mean of %n seeds", nullptr, int(group.size())), c, Qt::SolidLine, true);
        QCPGraph* upper = addGraph(accuracy_, QString(), c, Qt::NoPen, false, 0);
        QCPGraph* lower = addGraph(accuracy_, QString(), c, Qt::NoPen, false, 0);
        upper->removeFromLegend();
        lower->removeFromLegend();
        QColor fill = c;
        fill.setAlpha(50);
        upper->setBrush(fill);
        upper->setChannelFillGraph(lower);
        for (auto it = byEpoch.constBegin(); it != byEpoch.constEnd(); ++it) {
            const MeanStd top1 = meanStd(it.value());
            mean->addData(it.key(), top1.mean);
            upper->addData(it.key(), top1.mean + top1.std);
            lower->addData(it.key(), top1.mean - top1.std);
        }
        bands_.insert(bands_.end(), {mean, upper, lower});
    }
    replotAll(true);
}

void MetricsChart::setRuns(const std::vector<RunSeries>& runs) {
    for (QCustomPlot* p : {loss_, accuracy_, lr_}) p->clearGraphs();
    bands_.clear();
    seedGroups_.clear();
    runs_.clear();
    for (size_t i = 0; i < runs.size(); ++i) addRun(runs[i], int(i));
    if (runs.size() > 1) {  // an overlay: one legend entry per run and plot, in the run's colour
        for (const auto& run : runs) {
            Curves& c = runs_[run.id];
            for (auto it = c.graphs.begin(); it != c.graphs.end(); ++it) {
                if (it.key() == "smoothed" || it.key() == "test_top1") it.value()->setName(run.name);
                else it.value()->removeFromLegend();
            }
        }
    }
    replotAll(true);
}

void MetricsChart::addRun(const RunSeries& run, int index) {
    const QColor c = runColour(index);
    const QString prefix;  // one run: the curves' own names; an overlay renames them in setRuns
    Curves& curves = runs_[run.id];
    curves.graphs["loss"] = addGraph(loss_, prefix + tr("step loss"), c, Qt::SolidLine, false, 60);
    curves.graphs["smoothed"] = addGraph(loss_, prefix + tr("smoothed"), c, Qt::SolidLine, false);
    curves.graphs["train_loss"] = addGraph(loss_, prefix + tr("epoch train loss"), c, Qt::DashLine, true);
    curves.graphs["test_loss"] = addGraph(loss_, prefix + tr("test loss"), c, Qt::DotLine, true);
    curves.graphs["test_top1"] = addGraph(accuracy_, prefix + tr("test top-1"), c, Qt::SolidLine, true);
    curves.graphs["test_top5"] = addGraph(accuracy_, prefix + tr("test top-5"), c, Qt::DotLine, false);
    // Validation (data.val_split): what the best checkpoint and every choice of settings use.
    const bool hasVal = std::any_of(run.epochs.begin(), run.epochs.end(), [](const EpochMetric& e) { return e.val_top1.has_value(); });
    curves.graphs["val_loss"] = addGraph(loss_, prefix + tr("val loss"), c, Qt::DashDotLine, true);
    curves.graphs["val_top1"] = addGraph(accuracy_, prefix + tr("val top-1"), c, Qt::DashDotLine, true);
    for (const char* key : {"val_loss", "val_top1"}) {  // shown once the run has validation metrics
        curves.graphs[key]->setVisible(hasVal);
        if (!hasVal) curves.graphs[key]->removeFromLegend();
    }
    curves.graphs["train_top1"] = addGraph(accuracy_, prefix + tr("train top-1"), c, Qt::DashLine, false);
    curves.graphs["lr"] = addGraph(lr_, prefix + tr("lr"), c, Qt::SolidLine, false);
    // The epoch curves' x is the step count at the epoch's end on the loss plot.
    for (const auto& s : run.steps) addStepPoint(curves, s);
    for (const auto& e : run.epochs) addEpochPoint(curves, e);
}

void MetricsChart::addStepPoint(Curves& c, const StepMetric& m) {
    c.graphs["loss"]->addData(double(m.step), m.loss);
    const double w = smoothing();
    c.smoothed = c.hasSmoothed ? w * c.smoothed + (1 - w) * m.loss : m.loss;
    c.hasSmoothed = true;
    c.graphs["smoothed"]->addData(double(m.step), c.smoothed);
    c.graphs["lr"]->addData(double(m.step), m.lr);
}

void MetricsChart::addEpochPoint(Curves& c, const EpochMetric& m) {
    c.graphs["train_loss"]->addData(double(m.step), m.train_loss);
    c.graphs["test_loss"]->addData(double(m.step), m.test_loss);
    c.graphs["test_top1"]->addData(double(m.epoch), m.test_top1);
    c.graphs["test_top5"]->addData(double(m.epoch), m.test_top5);
    c.graphs["train_top1"]->addData(double(m.epoch), m.train_top1);
    if (m.val_top1) {
        c.graphs["val_loss"]->addData(double(m.step), m.val_loss.value_or(0));
        c.graphs["val_top1"]->addData(double(m.epoch), *m.val_top1);
        for (const char* key : {"val_loss", "val_top1"})
            if (!c.graphs[key]->visible()) {
                c.graphs[key]->setVisible(true);
                c.graphs[key]->addToLegend();
            }
    }
}

void MetricsChart::recomputeSmoothing() {
    const double w = smoothing();
    for (auto& c : runs_) {
        QCPGraph* raw = c.graphs["loss"];
        QCPGraph* smooth = c.graphs["smoothed"];
        smooth->data()->clear();
        c.hasSmoothed = false;
        for (auto it = raw->data()->constBegin(); it != raw->data()->constEnd(); ++it) {
            c.smoothed = c.hasSmoothed ? w * c.smoothed + (1 - w) * it->value : it->value;
            c.hasSmoothed = true;
            smooth->addData(it->key, c.smoothed);
        }
    }
}

void MetricsChart::appendStep(const StepReport& r) {
    auto it = runs_.find(r.run_id);
    if (it == runs_.end()) return;
    StepMetric m;
    m.step = r.step;
    m.epoch = r.epoch;
    m.loss = r.loss;
    m.lr = r.lr;
    addStepPoint(*it, m);
    replotAll(true);
}

void MetricsChart::appendEpoch(const EpochReport& r) {
    auto it = runs_.find(r.run_id);
    if (it == runs_.end()) return;
    addEpochPoint(*it, r.metrics);
    replotAll(true);
}

int MetricsChart::pointCount(qint64 runId, const QString& curve) const {
    auto it = runs_.find(runId);
    if (it == runs_.end() || !it->graphs.contains(curve)) return 0;
    return it->graphs[curve]->dataCount();
}

void MetricsChart::replotAll(bool rescale) {
    for (QCustomPlot* p : {loss_, accuracy_}) p->legend->setVisible(p->graphCount() > 0);
    for (QCustomPlot* p : {loss_, accuracy_, lr_}) {
        if (rescale) p->rescaleAxes(true);
        p->replot(QCustomPlot::rpQueuedReplot);  // coalesced: live runs report many steps
    }
}

void MetricsChart::showHover(QCustomPlot* plot, QMouseEvent* event) {
    const double x = plot->xAxis->pixelToCoord(event->pos().x());
    QString text;
    for (int i = 0; i < plot->graphCount(); ++i) {
        QCPGraph* g = plot->graph(i);
        if (g->dataCount() == 0) continue;
        auto it = g->data()->findBegin(x, true);
        if (it == g->data()->constEnd()) continue;
        if (std::abs(it->key - x) > std::max(1.0, (plot->xAxis->range().size()) / 50)) continue;
        text += QString("%1 @ %2: %3\n").arg(g->name()).arg(it->key).arg(it->value, 0, 'g', 5);
    }
    if (!text.isEmpty()) QToolTip::showText(event->globalPosition().toPoint(), text.trimmed(), plot);
}

bool MetricsChart::saveImage(const QString& path, QString* error) const {
    // The three plots stacked into one picture (PNG) or page (PDF).
    const int w = loss_->width() > 0 ? loss_->width() : 900;
    bool ok = true;
    if (path.endsWith(".pdf", Qt::CaseInsensitive)) {  // vector graphics, the three plots on one page
        QPdfWriter pdf(path);
        pdf.setResolution(72);
        pdf.setPageSize(QPageSize(QSizeF(w, 1000), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QCPPainter painter;
        ok = painter.begin(&pdf);
        if (ok) {
            loss_->toPainter(&painter, w, 400);
            painter.translate(0, 400);
            accuracy_->toPainter(&painter, w, 400);
            painter.translate(0, 400);
            lr_->toPainter(&painter, w, 200);
            painter.end();
        }
    } else {
        QPixmap all(w, 400 + 400 + 200);
        all.fill(Qt::white);
        QPainter painter(&all);
        painter.drawPixmap(0, 0, loss_->toPixmap(w, 400));
        painter.drawPixmap(0, 400, accuracy_->toPixmap(w, 400));
        painter.drawPixmap(0, 800, lr_->toPixmap(w, 200));
        painter.end();
        ok = all.save(path);
    }
    if (!ok && error) *error = tr("cannot write %1").arg(path);
    return ok;
}

}  // namespace ferkd::ui
