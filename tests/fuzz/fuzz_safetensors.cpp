// A safetensors file: header JSON, dtypes, shapes, offsets.
#include "fuzz_support.h"
#include "interop/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    ferkd::fuzz::expectCleanErrors([&] { (void)ferkd::readSafetensors(data, size, "fuzz.safetensors"); });
    return 0;
}
