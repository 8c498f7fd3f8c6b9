#pragma once
// The core's plain image bytes as a QImage (grey images shown as RGB).
#include <QImage>

#include "imaging/image_pixels.h"

namespace ferkd::ui {

QImage toQImage(const ImagePixels& pixels);

}  // namespace ferkd::ui
