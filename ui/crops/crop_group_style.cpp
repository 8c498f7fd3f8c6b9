#include "crops/crop_group_style.h"

#include <QCoreApplication>

namespace ferkd::ui {

QColor groupColour(CropGroup g) {
    switch (g) {
    case CropGroup::DiscardedHard: return QColor(127, 127, 127);
    case CropGroup::Calibrated: return QColor(230, 126, 34);
    case CropGroup::Teacher: return QColor(31, 119, 180);
    case CropGroup::DiscardedEasy: return QColor(44, 160, 44);
    }
    return Qt::black;
}

Qt::PenStyle groupLine(CropGroup g) {
    return g == CropGroup::Calibrated ? Qt::DashLine : isKept(g) ? Qt::SolidLine : Qt::DotLine;
}

QString groupTitle(CropGroup g) {
    switch (g) {
    case CropGroup::DiscardedHard: return QCoreApplication::translate("CropBrowser", "discarded (hard)");
    case CropGroup::Calibrated: return QCoreApplication::translate("CropBrowser", "calibrated");
    case CropGroup::Teacher: return QCoreApplication::translate("CropBrowser", "teacher's label");
    case CropGroup::DiscardedEasy: return QCoreApplication::translate("CropBrowser", "discarded (easy)");
    }
    return {};
}

QColor objectBoxColour() { return QColor(214, 39, 40); }

QString objectBoxTitle() { return QCoreApplication::translate("CropBrowser", "object (true box)"); }

}  // namespace ferkd::ui
