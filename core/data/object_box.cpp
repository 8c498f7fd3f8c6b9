#include "data/object_box.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "util/error.h"

namespace ferkd {

BoxOverlap overlapOf(const CropBox& crop, const ObjectBox& box, int64_t width, int64_t height) {
    const double cx0 = double(crop.x) * width, cy0 = double(crop.y) * height;
    const double cx1 = cx0 + double(crop.w) * width, cy1 = cy0 + double(crop.h) * height;
    const double ix = std::max(0.0, std::min(cx1, double(box.x1)) - std::max(cx0, double(box.x0)));
    const double iy = std::max(0.0, std::min(cy1, double(box.y1)) - std::max(cy0, double(box.y0)));
    const double inter = ix * iy;
    const double cropArea = (cx1 - cx0) * (cy1 - cy0);
    BoxOverlap o;
    o.object_covered = box.area() > 0 ? inter / double(box.area()) : 0.0;
    o.crop_is_object = cropArea > 0 ? inter / cropArea : 0.0;
    return o;
}

namespace {

[[noreturn]] void lineError(const std::string& path, int line, const std::string& what) {
    throw FileError(path, "line " + std::to_string(line) + ": " + what);
}

}  // namespace

std::vector<BoxLine> readObjectBoxesCsv(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw FileError(path, "cannot be read");
    std::string text;
    std::vector<BoxLine> boxes;
    std::set<std::string> seen;
    int number = 0;
    while (std::getline(in, text)) {
        ++number;
        if (!text.empty() && text.back() == '\r') text.pop_back();
        if (number == 1) {
            if (text != "file,x0,y0,x1,y1") lineError(path, 1, "expected the header 'file,x0,y0,x1,y1', found '" + text + "'");
            continue;
        }
        if (text.empty()) continue;
        // The file name may hold commas: the four numbers are the last four fields.
        std::vector<std::string> fields;
        std::string rest = text;
        for (int k = 0; k < 4; ++k) {
            const auto comma = rest.rfind(',');
            if (comma == std::string::npos) lineError(path, number, "expected file,x0,y0,x1,y1, found '" + text + "'");
            fields.insert(fields.begin(), rest.substr(comma + 1));
            rest.resize(comma);
        }
        if (rest.empty()) lineError(path, number, "the file name is empty");
        BoxLine b;
        b.file = rest;
        b.line = number;
        int* targets[4] = {&b.box.x0, &b.box.y0, &b.box.x1, &b.box.y1};
        const char* names[4] = {"x0", "y0", "x1", "y1"};
        for (int k = 0; k < 4; ++k) {
            std::istringstream field(fields[k]);
            int v = 0;
            if (!(field >> v) || !(field >> std::ws).eof())
                lineError(path, number, std::string(names[k]) + " '" + fields[k] + "' is not a whole number of pixels");
            *targets[k] = v;
        }
        if (b.box.x1 <= b.box.x0 || b.box.y1 <= b.box.y0)
            lineError(path, number, "the box of " + b.file + " is empty (expected x0 < x1 and y0 < y1)");
        if (!seen.insert(b.file).second) lineError(path, number, b.file + " has a box on an earlier line already");
        boxes.push_back(std::move(b));
    }
    if (number == 0) throw FileError(path, "is empty; expected the header 'file,x0,y0,x1,y1' and one line per image");
    return boxes;
}

void checkBoxInsideImage(const BoxLine& b, int64_t width, int64_t height, const std::string& csvPath) {
    if (b.box.x0 < 0 || b.box.y0 < 0 || b.box.x1 > width || b.box.y1 > height)
        lineError(csvPath, b.line,
                  "the box " + std::to_string(b.box.x0) + "," + std::to_string(b.box.y0) + "," +
                      std::to_string(b.box.x1) + "," + std::to_string(b.box.y1) + " of " + b.file +
                      " is outside the image (" + std::to_string(width) + "x" + std::to_string(height) + " pixels)");
}

}  // namespace ferkd
