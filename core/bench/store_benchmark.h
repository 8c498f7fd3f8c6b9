#pragma once
// The label store's cost: bytes per crop on disk and random-access reads of one
// image's labels (every crop's box and top-k decoded), on a synthetic label set of the
// given shape, after every image was read once (steady state, as over a run's epochs).
// What `ferkd bench store` measures against FKD's per-image fp16 files
// (bench/python/store_peer.py), which warms up the same way.
#include <cstdint>
#include <string>

namespace ferkd {

struct StoreBenchOptions {
    int64_t images = 10000;
    int crops = 40;       // per image
    int classes = 1000;
    int topk = 10;        // marginal smoothing
    int reads = 5000;     // random images read back
    std::string dir;      // where the store is written (removed afterwards)
};

struct StoreBenchResult {
    uint64_t file_bytes = 0;
    double bytes_per_crop = 0;
    double write_seconds = 0;
    double open_seconds = 0;    // open + header and end-marker checks
    double reads_per_sec = 0;   // random images, all their crops decoded
};

StoreBenchResult benchmarkLabelStore(const StoreBenchOptions& options);

}  // namespace ferkd
