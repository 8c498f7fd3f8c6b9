#include "charts/chart_legend.h"

#include <algorithm>

#include <QToolTip>
#include <qcustomplot.h>

namespace ferkd::ui {

namespace {

// Asks the legend's layout for no more than kMinimumTextWidth of text, so a chart's
// minimum width does not grow with its run names; draws as much of the name as the cell
// it is given holds, elided in the middle (run names differ at their ends: dates, seeds).
class ElidedLegendItem : public QCPPlottableLegendItem {
public:
    using QCPPlottableLegendItem::QCPPlottableLegendItem;

protected:
    static constexpr int kMinimumTextWidth = 110;

    int textOffset() const { return mParentLegend->iconSize().width() + mParentLegend->iconTextPadding(); }

    QSize minimumOuterSizeHint() const override {
        const QSize full = QCPPlottableLegendItem::minimumOuterSizeHint();
        const int cap = textOffset() + kMinimumTextWidth + mMargins.left() + mMargins.right();
        return {std::min(full.width(), cap), full.height()};
    }

    void draw(QCPPainter* painter) override {
        if (!mPlottable) return;
        // The base class draws the icon (through the plottable, a friend of it alone);
        // its full-length text is clipped away and the elided text drawn in its place.
        const QSize icon = mParentLegend->iconSize();
        painter->save();
        painter->setClipRect(QRect(mRect.topLeft(), icon), Qt::IntersectClip);
        QCPPlottableLegendItem::draw(painter);
        painter->restore();
        painter->setFont(getFont());
        painter->setPen(QPen(getTextColor()));
        const int width = std::max(0, mRect.width() - textOffset());
        const QString text = painter->fontMetrics().elidedText(mPlottable->name(), Qt::ElideMiddle, width);
        const int height = std::max(painter->fontMetrics().height(), icon.height());
        painter->drawText(mRect.x() + textOffset(), mRect.y(), width, height, Qt::AlignLeft | Qt::AlignVCenter, text);
    }
};

}  // namespace

void listInLegend(QCPAbstractPlottable* plottable) {
    QCPLegend* legend = plottable->parentPlot()->legend;
    if (!legend->hasItemWithPlottable(plottable)) legend->addItem(new ElidedLegendItem(legend, plottable));
}

QString legendNameAt(QCustomPlot* plot, const QPoint& pos) {
    if (!plot->legend->visible()) return {};
    for (int i = 0; i < plot->legend->itemCount(); ++i)
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot->legend->item(i)))
            if (item->rect().contains(pos)) return item->plottable()->name();
    return {};
}

void showLegendNamesOnHover(QCustomPlot* plot) {
    QObject::connect(plot, &QCustomPlot::mouseMove, plot, [plot](QMouseEvent* event) {
        const QString name = legendNameAt(plot, event->pos());
        if (!name.isEmpty()) QToolTip::showText(event->globalPosition().toPoint(), name, plot);
    });
}

}  // namespace ferkd::ui
