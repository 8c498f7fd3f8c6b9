#include "crops/mining_plot.h"

#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <array>
#include <cmath>

#include "crops/crop_group_style.h"
#include "charts/plot_refresh.h"

namespace ferkd::ui {

MiningPlot::MiningPlot(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    summary_ = new QLabel;
    summary_->setObjectName("miningSummary");
    summary_->setWordWrap(true);
    layout->addWidget(summary_);
    plot_ = newPlot();
    plot_->setObjectName("miningPlot");
    plot_->setMinimumHeight(220);
    plot_->xAxis->setLabel(tr("share of the object in the crop"));
    plot_->yAxis->setLabel(tr("p(true class)"));
    plot_->legend->setVisible(true);
    plot_->legend->setFont(QFont(font().family(), 8));
    // Below the axes, in two columns: inside them it covered the dots and the median
    // wherever they lay (on a background-rich set both fill the upper half).
    plot_->plotLayout()->addElement(1, 0, plot_->legend);
    plot_->plotLayout()->setRowStretchFactor(1, 0.001);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setWrap(2);
    plot_->legend->setBorderPen(Qt::NoPen);
    plot_->legend->setBrush(Qt::NoBrush);
    layout->addWidget(plot_, 1);
    clear();
}

void MiningPlot::clear() {
    plot_->clearPlottables();
    plot_->clearItems();
    plot_->legend->setVisible(false);
    replotWhenShown(plot_);
    dots_ = 0;
    summary_->setText(tr("This data set has no object boxes. `ferkd dataset make-cluttered` makes one that has; an "
                         "image folder can bring them in boxes.csv (docs/TESTBED.md)."));
}

void MiningPlot::set(const MiningQuality& m, const std::vector<CropMining>& crops) {
    plot_->clearPlottables();
    plot_->clearItems();
    drawDots(crops);
    drawBins(m);
    drawCuts(m);
    plot_->xAxis->setRange(0, 1);
    plot_->yAxis->setRange(0, 1.02);
    plot_->legend->setVisible(true);
    replotWhenShown(plot_);
    showSummary(m);
}

void MiningPlot::drawDots(const std::vector<CropMining>& crops) {
    // The same dots for every rule (a fixed stride over the store's order), so moving a
    // threshold recolours them instead of reshuffling.
    std::array<QVector<double>, kCropGroups> xs, ys;
    dots_ = 0;
    for (const auto& c : crops) {
        if (c.object_covered < 0) continue;
        xs[size_t(c.group)] << c.object_covered;
        ys[size_t(c.group)] << c.p_true;
        ++dots_;
    }
    for (int g = 0; g < kCropGroups; ++g) {
        auto* dots = plot_->addGraph();
        dots->setName(groupTitle(CropGroup(g)));
        dots->setLineStyle(QCPGraph::lsNone);
        QColor colour = groupColour(CropGroup(g));
        colour.setAlpha(70);  // overlapping dots darken: a density cue
        dots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 4));
        dots->setData(xs[size_t(g)], ys[size_t(g)], true);
    }
}

// Each coverage bin's median p, and the middle half of its crops as a band: dots pile up
// where p is near 0 or 1.
void MiningPlot::drawBins(const MiningQuality& m) {
    QVector<double> bx, by, lo, hi;
    for (const auto& b : m.bins)
        if (b.crops > 0) {
            bx << 0.5 * (b.lo + b.hi);
            by << b.median_p;
            lo << b.q25_p;
            hi << b.q75_p;
        }
    QColor band = palette().text().color();
    band.setAlpha(45);
    auto* q25 = plot_->addGraph();
    q25->setPen(Qt::NoPen);
    q25->setData(bx, lo, true);
    q25->removeFromLegend();
    auto* q75 = plot_->addGraph();
    q75->setName(tr("middle half of p"));
    q75->setPen(Qt::NoPen);
    q75->setBrush(band);
    q75->setChannelFillGraph(q25);
    q75->setData(bx, hi, true);
    auto* median = plot_->addGraph();
    median->setName(tr("median p"));
    median->setPen(QPen(palette().text().color(), 2));
    median->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 5));
    median->setData(bx, by, true);
}

// The rule's thresholds (dashed, across) and the coverage cuts (dotted, up).
void MiningPlot::drawCuts(const MiningQuality& m) {
    auto line = [&](double x0, double y0, double x1, double y1, Qt::PenStyle style) {
        auto* l = new QCPItemStraightLine(plot_);
        l->point1->setCoords(x0, y0);
        l->point2->setCoords(x1, y1);
        l->setPen(QPen(palette().text().color(), 1, style));
    };
    if (m.rule.rule == "paper")
        for (double t : {m.rule.t_low, m.rule.t_mid, m.rule.t_top}) line(0, t, 1, t, Qt::DashLine);
    for (double cut : {m.settings.no_object_below, m.settings.most_object_from}) line(cut, 0, cut, 1, Qt::DotLine);
}

void MiningPlot::showSummary(const MiningQuality& m) {
    const double pct = 100.0 / double(std::max<int64_t>(1, m.crops));
    const QString auc = std::isnan(m.auc) ? QString("-") : QString::number(m.auc, 'f', 3);
    summary_->setText(tr("AUC %1 | discarded-hard without object %2% | calibrated context %3% | no-object crops "
                         "discarded %4%")
                          .arg(auc)
                          .arg(100.0 * m.hardPrecision(), 0, 'f', 1)
                          .arg(100.0 * m.calibratedPrecision(), 0, 'f', 1)
                          .arg(100.0 * m.noObjectRecall(), 0, 'f', 1));
    summary_->setToolTip(
        tr("ROC AUC of p(true class) for crops with most of the object (coverage >= %1) against crops with none "
           "(< %2): %3.\nDiscarded-hard crops that hold no object: %4%.\nCalibrated crops that do not hold most of "
           "the object (context): %5%.\nNo-object crops the rule discards as hard: %6%.\nOf %7 crops: %8% no object, "
           "%9% most of it.\nDashed lines: the rule's thresholds; dotted: the coverage cuts.")
            .arg(m.settings.most_object_from)
            .arg(m.settings.no_object_below)
            .arg(auc)
            .arg(100.0 * m.hardPrecision(), 0, 'f', 1)
            .arg(100.0 * m.calibratedPrecision(), 0, 'f', 1)
            .arg(100.0 * m.noObjectRecall(), 0, 'f', 1)
            .arg(m.crops)
            .arg(pct * double(m.coverage[size_t(Coverage::None)]), 0, 'f', 1)
            .arg(pct * double(m.coverage[size_t(Coverage::Most)]), 0, 'f', 1));
}

QString MiningPlot::summary() const { return summary_->text() + "\n" + summary_->toolTip(); }

}  // namespace ferkd::ui
