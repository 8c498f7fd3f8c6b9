#pragma once
// PNG for the server's images (the crop browser on a remote workspace), on zlib alone:
// the core has no OpenCV on a GPU machine, and no Qt anywhere.
#include <string>

#include "imaging/image_pixels.h"

namespace ferkd {

// An 8-bit grey (1 channel) or RGB (3) image as a PNG file's bytes. Error for other channel counts.
std::string encodePng(const ImagePixels& image);

// A PNG's bytes back to pixels: 8-bit grey or RGB, not interlaced (what encodePng and
// most writers make; the five row filters are undone). Error naming `what` otherwise,
// and for damaged or truncated data.
ImagePixels decodePng(const std::string& bytes, const std::string& what);

}  // namespace ferkd
