// Runs every file of the given folders (a fuzz target's corpus and the crashes it once
// found) through the target once: the regression test CTest runs with the normal build.
//   fuzz_replay TARGET FOLDER...
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "fuzz_support.h"

namespace ferkd::fuzz {
namespace {
std::map<std::string, Target>& targets() {
    static std::map<std::string, Target> all;
    return all;
}
}  // namespace

bool registerTarget(const char* name, Target target) {
    if (!targets().emplace(name, target).second) {
        std::fprintf(stderr, "two fuzz targets named '%s'\n", name);
        std::abort();
    }
    return true;
}

}  // namespace ferkd::fuzz

int main(int argc, char** argv) {
    using ferkd::fuzz::targets;
    const auto target = argc > 2 ? targets().find(argv[1]) : targets().end();
    if (target == targets().end()) {
        std::fprintf(stderr, "usage: %s TARGET FOLDER...\ntargets:", argv[0]);
        for (const auto& [name, run] : targets()) std::fprintf(stderr, " %s", name.c_str());
        std::fprintf(stderr, "\n");
        return 2;
    }
    int files = 0;
    for (int a = 2; a < argc; ++a) {
        if (!std::filesystem::is_directory(argv[a])) {
            std::fprintf(stderr, "%s: not a folder\n", argv[a]);
            return 2;
        }
        for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[a])) {
            if (!entry.is_regular_file()) continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            target->second(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
            ++files;
        }
    }
    // The files the target wrote its inputs to (fuzz_support.h writeInput) go with it.
    const std::string mine = "ferkd-fuzz-" + std::to_string(::getpid());
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/tmp", ec)) {
        const std::string name = entry.path().filename().string();
        const bool ours = name.rfind(mine, 0) == 0 && name.size() > mine.size() && (name[mine.size()] == '.' || name[mine.size()] == '-');
        if (ours) std::filesystem::remove_all(entry.path(), ec);
    }
    std::printf("%d input(s) replayed without a finding\n", files);
    return files > 0 ? 0 : 1;
}
