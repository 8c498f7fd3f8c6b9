#pragma once
// glibc's allocator gives every freed block above its mmap threshold back to the kernel
// (and trims the heap top above 128 KiB), so a training loop that frees and reallocates
// the same activation and batch buffers every step faults in fresh zeroed pages every
// step: 13% of an epoch's profile on image folders. Serving blocks up to 32 MiB from the
// heap and keeping up to 1 GiB of free heap lets them be reused instead
// (docs/PERFORMANCE.md: the step 9% faster, the JPEG epoch 12%, peak memory +5%).
// Call once at start-up, before threads allocate; MALLOC_MMAP_THRESHOLD_ or
// MALLOC_TRIM_THRESHOLD_ in the environment leave glibc's settings to the user.
namespace ferkd {

void keepFreedMemoryForReuse();

}  // namespace ferkd
