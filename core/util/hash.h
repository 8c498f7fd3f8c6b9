#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace ferkd {

// 64-bit FNV-1a; `seed` chains calls. For fingerprints and checksums, not security.
uint64_t fnv1a64(const void* data, size_t size, uint64_t seed = 14695981039346656037ull);
std::string hex64(uint64_t value);

// Mixes integers into one well-spread seed (splitmix64), e.g. seed, epoch, step.
uint64_t mixSeed(uint64_t a, uint64_t b, uint64_t c = 0);

}  // namespace ferkd
