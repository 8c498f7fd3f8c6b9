#pragma once
// glibc's allocator gives every freed block above its mmap threshold back to the kernel
// (and trims the heap top above 128 KiB), so a training loop that frees and reallocates
// the same activation and batch buffers every step faults in fresh zeroed pages every
// step: 13% of an epoch's profile on image folders. The threshold can be raised to
// 32 MiB at most; blocks above that (a 512-crop teacher pass at 64 px has activations of
// 64-128 MiB) are mapped and unmapped on every pass whatever the threshold, and label
// generation spent over half its time in those page faults. So every block comes from
// the heap (no mmap at all) and up to 1 GiB of free heap is kept for reuse
// (docs/PERFORMANCE.md: the step 9% faster, the JPEG epoch 12%, label generation 4x).
//
// Those settings hold for the main heap only. A thread other than the first gets an
// arena of its own, made of 64 MiB heaps: a larger block there is mapped and unmapped
// whatever the settings, and an emptied heap is given back. The studio trains and
// evaluates on worker threads and the data workers assemble batches of 150 MB, so every
// thread shares the main heap (one arena): the studio's evaluation 7x faster, the JPEG
// pipeline 1.6x (docs/PERFORMANCE.md).
//
// Call once at start-up, before threads allocate; MALLOC_MMAP_THRESHOLD_,
// MALLOC_MMAP_MAX_ or MALLOC_TRIM_THRESHOLD_ in the environment leave glibc's heap
// settings to the user, MALLOC_ARENA_MAX its arenas.
namespace ferkd {

void keepFreedMemoryForReuse();

}  // namespace ferkd
