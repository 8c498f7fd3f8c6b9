#pragma once
// How the studio draws FerKD's four crop groups and the object's true box, the same in
// the crop browser's boxes, thumbnails, histogram, coverage plot, legends and figures.
#include <QColor>
#include <QString>

#include "labels/ferkd_rule.h"

namespace ferkd::ui {

QColor groupColour(CropGroup g);
Qt::PenStyle groupLine(CropGroup g);
QString groupTitle(CropGroup g);  // translated: "discarded (hard)", "calibrated", ...

// The object's true box: a colour none of the groups has, drawn solid and wider.
QColor objectBoxColour();
constexpr double kObjectBoxWidth = 3.0;
QString objectBoxTitle();  // "object (true box)"

}  // namespace ferkd::ui
