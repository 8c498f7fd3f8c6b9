#include "util/file_sink.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "util/error.h"
#include "util/fault_injection.h"

namespace ferkd {

FileSink::FileSink(const std::string& path, const char* faultPoint) : path_(path), faultPoint_(faultPoint) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) throw FileError(path, std::string("cannot create: ") + std::strerror(errno));
}

FileSink::~FileSink() {
    if (fd_ >= 0) ::close(fd_);
}

size_t FileSink::write(const void* data, size_t size) noexcept {
    if (!error_.empty()) return size;
    try {
        faultPoint(faultPoint_);
    } catch (const std::exception& e) {
        error_ = e.what();
        return size;
    }
    const char* p = static_cast<const char*>(data);
    size_t left = size;
    while (left > 0) {
        const ssize_t n = ::write(fd_, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error_ = n < 0 ? std::strerror(errno) : "no progress writing";
            return size;
        }
        p += n;
        left -= size_t(n);
    }
    return size;
}

void FileSink::close() {
    const int fd = fd_;
    fd_ = -1;
    if (fd >= 0 && ::close(fd) != 0 && error_.empty()) error_ = std::strerror(errno);
    if (!error_.empty()) throw FileError(path_, "write failed (is the disk full?): " + error_);
}

}  // namespace ferkd
