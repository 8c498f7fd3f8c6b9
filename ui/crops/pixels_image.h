#pragma once
// The core's plain image bytes as a QImage (grey images shown as RGB), whole or one
// stored crop of them.
#include <QImage>

#include "data/crop_box.h"
#include "imaging/image_pixels.h"

namespace ferkd::ui {

QImage toQImage(const ImagePixels& pixels);
// The crop `box` of `pixels` as stored (mirrored where it was flipped), scaled to side x side.
QImage cropImage(const ImagePixels& pixels, const CropBox& box, int side);

}  // namespace ferkd::ui
