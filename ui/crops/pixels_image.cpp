#include "crops/pixels_image.h"

#include <algorithm>

namespace ferkd::ui {

QImage toQImage(const ImagePixels& p) {
    QImage img(p.width, p.height, QImage::Format_RGB888);
    for (int y = 0; y < p.height; ++y)
        for (int x = 0; x < p.width; ++x) {
            const uint8_t* px = p.data.data() + (size_t(y) * p.width + x) * p.channels;
            const uint8_t r = px[0], g = p.channels >= 3 ? px[1] : px[0], b = p.channels >= 3 ? px[2] : px[0];
            img.setPixel(x, y, qRgb(r, g, b));
        }
    return img;
}

QImage cropImage(const ImagePixels& pixels, const CropBox& box, int side) {
    const QRect r(int(box.x * pixels.width), int(box.y * pixels.height), std::max(1, int(box.w * pixels.width)),
                  std::max(1, int(box.h * pixels.height)));
    QImage crop = toQImage(pixels).copy(r).scaled(side, side, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    return box.flip ? crop.mirrored(true, false) : crop;
}

}  // namespace ferkd::ui
