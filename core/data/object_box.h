#pragma once
// Where the object is in an image, for data sets that know it (the cluttered testbed of
// `ferkd dataset make-cluttered`, image folders with a boxes.csv side file): a pixel
// rectangle [x0, x1) x [y0, y1). With a crop box it gives the two shares the mining
// analysis needs: how much of the object a crop holds, and how much of the crop is object.
#include <cstdint>
#include <string>
#include <vector>

#include "data/crop_box.h"

namespace ferkd {

struct ObjectBox {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    int width() const { return x1 - x0; }
    int height() const { return y1 - y0; }
    int64_t area() const { return int64_t(width()) * height(); }
    bool operator==(const ObjectBox& o) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
};

struct BoxOverlap {
    double object_covered = 0;  // share of the object's area inside the crop
    double crop_is_object = 0;  // share of the crop's area that is object
};

// `crop` in shares of an image of `width` x `height` pixels.
BoxOverlap overlapOf(const CropBox& crop, const ObjectBox& box, int64_t width, int64_t height);

// One line of a boxes side file: `file,x0,y0,x1,y1`, `file` relative to the split's folder.
struct BoxLine {
    std::string file;
    ObjectBox box;
    int line = 0;  // 1-based, for messages
};

// Reads a side file whose first line is the header `file,x0,y0,x1,y1`. A malformed line,
// an empty box (x1 <= x0 or y1 <= y0) or a file named twice is a FileError naming the
// file and line.
std::vector<BoxLine> readObjectBoxesCsv(const std::string& path);

// Throws FileError (the side file and line) when `b` does not lie inside an image of
// `width` x `height` pixels.
void checkBoxInsideImage(const BoxLine& b, int64_t width, int64_t height, const std::string& csvPath);

}  // namespace ferkd
