#include "imaging/png_codec.h"

#include <zlib.h>

#include <array>
#include <cstdlib>
#include <limits>

#include "util/error.h"

namespace ferkd {
namespace {

constexpr std::array<uint8_t, 8> kSignature = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
// A decoded image larger than this is refused (a damaged header, not a real crop image).
constexpr uint64_t kMaxDecodedPixels = uint64_t(1) << 26;
// Deflate packs at most about 1032 bytes into one: more claimed is a lie, refused before allocating.
constexpr uint64_t kMaxDeflateRatio = 1032;

void putU32(std::string& out, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(char((v >> shift) & 0xff));
}

uint32_t getU32(const std::string& s, size_t at) {
    return uint32_t(uint8_t(s[at])) << 24 | uint32_t(uint8_t(s[at + 1])) << 16 | uint32_t(uint8_t(s[at + 2])) << 8 |
           uint32_t(uint8_t(s[at + 3]));
}

void putChunk(std::string& out, const char type[4], const std::string& data) {
    putU32(out, uint32_t(data.size()));
    const size_t start = out.size();
    out.append(type, 4);
    out += data;
    const auto* bytes = reinterpret_cast<const Bytef*>(out.data() + start);
    putU32(out, uint32_t(crc32(0L, bytes, uInt(out.size() - start))));
}

int paeth(int a, int b, int c) {
    const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

}  // namespace

std::string encodePng(const ImagePixels& image) {
    if (image.channels != 1 && image.channels != 3)
        throw Error("PNG: expected a grey or RGB image, got " + std::to_string(image.channels) + " channels");
    const size_t row = size_t(image.width) * size_t(image.channels);
    if (image.data.size() != row * size_t(image.height)) throw Error("PNG: the pixels do not fill the image's size");
    std::string raw;  // each row behind filter byte 0 (none): these images are small
    raw.reserve((row + 1) * size_t(image.height));
    for (int y = 0; y < image.height; ++y) {
        raw.push_back(0);
        raw.append(reinterpret_cast<const char*>(image.data.data()) + size_t(y) * row, row);
    }
    uLongf packedSize = compressBound(uLong(raw.size()));
    std::string packed(packedSize, '\0');
    if (compress2(reinterpret_cast<Bytef*>(packed.data()), &packedSize, reinterpret_cast<const Bytef*>(raw.data()),
                  uLong(raw.size()), 6) != Z_OK)
        throw Error("PNG: zlib could not compress the image");
    packed.resize(packedSize);
    std::string header;
    putU32(header, uint32_t(image.width));
    putU32(header, uint32_t(image.height));
    header += {char(8), char(image.channels == 1 ? 0 : 2), 0, 0, 0};  // depth, colour type, deflate, filters, no interlace
    std::string out(kSignature.begin(), kSignature.end());
    putChunk(out, "IHDR", header);
    putChunk(out, "IDAT", packed);
    putChunk(out, "IEND", "");
    return out;
}

ImagePixels decodePng(const std::string& bytes, const std::string& what) {
    auto fail = [&](const std::string& why) { return Error(what + ": not a PNG this app reads (" + why + ")"); };
    if (bytes.size() < kSignature.size() || !std::equal(kSignature.begin(), kSignature.end(), bytes.begin(),
                                                         [](uint8_t a, char b) { return a == uint8_t(b); }))
        throw fail("no PNG signature");
    ImagePixels image;
    std::string packed;
    bool header = false, ended = false;
    for (size_t at = kSignature.size(); !ended;) {
        if (at + 12 > bytes.size()) throw fail("truncated");
        const uint32_t length = getU32(bytes, at);
        if (length > bytes.size() - at - 12) throw fail("truncated chunk");
        const std::string type = bytes.substr(at + 4, 4);
        const std::string data = bytes.substr(at + 8, length);
        const auto* chunk = reinterpret_cast<const Bytef*>(bytes.data() + at + 4);
        if (uint32_t(crc32(0L, chunk, length + 4)) != getU32(bytes, at + 8 + length)) throw fail("damaged " + type + " chunk");
        at += 12 + size_t(length);
        if (type == "IHDR") {
            if (length != 13) throw fail("bad header");
            image.width = int(std::min<uint32_t>(getU32(data, 0), uint32_t(std::numeric_limits<int>::max())));
            image.height = int(std::min<uint32_t>(getU32(data, 4), uint32_t(std::numeric_limits<int>::max())));
            const int depth = uint8_t(data[8]), colour = uint8_t(data[9]), interlace = uint8_t(data[12]);
            if (data[10] != 0 || data[11] != 0) throw fail("unknown compression or filter method");
            if (depth != 8 || (colour != 0 && colour != 2) || interlace != 0)
                throw fail("expected 8-bit grey or RGB without interlace; got depth " + std::to_string(depth) +
                           ", colour type " + std::to_string(colour) + ", interlace " + std::to_string(interlace));
            image.channels = colour == 0 ? 1 : 3;
            if (image.width <= 0 || image.height <= 0 || uint64_t(image.width) * uint64_t(image.height) > kMaxDecodedPixels)
                throw fail("size " + std::to_string(image.width) + " x " + std::to_string(image.height));
            header = true;
        } else if (type == "IDAT") {
            packed += data;
        } else if (type == "IEND") {
            ended = true;
        }
    }
    if (!header) throw fail("no header");
    const size_t row = size_t(image.width) * size_t(image.channels);
    if ((row + 1) * size_t(image.height) > packed.size() * kMaxDeflateRatio + 64) throw fail("image data too short for its size");
    std::string raw((row + 1) * size_t(image.height), '\0');
    uLongf rawSize = uLongf(raw.size());
    if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &rawSize, reinterpret_cast<const Bytef*>(packed.data()),
                   uLong(packed.size())) != Z_OK ||
        rawSize != raw.size())
        throw fail("damaged image data");
    image.data.resize(row * size_t(image.height));
    const int bpp = image.channels;
    for (int y = 0; y < image.height; ++y) {
        const uint8_t filter = uint8_t(raw[size_t(y) * (row + 1)]);
        const auto* in = reinterpret_cast<const uint8_t*>(raw.data()) + size_t(y) * (row + 1) + 1;
        uint8_t* out = image.data.data() + size_t(y) * row;
        const uint8_t* up = y > 0 ? out - row : nullptr;
        for (size_t x = 0; x < row; ++x) {
            const int a = x >= size_t(bpp) ? out[x - bpp] : 0, b = up ? up[x] : 0,
                      c = up && x >= size_t(bpp) ? up[x - bpp] : 0;
            int predicted = 0;
            switch (filter) {
                case 0: break;
                case 1: predicted = a; break;
                case 2: predicted = b; break;
                case 3: predicted = (a + b) / 2; break;
                case 4: predicted = paeth(a, b, c); break;
                default: throw fail("row filter " + std::to_string(filter));
            }
            out[x] = uint8_t(in[x] + predicted);
        }
    }
    return image;
}

}  // namespace ferkd
