#pragma once
// The crop browser's image: the image scaled up with every stored crop's box in the
// colour of its FerKD group, the object's true box under them where the data has one,
// and a legend. The crop under the pointer (here or in the browser's strip of
// thumbnails) is drawn bold over the others, which fade.
#include <QImage>
#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

#include "labels/crop_inspector.h"

namespace ferkd::ui {

class CropImageView : public QWidget {
public:
    CropImageView();

    void set(const QImage& image, const std::vector<InspectedCrop>& crops, std::optional<ObjectBox> object);
    bool objectShown() const { return object_.has_value() && !image_.isNull(); }
    int boxes() const { return drawn_; }  // boxes drawn at the last paint
    int highlighted() const { return highlighted_; }
    void setHighlighted(int crop);  // an index into the crops, -1 for none
    // Where crop i's box lies in the widget (as last painted).
    QRectF boxRect(size_t i) const;

    std::function<void(int)> onHover;  // the crop under the pointer, -1 for none

protected:
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent*) override;
    void paintEvent(QPaintEvent*) override;

private:
    void drawBox(QPainter& painter, const InspectedCrop& c, int alpha, double widthScale);
    void drawLegend(QPainter& painter, const QRect& area);
    int cropAt(const QPointF& at) const;  // the smallest box holding the point, -1 for none
    void hover(int crop);

    QImage image_;
    std::vector<InspectedCrop> crops_;
    std::optional<ObjectBox> object_;
    QRectF target_;  // where the image was last painted
    int highlighted_ = -1;
    int drawn_ = 0;
};

}  // namespace ferkd::ui
