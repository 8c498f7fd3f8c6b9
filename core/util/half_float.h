#pragma once
// IEEE half-precision values (the label store's probabilities) to floats, many at a time.
#include <cstddef>

namespace ferkd {

// `count` little-endian fp16 values at `bytes` (any alignment) into `out`; exact, as every
// fp16 value is a float. Uses the CPU's F16C conversion where it has one.
void halfBitsToFloats(const unsigned char* bytes, size_t count, float* out);

}  // namespace ferkd
