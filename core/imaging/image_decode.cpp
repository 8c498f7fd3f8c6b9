#include "imaging/image_decode.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "util/error.h"

namespace ferkd {

torch::Tensor decodeImageRgb8(const std::string& path) {
    cv::Mat m;
    try {
        m = cv::imread(path, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& e) {
        throw FileError(path, std::string("cannot decode the image: ") + e.what());
    }
    if (m.empty()) throw FileError(path, "cannot decode the image (unsupported or damaged file)");
    if (m.depth() == CV_16U) m.convertTo(m, CV_8U, 1.0 / 257.0);
    else if (m.depth() != CV_8U) m.convertTo(m, CV_8U);
    cv::Mat rgb;
    switch (m.channels()) {
    case 1: cv::cvtColor(m, rgb, cv::COLOR_GRAY2RGB); break;
    case 3: cv::cvtColor(m, rgb, cv::COLOR_BGR2RGB); break;
    case 4: cv::cvtColor(m, rgb, cv::COLOR_BGRA2RGB); break;
    default: throw FileError(path, "unsupported channel count " + std::to_string(m.channels()));
    }
    return torch::from_blob(rgb.data, {rgb.rows, rgb.cols, 3}, torch::kUInt8).clone();
}

}  // namespace ferkd
