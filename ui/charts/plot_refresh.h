#pragma once
// A chart is drawn when it is on screen, and once it is next shown otherwise. A hidden
// tab's charts (and those of a window not shown yet) then cost nothing: before, every
// plot's first replot (which also allocates its paint buffers) ran on the GUI thread in
// one go after the window was built, 74-81 ms on a quiet 2-core machine, and selecting a
// run replotted every hidden chart again.
#include <qcustomplot.h>

namespace ferkd::ui {

// A new plot whose first replot waits until it is shown (QCustomPlot's constructor
// queues one; it is dropped here).
QCustomPlot* newPlot();

// Replots `plot` now when it is visible, else when it is next shown.
void replotWhenShown(QCustomPlot* plot, QCustomPlot::RefreshPriority priority = QCustomPlot::rpQueuedReplot);

}  // namespace ferkd::ui
