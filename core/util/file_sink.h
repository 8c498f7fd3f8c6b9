#pragma once
// Writes a file through a callback-style writer (LibTorch's OutputArchive::save_to
// hands over its bytes in pieces). The pieces must never throw back into LibTorch, whose
// stream writer would then fail again in its destructor: the first failure (a full disk,
// a file size limit) is kept, the remaining pieces are dropped, and close() reports it
// with the system's reason, naming the file.
#include <cstddef>
#include <string>

namespace ferkd {

class FileSink {
public:
    // `faultPoint`: the fault-injection point reached before each piece (see fault_injection.h).
    FileSink(const std::string& path, const char* faultPoint);
    ~FileSink();
    FileSink(const FileSink&) = delete;
    FileSink& operator=(const FileSink&) = delete;

    size_t write(const void* data, size_t size) noexcept;  // always "accepts" `size`
    void close();                                          // throws FileError on any failure

private:
    std::string path_;
    const char* faultPoint_;
    int fd_ = -1;
    std::string error_;
};

}  // namespace ferkd
