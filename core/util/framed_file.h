#pragma once
// The framing shared by this app's binary formats (packed data sets, label stores):
//   8-byte magic | u64 header length | JSON header | zero pad to 64 |
//   body | u64 FNV-1a checksum of the body | 8-byte end marker
// read through a read-only memory map.
#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

namespace ferkd {

uint64_t align64(uint64_t n);

// Magic, header length, header and padding, ready to write at offset 0.
std::string framedHeaderBytes(const char magic[8], const nlohmann::json& header);

class FramedFile {
public:
    // Maps `path` and parses its header; `what` names the format in errors
    // ("packed data set"). Throws FileError naming the file.
    FramedFile(const std::string& path, const char magic[8], const std::string& what);

    const nlohmann::json& header() const { return header_; }
    const unsigned char* body() const { return base_ + bodyAt_; }
    uint64_t fileBytes() const { return size_; }
    // Checks that the body has `bodyBytes` and the trailer is whole; with
    // `verifyChecksum` also every byte of the body. Returns the stored checksum.
    uint64_t checkBody(uint64_t bodyBytes, const char endMagic[8], bool verifyChecksum) const;
    // Keeps the mapping alive (for tensors that point into it).
    const std::shared_ptr<void>& mapping() const { return mapping_; }

private:
    std::string path_, what_;
    std::shared_ptr<void> mapping_;
    const unsigned char* base_ = nullptr;
    uint64_t size_ = 0, bodyAt_ = 0;
    nlohmann::json header_;
};

}  // namespace ferkd
