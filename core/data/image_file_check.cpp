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
    const std::streamoff headLen = std::min<std::streamoff>(size, 32), tailLen = std::min<std::streamoff>(size, 64);
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
        return std::nullopt;
    }
    if (starts("\x89PNG\r\n\x1a\n", 8)) {
        // The IEND chunk (length, "IEND", CRC) closes every whole PNG.
        if (tailLen < 12 || std::memcmp(tail.data() + tailLen - 8, "IEND", 4) != 0)
            return "truncated PNG: no IEND chunk at the end";
        return std::nullopt;
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
