#pragma once
// What every fuzz target shares: the input written to a file (the parsers under test
// read files, as users give them), and the rule that bad input may only end in the
// core's own error (ferkd::Error, naming the file). Anything else escaping (an
// std::bad_alloc from a lying header, a c10::Error, an out-of-range) is a finding: it
// propagates, libFuzzer reports it as a crash, and the replay test fails.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "util/error.h"

namespace ferkd::fuzz {

// A file per process, rewritten for every input.
inline std::string writeInput(const uint8_t* data, size_t size, const char* suffix = ".bin") {
    const std::string path = "/tmp/ferkd-fuzz-" + std::to_string(::getpid()) + suffix;
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) std::abort();
    if (size > 0 && std::fwrite(data, 1, size, f) != size) std::abort();
    std::fclose(f);
    return path;
}

template <typename F>
void expectCleanErrors(F&& parse) {
    try {
        parse();
    } catch (const ferkd::Error&) {
        // A clear error naming the file: what bad input should give.
    }
}

}  // namespace ferkd::fuzz
