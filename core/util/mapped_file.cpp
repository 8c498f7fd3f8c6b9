#include "util/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "util/error.h"

namespace ferkd {

MappedFile::MappedFile(const std::string& path, const std::string& what) {
    int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) throw FileError(path, "cannot open the " + what + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw FileError(path, "not a regular file; expected a " + what);
    }
    size_ = static_cast<uint64_t>(st.st_size);
    if (size_ == 0) {
        ::close(fd);
        throw FileError(path, "is empty; expected a " + what);
    }
    void* base = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (base == MAP_FAILED) throw FileError(path, "cannot memory-map the " + what);
    const uint64_t size = size_;
    mapping_ = std::shared_ptr<void>(base, [size](void* p) { ::munmap(p, size); });
    data_ = static_cast<const unsigned char*>(base);
}

}  // namespace ferkd
