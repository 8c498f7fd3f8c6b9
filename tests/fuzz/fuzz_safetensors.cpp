// A safetensors file: header JSON, dtypes, shapes, offsets.
#include "fuzz_support.h"
#include "interop/safetensors.h"

FERKD_FUZZ_TARGET(safetensors) {
    ferkd::fuzz::expectCleanErrors([&] { (void)ferkd::readSafetensors(data, size, "fuzz.safetensors"); });
    return 0;
}
