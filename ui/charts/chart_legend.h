// Legend entries that never widen their chart: a long run name is elided in the middle
// to the width its legend cell has, and the full name shows as a tooltip.
#pragma once

#include <QPoint>
#include <QString>

class QCustomPlot;
class QCPAbstractPlottable;

namespace ferkd::ui {

// Lists the plottable in its plot's legend (once) with an eliding entry. Plots made by
// makeTitledPlot list nothing by themselves.
void listInLegend(QCPAbstractPlottable* plottable);

// The full name of the legend entry under pos, or an empty string.
QString legendNameAt(QCustomPlot* plot, const QPoint& pos);

// Shows the full name of the legend entry under the pointer as a tooltip
// (makeTitledPlot does this for every chart it makes).
void showLegendNamesOnHover(QCustomPlot* plot);

}  // namespace ferkd::ui
