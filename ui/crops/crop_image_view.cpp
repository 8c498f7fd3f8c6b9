#include "crops/crop_image_view.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

#include "crops/crop_group_style.h"

namespace ferkd::ui {

CropImageView::CropImageView() {
    setMinimumSize(220, 220);
    setMouseTracking(true);
}

void CropImageView::set(const QImage& image, const std::vector<InspectedCrop>& crops, std::optional<ObjectBox> object) {
    image_ = image;
    crops_ = crops;
    object_ = object;
    highlighted_ = -1;
    update();
}

void CropImageView::setHighlighted(int crop) {
    if (crop == highlighted_) return;
    highlighted_ = crop;
    update();
}

QRectF CropImageView::boxRect(size_t i) const {
    const CropBox& b = crops_[i].box;
    return {target_.x() + b.x * target_.width(), target_.y() + b.y * target_.height(), b.w * target_.width(),
            b.h * target_.height()};
}

void CropImageView::mouseMoveEvent(QMouseEvent* event) { hover(cropAt(event->position())); }

void CropImageView::leaveEvent(QEvent*) { hover(-1); }

void CropImageView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    drawn_ = 0;
    if (image_.isNull()) return;
    const int legendHeight = 44;  // two rows of legend
    const QRect area = rect().adjusted(8, 8, -8, -8 - legendHeight);
    const double scale = std::min(area.width() / double(image_.width()), area.height() / double(image_.height()));
    target_ = QRectF(area.x(), area.y(), image_.width() * scale, image_.height() * scale);
    painter.drawImage(target_, image_);  // nearest neighbour: small images stay crisp
    painter.setRenderHint(QPainter::Antialiasing);
    if (object_) {  // under the crops: they are what is being judged
        painter.setPen(QPen(objectBoxColour(), kObjectBoxWidth));
        painter.drawRect(QRectF(target_.x() + object_->x0 * scale, target_.y() + object_->y0 * scale,
                                object_->width() * scale, object_->height() * scale));
    }
    // Confident crops first, so the hard ones end up on top.
    std::vector<const InspectedCrop*> order;
    for (const auto& c : crops_) order.push_back(&c);
    std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->p_true > b->p_true; });
    for (const InspectedCrop* c : order) {
        const bool single = highlighted_ == int(c - crops_.data());
        if (!single) drawBox(painter, *c, highlighted_ >= 0 ? 60 : 255, 1.0);
        ++drawn_;
    }
    if (highlighted_ >= 0 && highlighted_ < int(crops_.size())) drawBox(painter, crops_[size_t(highlighted_)], 255, 2.0);
    drawLegend(painter, area);
}

// One swatch per group, then the object's box; wraps to a second row.
void CropImageView::drawLegend(QPainter& painter, const QRect& area) {
    int x = area.x(), y = area.bottom() + 14;
    auto entry = [&](const QPen& pen, const QString& name) {
        const int width = 34 + painter.fontMetrics().horizontalAdvance(name);
        if (x > area.x() && x + width > area.right()) {
            x = area.x();
            y += 18;
        }
        painter.setPen(pen);
        painter.drawLine(x, y, x + 22, y);
        painter.setPen(palette().text().color());
        painter.drawText(x + 26, y + 5, name);
        x += width;
    };
    for (int g = 0; g < kCropGroups; ++g) {
        QPen pen(groupColour(CropGroup(g)), 2.2);
        pen.setStyle(groupLine(CropGroup(g)));
        entry(pen, groupTitle(CropGroup(g)));
    }
    if (object_) entry(QPen(objectBoxColour(), kObjectBoxWidth), objectBoxTitle());
}

void CropImageView::drawBox(QPainter& painter, const InspectedCrop& c, int alpha, double widthScale) {
    QColor colour = groupColour(c.group);
    colour.setAlpha(alpha);
    QPen pen(colour, (isKept(c.group) ? 2.2 : 1.4) * widthScale);
    pen.setStyle(groupLine(c.group));
    painter.setPen(pen);
    painter.drawRect(boxRect(size_t(&c - crops_.data())));
}

// The smallest box holding the point, so that nested crops stay reachable.
int CropImageView::cropAt(const QPointF& at) const {
    int best = -1;
    double bestArea = 0;
    for (size_t i = 0; i < crops_.size(); ++i) {
        const QRectF r = boxRect(i);
        const double area = r.width() * r.height();
        if (r.contains(at) && (best < 0 || area < bestArea)) best = int(i), bestArea = area;
    }
    return best;
}

void CropImageView::hover(int crop) {
    if (crop == highlighted_) return;
    setHighlighted(crop);
    if (onHover) onHover(crop);
}

}  // namespace ferkd::ui
