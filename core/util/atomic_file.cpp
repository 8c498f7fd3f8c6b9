#include "util/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include "util/error.h"
#include "util/fault_injection.h"

namespace ferkd {
namespace {

void fsyncPath(const std::string& path, bool directory) {
    int fd = ::open(path.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
    if (fd < 0) throw FileError(path, std::string("cannot open for fsync: ") + std::strerror(errno));
    int rc = ::fsync(fd);
    int err = errno;
    ::close(fd);
    if (rc != 0) throw FileError(path, std::string("fsync failed: ") + std::strerror(err));
}

}  // namespace

void writeFileAtomically(const std::string& path, const std::function<void(const std::string&)>& writer) {
    namespace fs = std::filesystem;
    fs::path target(path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    fs::create_directories(dir, ec);
    std::random_device rd;
    std::string tmp = (dir / ("." + target.filename().string() + ".tmp-" + std::to_string(rd()))).string();
    try {
        writer(tmp);
        fsyncPath(tmp, false);
        faultPoint("atomic.before_rename");
        fs::rename(tmp, target);
    } catch (...) {
        fs::remove(tmp, ec);
        throw;
    }
    fsyncPath(dir.string(), true);
}

void requireWritableFolder(const std::string& path) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(path).has_parent_path() ? fs::path(path).parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::exists(dir, ec)) throw FileError(path, "the folder " + dir.string() + " does not exist");
    if (!fs::is_directory(dir, ec)) throw FileError(path, dir.string() + " is not a folder");
    if (::access(dir.c_str(), W_OK) != 0) throw FileError(path, "the folder " + dir.string() + " is not writable");
}

int removeStaleTemporaries(const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    int removed = 0;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() > 1 && name[0] == '.' && name.find(".tmp-") != std::string::npos && fs::remove(it->path(), ec))
            ++removed;
    }
    return removed;
}

void writeTextFileAtomically(const std::string& path, const std::string& content) {
    writeFileAtomically(path, [&](const std::string& tmp) {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << content;
        out.flush();
        if (!out) throw FileError(tmp, "write failed (disk full?)");
    });
}

void copyFileAtomically(const std::string& from, const std::string& path) {
    writeFileAtomically(path, [&](const std::string& tmp) {
        std::error_code ec;
        std::filesystem::copy_file(from, tmp, std::filesystem::copy_options::overwrite_existing, ec);
        if (ec) throw FileError(tmp, "cannot copy " + from + " (disk full?): " + ec.message());
    });
}

}  // namespace ferkd
