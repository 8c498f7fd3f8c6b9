#include "remote/access_token.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "util/error.h"

namespace ferkd {
namespace {

constexpr size_t kTokenBytes = 32;

std::string generateToken() {
    unsigned char bytes[kTokenBytes];
    size_t filled = 0;
    while (filled < kTokenBytes) {
        const ssize_t n = ::getrandom(bytes + filled, kTokenBytes - filled, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw Error(std::string("cannot draw a random token: ") + std::strerror(errno));
        filled += static_cast<size_t>(n);
    }
    static const char* kHex = "0123456789abcdef";
    std::string token;
    for (unsigned char b : bytes) {
        token += kHex[b >> 4];
        token += kHex[b & 15];
    }
    return token;
}

bool isToken(const std::string& token) {
    return token.size() >= 2 * kTokenBytes && token.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::string readTokenFile(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw FileError(path, "no token file here");
    if (st.st_mode & (S_IRWXG | S_IRWXO))
        throw FileError(path, "the token file can be read by others than its owner; `chmod 600` it");
    std::ifstream in(path);
    std::string token;
    std::getline(in, token);
    while (!token.empty() && (token.back() == '\r' || token.back() == ' ')) token.pop_back();
    if (!isToken(token))
        throw FileError(path, "expected a token of at least 64 hex digits (as `ferkd serve` writes)");
    return token;
}

}  // namespace

std::string defaultTokenPath(const std::string& workspace) {
    return (std::filesystem::path(workspace) / "server" / "token").string();
}

std::string loadOrCreateAccessToken(const std::string& path) {
    if (::access(path.c_str(), F_OK) == 0) return readTokenFile(path);
    const auto folder = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!folder.empty()) std::filesystem::create_directories(folder, ec);
    if (ec) throw FileError(folder.string(), "cannot create the token's folder: " + ec.message());
    const std::string token = generateToken();
    // O_EXCL: two servers started at once do not overwrite each other's token.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) return readTokenFile(path);
        throw FileError(path, std::string("cannot create the token file: ") + std::strerror(errno));
    }
    const std::string line = token + "\n";
    const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    ::close(fd);
    if (!written) {
        ::unlink(path.c_str());
        throw FileError(path, "cannot write the token file (is the disk full?)");
    }
    return token;
}

std::string readAccessToken(const std::string& path) { return readTokenFile(path); }

void saveAccessToken(const std::string& path, const std::string& token) {
    if (!isToken(token)) throw ConfigError("token", "expected at least 64 hex digits, as `ferkd serve` writes to its token file");
    const auto folder = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!folder.empty()) std::filesystem::create_directories(folder, ec);
    if (ec) throw FileError(folder.string(), "cannot create the token's folder: " + ec.message());
    // Written beside it with mode 0600 from the start, then renamed over it: never a
    // moment where the token is readable by others, nor a half-written file.
    const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
    ::unlink(temporary.c_str());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw FileError(path, std::string("cannot write the token file: ") + std::strerror(errno));
    const std::string line = token + "\n";
    const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written || ::rename(temporary.c_str(), path.c_str()) != 0) {
        ::unlink(temporary.c_str());
        throw FileError(path, "cannot write the token file (is the disk full?)");
    }
}

bool tokensEqual(std::string_view expected, std::string_view given) {
    // Every byte of the expected token is compared whatever the given one holds.
    unsigned char diff = expected.size() == given.size() ? 0 : 1;
    for (size_t i = 0; i < expected.size(); ++i) {
        const unsigned char g = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
        diff |= static_cast<unsigned char>(expected[i]) ^ g;
    }
    return diff == 0;
}

}  // namespace ferkd
