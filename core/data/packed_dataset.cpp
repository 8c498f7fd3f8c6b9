#include "data/packed_dataset.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "util/atomic_file.h"
#include "util/framed_file.h"
#include "util/error.h"
#include "util/hash.h"

namespace ferkd {
namespace {

constexpr char kPackMagic[8] = {'F', 'K', 'D', 'P', 'A', 'C', 'K', '1'};
constexpr char kPackEnd[8] = {'F', 'K', 'D', 'E', 'N', 'D', '0', '1'};
constexpr int kPackVersion = 1;       // labels and pixels
constexpr int kPackVersionBoxes = 2;  // and an object box per image

torch::Tensor resizeShortSideCenterCrop(const torch::Tensor& hwc, int side) {
    auto x = hwc.permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat);
    double scale = double(side) / double(std::min(hwc.size(0), hwc.size(1)));
    int64_t h = std::max<int64_t>(side, std::lround(hwc.size(0) * scale));
    int64_t w = std::max<int64_t>(side, std::lround(hwc.size(1) * scale));
    namespace F = torch::nn::functional;
    // Area averaging when shrinking avoids aliasing; bilinear when growing.
    auto opts = F::InterpolateFuncOptions().size(std::vector<int64_t>{h, w});
    if (scale < 1.0)
        opts.mode(torch::kArea);
    else
        opts.mode(torch::kBilinear).align_corners(false);
    x = F::interpolate(x, opts);
    x = x.narrow(2, (h - side) / 2, side).narrow(3, (w - side) / 2, side);
    return x.squeeze(0).permute({1, 2, 0}).round().clamp(0, 255).to(torch::kUInt8).contiguous();
}

// Where a box of an image of `height` x `width` lands after resizeShortSideCenterCrop.
ObjectBox resizeShortSideCenterCropBox(const ObjectBox& b, int64_t height, int64_t width, int side) {
    const double scale = double(side) / double(std::min(height, width));
    const int64_t h = std::max<int64_t>(side, std::lround(height * scale));
    const int64_t w = std::max<int64_t>(side, std::lround(width * scale));
    const int64_t oy = (h - side) / 2, ox = (w - side) / 2;
    auto at = [&](int v, int64_t offset) {
        return int(std::clamp<int64_t>(std::lround(v * scale) - offset, 0, side));
    };
    return {at(b.x0, ox), at(b.y0, oy), at(b.x1, ox), at(b.y1, oy)};
}

}  // namespace

PackedDataset::PackedDataset(const std::string& path, bool verifyChecksum) {
    FramedFile file(path, kPackMagic, "packed data set");
    const nlohmann::json& header = file.header();
    const int version = header.value("version", 0);
    if (version != kPackVersion && version != kPackVersionBoxes)
        throw FileError(path, "packed data set version " + std::to_string(version) + " is not supported (expected " +
                                  std::to_string(kPackVersion) + " or " + std::to_string(kPackVersionBoxes) + ")");
    const int64_t n = header.at("count"), h = header.at("height"), w = header.at("width"), c = header.at("channels");
    classes_ = header.at("classes").get<std::vector<std::string>>();
    const bool boxes = version == kPackVersionBoxes && header.value("boxes", false);
    const uint64_t pixelsAt = uint64_t(n) * 8;  // labels first, then pixels, then boxes
    const uint64_t boxesAt = pixelsAt + uint64_t(n) * h * w * c;
    const uint64_t stored = file.checkBody(boxesAt + (boxes ? uint64_t(n) * 16 : 0), kPackEnd, verifyChecksum);

    auto keep = file.mapping();  // the tensors keep the map alive
    auto noop = [keep](void*) {};
    auto* body = const_cast<unsigned char*>(file.body());
    labels_ = torch::from_blob(body, {n}, noop, torch::kInt64);
    images_ = torch::from_blob(body + pixelsAt, {n, h, w, c}, noop, torch::kUInt8);
    labelPtr_ = labels_.data_ptr<int64_t>();
    if (boxes) {
        boxBytes_ = body + boxesAt;  // not aligned to 4 in general: read with memcpy
        for (int64_t i = 0; i < n; ++i) {
            const ObjectBox b = *objectBox(i);
            if (b.x0 < 0 || b.y0 < 0 || b.x1 > w || b.y1 > h || b.x1 <= b.x0 || b.y1 <= b.y0)
                throw FileError(path, "the object box of image " + std::to_string(i) + " is not inside its " +
                                          std::to_string(w) + "x" + std::to_string(h) + " pixels");
        }
    }
    for (int64_t i = 0; i < n; ++i)
        if (labelPtr_[i] < 0 || labelPtr_[i] >= static_cast<int64_t>(classes_.size()))
            throw FileError(path, "label " + std::to_string(labelPtr_[i]) + " of image " + std::to_string(i) +
                                      " is outside the " + std::to_string(classes_.size()) + " classes");

    report_.path = path;
    report_.format = "packed";
    if (header.contains("generation")) report_.generation = header.at("generation").dump();
    report_.classes = classes_;
    report_.per_class.assign(classes_.size(), 0);
    for (int64_t i = 0; i < n; ++i) report_.per_class[labelPtr_[i]]++;
    fingerprint_ = header.value("source_fingerprint", std::string()) + "/packed" + std::to_string(h) + ":" + hex64(stored);
}

