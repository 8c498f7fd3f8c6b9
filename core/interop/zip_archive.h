#pragma once
// A read-only view of a ZIP archive in memory as torch.save writes it (stored, that is
// uncompressed, entries; ZIP64 for large files). Every offset and size is checked against the
// buffer, so a truncated or hostile file gives a clear error, never a read past its end.
#include <cstdint>
#include <string>
#include <vector>

namespace ferkd {

class ZipArchive {
public:
    struct Entry {
        std::string name;
        uint64_t offset = 0, size = 0;  // of the stored bytes in the buffer
        uint32_t crc32 = 0;
        bool stored = true;  // uncompressed; only such entries can be read
    };

    // `data` must outlive the archive. `path` names the file in errors.
    ZipArchive(const unsigned char* data, uint64_t size, const std::string& path);

    const std::vector<Entry>& entries() const { return entries_; }
    const Entry* find(const std::string& name) const;
    // The entry's bytes, with their CRC-32 checked. Throws FileError for a damaged entry.
    const unsigned char* bytes(const Entry& entry) const;

    // True when the buffer starts like a ZIP file ("PK\3\4").
    static bool looksLikeZip(const unsigned char* data, uint64_t size);

private:
    const unsigned char* data_;
    uint64_t size_;
    std::string path_;
    std::vector<Entry> entries_;
};

}  // namespace ferkd
