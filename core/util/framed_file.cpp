#include "util/framed_file.h"

#include <cstring>

#include "util/error.h"
#include "util/hash.h"
#include "util/mapped_file.h"

namespace ferkd {

uint64_t align64(uint64_t n) { return (n + 63) & ~uint64_t(63); }

std::string framedHeaderBytes(const char magic[8], const nlohmann::json& header) {
    const std::string json = header.dump();
    const uint64_t len = json.size();
    std::string out(magic, 8);
    out.append(reinterpret_cast<const char*>(&len), 8);
    out += json;
    out.resize(align64(out.size()), '\0');
    return out;
}

FramedFile::FramedFile(const std::string& path, const char magic[8], const std::string& what)
    : path_(path), what_(what) {
    MappedFile file(path, what);
    size_ = file.size();
    if (size_ < 32) throw FileError(path, "not a " + what + " (file too short)");
    mapping_ = file.mapping();
    base_ = file.data();
    if (std::memcmp(base_, magic, 8) != 0) throw FileError(path, "not a " + what + " (bad magic)");
    uint64_t headerLen;
    std::memcpy(&headerLen, base_ + 8, 8);
    if (headerLen > size_ - 16) throw FileError(path, "truncated " + what + " (header)");
    try {
        header_ = nlohmann::json::parse(base_ + 16, base_ + 16 + headerLen);
    } catch (const std::exception& e) {
        throw FileError(path, "damaged " + what + " header: " + e.what());
    }
    bodyAt_ = align64(16 + headerLen);
}

uint64_t FramedFile::checkBody(uint64_t bodyBytes, const char endMagic[8], bool verifyChecksum) const {
    if (size_ != bodyAt_ + bodyBytes + 16)
        throw FileError(path_, "truncated or damaged " + what_ + ": expected " + std::to_string(bodyAt_ + bodyBytes + 16) +
                                   " bytes, found " + std::to_string(size_));
    if (std::memcmp(body() + bodyBytes + 8, endMagic, 8) != 0)
        throw FileError(path_, "damaged " + what_ + " (no end marker)");
    uint64_t stored;
    std::memcpy(&stored, body() + bodyBytes, 8);
    if (verifyChecksum && fnv1a64(body(), bodyBytes) != stored)
        throw FileError(path_, "checksum mismatch: the " + what_ + " is damaged");
    return stored;
}

}  // namespace ferkd
