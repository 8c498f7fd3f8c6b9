#pragma once
// A whole file mapped read-only into memory; the mapping lives as long as any copy of
// mapping() (tensors that point into the file keep it alive).
#include <cstdint>
#include <memory>
#include <string>

namespace ferkd {

class MappedFile {
public:
    // `what` names the kind of file in errors ("label store"). Throws FileError.
    MappedFile(const std::string& path, const std::string& what);

    const unsigned char* data() const { return data_; }
    uint64_t size() const { return size_; }
    const std::shared_ptr<void>& mapping() const { return mapping_; }

private:
    std::shared_ptr<void> mapping_;
    const unsigned char* data_ = nullptr;
    uint64_t size_ = 0;
};

}  // namespace ferkd
