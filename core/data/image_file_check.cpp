#include "data/image_file_check.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <vector>

namespace ferkd {
namespace {

std::string lowerExtension(const std::string& path) {
    auto dot = path.rfind('.');
    if (dot == std::string::npos) return "";
    std::string ext = path.substr(dot);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

uint32_t le32(const unsigned char* p) { return p[0] | (p[1] << 8) | (p[2] << 16) | (uint32_t(p[3]) << 24); }
uint32_t be32(const unsigned char* p) { return (uint32_t(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3]; }
uint32_t be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }

// Decoding a header that claims 100,000 x 100,000 pixels would allocate 30 GB first.
constexpr uint64_t kMaxHeaderPixels = uint64_t(1) << 28;  // 16,384 x 16,384

std::optional<std::string> implausibleSize(uint64_t width, uint64_t height) {
    if (width == 0 || height == 0 || width * height > kMaxHeaderPixels)
        return "implausible image size " + std::to_string(width) + "x" + std::to_string(height) + " in the header";
    return std::nullopt;
}

// The frame header (SOFn) of a JPEG, found by walking the marker segments of its head.
std::optional<std::string> checkJpegFrame(const std::vector<unsigned char>& head) {
    size_t at = 2;
    while (at + 9 <= head.size() && head[at] == 0xFF) {
        const unsigned char marker = head[at + 1];
        const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame) return implausibleSize(be16(&head[at + 7]), be16(&head[at + 5]));
        at += 2 + be16(&head[at + 2]);
    }
    return std::nullopt;  // not in the head (a large EXIF block): the decoder's own limit applies
}

}  // namespace

bool isImageExtension(const std::string& path) {
    static const char* exts[] = {".jpg", ".jpeg", ".png", ".bmp", ".webp"};
    std::string ext = lowerExtension(path);
    for (const char* e : exts)
        if (ext == e) return true;
    return false;
}

std::optional<std::string> checkImageFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return "cannot open the file";
    const std::streamoff size = in.tellg();
    if (size <= 0) return "empty file (0 bytes)";
    const std::streamoff headLen = std::min<std::streamoff>(size, 65536), tailLen = std::min<std::streamoff>(size, 64);
    std::vector<unsigned char> head(headLen), tail(tailLen);
    in.seekg(0);
    in.read(reinterpret_cast<char*>(head.data()), headLen);
    in.seekg(size - tailLen);
    in.read(reinterpret_cast<char*>(tail.data()), tailLen);
    if (!in) return "cannot read the file";

    auto starts = [&](const char* magic, size_t n, size_t at = 0) {
        return static_cast<size_t>(headLen) >= at + n && std::memcmp(head.data() + at, magic, n) == 0;
    };
    if (starts("\xFF\xD8\xFF", 3)) {
        // The end-of-image marker FF D9 must close the file (trailing zero padding allowed).
        auto last = tail.rend();
        auto it = std::find_if(tail.rbegin(), last, [](unsigned char c) { return c != 0; });
        if (it == last || *it != 0xD9 || std::next(it) == last || *std::next(it) != 0xFF)
            return "truncated JPEG: no end-of-image marker";
        return checkJpegFrame(head);
    }
    if (starts("\x89PNG\r\n\x1a\n", 8)) {
        // The IEND chunk (length, "IEND", CRC) closes every whole PNG.
        if (tailLen < 12 || std::memcmp(tail.data() + tailLen - 8, "IEND", 4) != 0)
            return "truncated PNG: no IEND chunk at the end";
        if (!starts("IHDR", 4, 12) || headLen < 24) return "damaged PNG: no IHDR chunk first";
        return implausibleSize(be32(head.data() + 16), be32(head.data() + 20));
    }
    if (starts("BM", 2)) {
        if (headLen < 6) return "truncated BMP header";
        if (static_cast<std::streamoff>(le32(head.data() + 2)) > size)
            return "truncated BMP: header says " + std::to_string(le32(head.data() + 2)) + " bytes, file has " +
                   std::to_string(size);
        return std::nullopt;
    }
    if (starts("RIFF", 4) && starts("WEBP", 4, 8)) {
        if (static_cast<std::streamoff>(le32(head.data() + 4)) + 8 > size) return "truncated WebP file";
        return std::nullopt;
    }
    return "not an image (no JPEG, PNG, BMP or WebP signature)";
}

}  // namespace ferkd
