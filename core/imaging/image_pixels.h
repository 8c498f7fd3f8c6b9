#pragma once
// An image as plain bytes, for code that must not include torch (the studio's widgets).
#include <cstdint>
#include <vector>

namespace ferkd {

struct ImagePixels {
    int height = 0, width = 0, channels = 0;
    std::vector<uint8_t> data;  // height x width x channels
};

}  // namespace ferkd
