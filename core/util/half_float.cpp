#include "util/half_float.h"

#include <c10/util/Half.h>

#include <cstdint>
#include <cstring>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define FERKD_HAVE_F16C_PATH 1
#endif

namespace ferkd {

namespace {

void portableHalfBitsToFloats(const unsigned char* bytes, size_t count, float* out) {
    for (size_t i = 0; i < count; ++i) {
        uint16_t bits;
        std::memcpy(&bits, bytes + 2 * i, 2);
        out[i] = c10::detail::fp16_ieee_to_fp32_value(bits);
    }
}

#ifdef FERKD_HAVE_F16C_PATH
// Debian builds for baseline x86-64, which has no F16C; this one function is compiled for
// it and chosen at run time (every x86-64 CPU since 2012 has it). 8 values per instruction.
__attribute__((target("avx,f16c"))) void f16cHalfBitsToFloats(const unsigned char* bytes, size_t count, float* out) {
    size_t i = 0;
    for (; i + 8 <= count; i += 8)
        _mm256_storeu_ps(out + i, _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + 2 * i))));
    portableHalfBitsToFloats(bytes + 2 * i, count - i, out + i);
}

bool cpuHasF16c() {
    static const bool has = (__builtin_cpu_init(), __builtin_cpu_supports("f16c") && __builtin_cpu_supports("avx"));
    return has;
}
#endif

}  // namespace

void halfBitsToFloats(const unsigned char* bytes, size_t count, float* out) {
#ifdef FERKD_HAVE_F16C_PATH
    if (cpuHasF16c()) return f16cHalfBitsToFloats(bytes, count, out);
#endif
    portableHalfBitsToFloats(bytes, count, out);
}

}  // namespace ferkd
