#include "imaging/tensor_pixels.h"

namespace ferkd {

ImagePixels pixelsOf(const torch::Tensor& hwc) {
    auto t = hwc.to(torch::kUInt8).contiguous();
    ImagePixels p;
    p.height = int(t.size(0));
    p.width = int(t.size(1));
    p.channels = int(t.size(2));
    p.data.assign(t.data_ptr<uint8_t>(), t.data_ptr<uint8_t>() + t.numel());
    return p;
}

}  // namespace ferkd
