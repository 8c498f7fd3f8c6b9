#pragma once
// What the studio's charts share: one colour per run, a plot with a title, drag and
// wheel zoom and double-click to fit, and an outlier-aware value range.
#include <QColor>
#include <QString>
#include <QVector>

class QCustomPlot;
class QCPAxis;

namespace ferkd::ui {

QColor runColour(int index);

// A plot titled `title` (bold, above the axes), its legend small and hidden until a line
// is drawn.
QCustomPlot* makeTitledPlot(const QString& title, int minimumHeight = 160);

// The legend under the axes in `columns` columns instead of over the lines: many runs
// times their series would otherwise cover the plot. It shows with showLegendBelow.
void placeLegendBelow(QCustomPlot* plot, int columns);
// Shows or hides such a legend. A hidden one leaves the plot's layout: an empty legend
// still caps its column's width (QCustomPlot sizes hidden elements too), which squeezed
// an empty chart's axes into a 50 px box.
void showLegendBelow(QCustomPlot* plot, bool shown);

// The range that holds `values` from the 2nd to the 98th percentile, padded by a tenth:
// a few spikes (the first steps' loss, a diverged step) no longer flatten the rest. On a
// log axis only positive values count. Returns false when there is nothing to fit.
bool robustRange(QVector<double> values, bool logScale, double* lower, double* upper);

}  // namespace ferkd::ui