std::optional<ObjectBox> PackedDataset::objectBox(int64_t i) const {
    if (!boxBytes_) return std::nullopt;
    int32_t b[4];
    std::memcpy(b, boxBytes_ + 16 * i, sizeof b);
    return ObjectBox{b[0], b[1], b[2], b[3]};
}

void writePackedDataset(const Dataset& source, const std::string& path, const PackOptions& options,
                        const std::function<void(int64_t, int64_t)>& progress) {
    const int64_t n = source.size();
    if (n == 0) throw Error("cannot pack an empty data set");
    torch::Tensor first = source.image(0);
    int64_t side = options.size > 0 ? options.size : first.size(0);
    if (options.size <= 0 && first.size(0) != first.size(1))
        throw Error("images are not square; give a size to pack them at (--size)");
    const int64_t c = source.channels();
    const bool boxes = source.objectBox(0).has_value();

    nlohmann::json header = {{"version", boxes ? kPackVersionBoxes : kPackVersion},
                             {"count", n},
                             {"height", side},
                             {"width", side},
                             {"channels", c},
                             {"classes", source.classes()},
                             {"source", source.report().path},
                             {"source_fingerprint", source.fingerprint()}};
    if (boxes) header["boxes"] = true;
    if (!options.generation_json.empty()) header["generation"] = nlohmann::json::parse(options.generation_json);
    const std::string headerBytes = framedHeaderBytes(kPackMagic, header);

    writeFileAtomically(path, [&](const std::string& tmp) {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(headerBytes.data(), headerBytes.size());
        std::vector<int64_t> labels(n);
        for (int64_t i = 0; i < n; ++i) labels[i] = source.label(i);
        out.write(reinterpret_cast<const char*>(labels.data()), n * 8);
        uint64_t checksum = fnv1a64(labels.data(), n * 8);
        std::vector<int32_t> boxValues;
        for (int64_t i = 0; i < n; ++i) {
            torch::Tensor img = source.image(i);
            std::optional<ObjectBox> b = source.objectBox(i);
            if (!boxes && b)
                throw Error("image " + source.name(i) + " has an object box, while the first image has none; "
                            "give every image a box or none");
            if (boxes) {
                if (!b) throw Error("image " + source.name(i) + " has no object box, while the first image has one");
                if (img.size(0) != side || img.size(1) != side)
                    b = resizeShortSideCenterCropBox(*b, img.size(0), img.size(1), int(side));
                boxValues.insert(boxValues.end(), {b->x0, b->y0, b->x1, b->y1});
            }
            if (img.size(0) != side || img.size(1) != side) img = resizeShortSideCenterCrop(img, int(side));
            img = img.contiguous();
            out.write(reinterpret_cast<const char*>(img.data_ptr()), img.numel());
            checksum = fnv1a64(img.data_ptr(), img.numel(), checksum);
            if (progress && (i % 256 == 0 || i + 1 == n)) progress(i + 1, n);
        }
        if (boxes) {
            out.write(reinterpret_cast<const char*>(boxValues.data()), boxValues.size() * sizeof(int32_t));
            checksum = fnv1a64(boxValues.data(), boxValues.size() * sizeof(int32_t), checksum);
        }
        out.write(reinterpret_cast<const char*>(&checksum), 8);
        out.write(kPackEnd, 8);
        out.flush();
        if (!out) throw FileError(tmp, "write failed (disk full?)");
    });
}

}  // namespace ferkd
