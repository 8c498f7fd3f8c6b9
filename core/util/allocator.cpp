#include "util/allocator.h"

#include <malloc.h>

#include <cstdlib>

namespace ferkd {

void keepFreedMemoryForReuse() {
    if (std::getenv("MALLOC_MMAP_THRESHOLD_") || std::getenv("MALLOC_TRIM_THRESHOLD_")) return;
    mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest allowed threshold on 64-bit
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
}

}  // namespace ferkd
