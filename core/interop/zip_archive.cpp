#include "interop/zip_archive.h"

#include <zlib.h>

#include <cstring>

#include "util/error.h"

namespace ferkd {

namespace {

uint64_t le(const unsigned char* p, int bytes) {
    uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

constexpr uint32_t kLocalHeader = 0x04034b50, kCentralHeader = 0x02014b50, kEnd = 0x06054b50;
constexpr uint32_t kEnd64 = 0x06064b50, kEnd64Locator = 0x07064b50;

}  // namespace

bool ZipArchive::looksLikeZip(const unsigned char* data, uint64_t size) {
    return size >= 4 && le(data, 4) == kLocalHeader;
}

ZipArchive::ZipArchive(const unsigned char* data, uint64_t size, const std::string& path)
    : data_(data), size_(size), path_(path) {
    auto fail = [&](const std::string& why) { throw FileError(path_, "not a readable ZIP archive: " + why); };
    if (size_ < 22) fail("too short (truncated?)");
    // The end record sits in the last 22 + 65535 bytes (after an optional comment).
    int64_t end = -1;
    const uint64_t lowest = size_ > 22 + 65535 ? size_ - 22 - 65535 : 0;
    for (uint64_t at = size_ - 22 + 1; at-- > lowest;)
        if (le(data_ + at, 4) == kEnd) {
            end = int64_t(at);
            break;
        }
    if (end < 0) fail("no end-of-archive record (the file is truncated or not a ZIP file)");
    const unsigned char* e = data_ + end;
    uint64_t count = le(e + 10, 2), cdSize = le(e + 12, 4), cdOffset = le(e + 16, 4);
    if (end >= 20 && le(e - 20, 4) == kEnd64Locator) {
        const uint64_t at = le(e - 20 + 8, 8);
        if (at > size_ || size_ - at < 56 || le(data_ + at, 4) != kEnd64) fail("damaged ZIP64 end record");
        count = le(data_ + at + 32, 8);
        cdSize = le(data_ + at + 40, 8);
        cdOffset = le(data_ + at + 48, 8);
    }
    if (cdOffset > size_ || cdSize > size_ - cdOffset) fail("the central directory lies outside the file (truncated?)");
    if (count > cdSize / 46) fail("more entries than the central directory can hold");
    uint64_t at = cdOffset;
    const uint64_t cdEnd = cdOffset + cdSize;
    for (uint64_t i = 0; i < count; ++i) {
        if (cdEnd - at < 46 || le(data_ + at, 4) != kCentralHeader) fail("damaged central directory");
        const unsigned char* h = data_ + at;
        const uint64_t method = le(h + 10, 2), nameLen = le(h + 28, 2), extraLen = le(h + 30, 2), commentLen = le(h + 32, 2);
        uint64_t compSize = le(h + 20, 4), plainSize = le(h + 24, 4), local = le(h + 42, 4);
        if (cdEnd - at - 46 < nameLen + extraLen + commentLen) fail("damaged central directory entry");
        Entry entry;
        entry.name.assign(reinterpret_cast<const char*>(h + 46), nameLen);
        entry.crc32 = static_cast<uint32_t>(le(h + 16, 4));
        // ZIP64 extra field: 64-bit values for the fields saturated at 0xFFFFFFFF, in order.
        for (uint64_t x = 0; x + 4 <= extraLen;) {
            const unsigned char* f = h + 46 + nameLen + x;
            const uint64_t id = le(f, 2), len = le(f + 2, 2);
            if (x + 4 + len > extraLen) fail("damaged extra field of '" + entry.name + "'");
            if (id == 1) {
                uint64_t k = 0;
                auto next = [&](uint64_t& v) {
                    if (v != 0xFFFFFFFFu) return;
                    if (k + 8 > len) fail("damaged ZIP64 field of '" + entry.name + "'");
                    v = le(f + 4 + k, 8);
                    k += 8;
                };
                next(plainSize);
                next(compSize);
                next(local);
            }
            x += 4 + len;
        }
        entry.stored = method == 0;
        if (entry.stored && compSize != plainSize) fail("entry '" + entry.name + "' has inconsistent sizes");
        if (local > size_ || size_ - local < 30 || le(data_ + local, 4) != kLocalHeader)
            fail("entry '" + entry.name + "' points outside the file (truncated?)");
        const uint64_t dataAt = local + 30 + le(data_ + local + 26, 2) + le(data_ + local + 28, 2);
        if (dataAt > size_ || compSize > size_ - dataAt) fail("entry '" + entry.name + "' runs past the end of the file (truncated?)");
        entry.offset = dataAt;
        entry.size = entry.stored ? plainSize : compSize;
        entries_.push_back(std::move(entry));
        at += 46 + nameLen + extraLen + commentLen;
    }
}

const ZipArchive::Entry* ZipArchive::find(const std::string& name) const {
    for (const auto& e : entries_)
        if (e.name == name) return &e;
    return nullptr;
}

const unsigned char* ZipArchive::bytes(const Entry& entry) const {
    if (!entry.stored)
        throw FileError(path_, "entry '" + entry.name + "' is compressed; PyTorch archives store tensors uncompressed");
    const unsigned char* p = data_ + entry.offset;
    uLong crc = ::crc32(0L, Z_NULL, 0);
    for (uint64_t done = 0; done < entry.size;) {  // zlib takes at most 4 GiB per call
        const uInt n = static_cast<uInt>(std::min<uint64_t>(entry.size - done, 1u << 30));
        crc = ::crc32(crc, p + done, n);
        done += n;
    }
    if (static_cast<uint32_t>(crc) != entry.crc32)
        throw FileError(path_, "entry '" + entry.name + "' is damaged (CRC-32 mismatch)");
    return p;
}

}  // namespace ferkd
