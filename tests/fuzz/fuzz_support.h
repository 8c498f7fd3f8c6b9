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

// A target's entry (FERKD_FUZZ_TARGET below) as the replay program calls it.
using Target = int (*)(const uint8_t* data, size_t size);
// Called before main by each target of the replay program (fuzz_replay.cpp).
bool registerTarget(const char* name, Target target);

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

// FERKD_FUZZ_TARGET(name) { ... data, size ... }: in a libFuzzer build (FERKD_FUZZ) the
// target's LLVMFuzzerTestOneInput, one program per target; in the replay program, which
// holds the targets together (one compile of LibTorch's headers, not one per target), a
// function registered under `name`.
#ifdef FERKD_FUZZ_REPLAY
#define FERKD_FUZZ_TARGET(name)                                                          \
    static int fuzzTarget_##name(const uint8_t* data, size_t size);                      \
    [[maybe_unused]] static const bool fuzzTargetRegistered_##name =                     \
        ::ferkd::fuzz::registerTarget(#name, fuzzTarget_##name);                         \
    static int fuzzTarget_##name(const uint8_t* data, size_t size)
#else
#define FERKD_FUZZ_TARGET(name) extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
#endif
