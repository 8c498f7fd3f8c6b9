#include "util/allocator.h"

#include <malloc.h>

#include <cstdlib>

namespace ferkd {

void keepFreedMemoryForReuse() {
    if (!std::getenv("MALLOC_ARENA_MAX")) mallopt(M_ARENA_MAX, 1);  // every thread on the main heap
    for (const char* user : {"MALLOC_MMAP_THRESHOLD_", "MALLOC_MMAP_MAX_", "MALLOC_TRIM_THRESHOLD_"})
        if (std::getenv(user)) return;
    mallopt(M_MMAP_MAX, 0);  // large blocks too: from the heap, kept when freed
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
}

}  // namespace ferkd
