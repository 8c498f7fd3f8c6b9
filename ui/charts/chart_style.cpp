#include "charts/chart_style.h"

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

#include "charts/chart_legend.h"
#include "charts/plot_refresh.h"

namespace ferkd::ui {

QColor runColour(int index) {
    static const QColor palette[] = {QColor(31, 119, 180), QColor(214, 39, 40), QColor(44, 160, 44),
                                     QColor(255, 127, 14), QColor(148, 103, 189), QColor(140, 86, 75),
                                     QColor(227, 119, 194), QColor(23, 190, 207)};
    return palette[index % 8];
}

QCustomPlot* makeTitledPlot(const QString& title, int minimumHeight) {
    auto* plot = newPlot();
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->plotLayout()->insertRow(0);
    auto* heading = new QCPTextElement(plot, title, QFont(plot->font().family(), 9, QFont::Bold));
    heading->setObjectName("title");
    plot->plotLayout()->addElement(0, 0, heading);
    plot->legend->setVisible(false);  // shown once a line is drawn: no empty legend box
    plot->setAutoAddPlottableToLegend(false);  // listInLegend lists a line with its name elided
    plot->legend->setFont(QFont(plot->font().family(), 8));
    plot->legend->setBrush(QBrush(QColor(255, 255, 255, 200)));
    plot->setMinimumHeight(minimumHeight);
    showLegendNamesOnHover(plot);
    QObject::connect(plot, &QCustomPlot::mouseDoubleClick, plot, [plot](QMouseEvent*) {
        plot->rescaleAxes(true);
        plot->replot();
    });
    return plot;
}

void placeLegendBelow(QCustomPlot* plot, int columns) {
    QCPLegend* legend = plot->legend;
    plot->axisRect()->insetLayout()->take(legend);
    legend->setVisible(false);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setWrap(columns);
    legend->setRowSpacing(0);
    legend->setColumnSpacing(6);
    legend->setBorderPen(Qt::NoPen);
    legend->setMargins(QMargins(4, 0, 4, 2));
}

void showLegendBelow(QCustomPlot* plot, bool shown) {
    QCPLegend* legend = plot->legend;
    QCPLayoutGrid* layout = plot->plotLayout();
    legend->setVisible(shown);
    const bool placed = legend->layout() == layout;
    if (shown && !placed) {
        layout->addElement(layout->rowCount(), 0, legend);
        layout->setRowStretchFactor(layout->rowCount() - 1, 0.001);  // as tall as its rows
    } else if (!shown && placed) {
        layout->take(legend);
        layout->simplify();  // its emptied row goes
    }
}

bool robustRange(QVector<double> values, bool logScale, double* lower, double* upper) {
    values.erase(std::remove_if(values.begin(), values.end(),
                                [&](double v) { return !std::isfinite(v) || (logScale && v <= 0); }),
                 values.end());
    if (values.isEmpty()) return false;
    std::sort(values.begin(), values.end());
    auto at = [&](double q) { return values[int(std::lround(q * (values.size() - 1)))]; };
    double lo = at(0.02), hi = at(0.98);
    if (logScale) {
        const double pad = std::pow(hi / lo, 0.1);
        lo /= pad > 1 ? pad : 1.25;
        hi *= pad > 1 ? pad : 1.25;
    } else {
        const double pad = hi > lo ? 0.1 * (hi - lo) : std::max(1e-9, 0.05 * std::abs(hi));
        lo -= pad;
        hi += pad;
    }
    *lower = lo;
    *upper = hi;
    return true;
}

}  // namespace ferkd::ui
