#include "crops/figure_one.h"

#include <QPainter>
#include <QRandomGenerator>

#include <algorithm>
#include <tuple>

#include "crops/crop_group_style.h"
#include "crops/pixels_image.h"

namespace ferkd::ui {

namespace {

constexpr int kSide = 96, kPad = 6, kLabelWidth = 120, kCaptionHeight = 16;

// The crop of group `g` that stands for its image in the figure (none where it has none).
const InspectedCrop* representative(const std::vector<InspectedCrop>& crops, CropGroup g) {
    std::vector<const InspectedCrop*> in;
    for (const auto& c : crops)
        if (c.group == g) in.push_back(&c);
    if (in.empty()) return nullptr;
    std::sort(in.begin(), in.end(), [](auto* a, auto* b) { return a->p_true < b->p_true; });
    return g == CropGroup::DiscardedEasy ? in.back() : g == CropGroup::Teacher ? in[in.size() / 2] : in.front();
}

// The part of `object` inside crop `b`, in the coordinates of its side x side thumbnail.
QRectF objectInCrop(const ObjectBox& object, const CropBox& b, const ImagePixels& pixels, int side) {
    const double sx = side / (b.w * pixels.width), sy = side / (b.h * pixels.height);
    double x0 = (object.x0 - b.x * pixels.width) * sx, x1 = (object.x1 - b.x * pixels.width) * sx;
    if (b.flip) std::tie(x0, x1) = std::make_pair(side - x1, side - x0);
    return QRectF(QPointF(x0, (object.y0 - b.y * pixels.height) * sy), QPointF(x1, (object.y1 - b.y * pixels.height) * sy))
        .intersected(QRectF(0, 0, side, side));
}

void drawCaption(QPainter& painter, const InspectedCrop& shown, const QRect& under) {
    const QString caption = shown.object_covered >= 0
                                ? QString("p=%1 obj %2%").arg(shown.p_true, 0, 'f', 2).arg(100.0 * shown.object_covered, 0, 'f', 0)
                                : QString("p=%1").arg(shown.p_true, 0, 'f', 3);
    QFont small = painter.font();  // "p=0.96 obj 100%" fits under a 96 px thumbnail
    while (QFontMetrics(small).horizontalAdvance(caption) > under.width() && small.pointSizeF() > 5)
        small.setPointSizeF(small.pointSizeF() - 0.5);
    painter.save();
    painter.setPen(Qt::black);
    painter.setFont(small);
    painter.drawText(under, Qt::AlignCenter, caption);
    painter.restore();
}

}  // namespace

QImage figureOne(const CropInspector& inspector, const FerkdConfig& rule, int images, uint32_t seed) {
    const int rowHeight = kSide + kPad + kCaptionHeight;
    QImage figure(kLabelWidth + (kSide + kPad) * images + kPad, kCropGroups * rowHeight + kPad, QImage::Format_RGB888);
    figure.fill(Qt::white);
    QPainter painter(&figure);
    for (int g = 0; g < kCropGroups; ++g) {
        painter.setPen(groupColour(CropGroup(g)));
        painter.drawText(QRect(kPad, kPad + g * rowHeight, kLabelWidth - 2 * kPad, kSide), Qt::AlignVCenter | Qt::TextWordWrap,
                         groupTitle(CropGroup(g)));
    }
    QRandomGenerator rng(seed);
    for (int k = 0; k < images; ++k) {
        const int64_t i = rng.bounded(qint64(inspector.images()));
        const auto crops = inspector.crops(i, rule);
        const ImagePixels pixels = inspector.image(i);
        const auto object = inspector.objectBox(i);
        const int x = kLabelWidth + k * (kSide + kPad);
        for (int g = 0; g < kCropGroups; ++g) {
            const int y = kPad + g * rowHeight;
            const InspectedCrop* shown = representative(crops, CropGroup(g));
            if (!shown) {
                painter.fillRect(QRect(x, y, kSide, kSide), QColor(240, 240, 240));
                continue;
            }
            painter.drawImage(x, y, cropImage(pixels, shown->box, kSide));
            const QRectF inCrop = object ? objectInCrop(*object, shown->box, pixels, kSide) : QRectF();
            if (!inCrop.isEmpty()) {
                painter.setPen(QPen(objectBoxColour(), 2));
                painter.drawRect(inCrop.translated(x, y).adjusted(1, 1, -1, -1));
            }
            painter.setPen(QPen(groupColour(CropGroup(g)), 3));
            painter.drawRect(QRect(x, y, kSide - 1, kSide - 1));
            drawCaption(painter, *shown, QRect(x, y + kSide, kSide, kCaptionHeight));
        }
    }
    return figure;
}

}  // namespace ferkd::ui
