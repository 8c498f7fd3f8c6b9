#include "util/framed_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

#include "util/error.h"
#include "util/hash.h"

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
    int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) throw FileError(path, "cannot open the " + what);
    struct stat st {};
    ::fstat(fd, &st);
    size_ = static_cast<uint64_t>(st.st_size);
    if (size_ < 32) {
        ::close(fd);
        throw FileError(path, "not a " + what + " (file too short)");
    }
    void* base = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (base == MAP_FAILED) throw FileError(path, "cannot memory-map the " + what);
    const uint64_t size = size_;
    mapping_ = std::shared_ptr<void>(base, [size](void* p) { ::munmap(p, size); });
    base_ = static_cast<const unsigned char*>(base);
    if (std::memcmp(base_, magic, 8) != 0) throw FileError(path, "not a " + what + " (bad magic)");
    uint64_t headerLen;
    std::memcpy(&headerLen, base_ + 8, 8);
    if (16 + headerLen > size_) throw FileError(path, "truncated " + what + " (header)");
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
