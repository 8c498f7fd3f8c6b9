#pragma once
// Soft-label generation's speed: a teacher (a registered architecture, random weights:
// speed does not depend on them) labels N crops of each of the first images of a data
// set, through the same generator `ferkd labels generate` runs, into a label store.
// What `ferkd bench labels` times against bench/python/labels_peer.py (FKD's way).
#include <cstdint>
#include <string>

namespace ferkd {

struct LabelBenchOptions {
    std::string arch = "resnet18";
    std::string data = "fashion-mnist";
    int64_t images = 1000;
    int crops = 8;
    int input_size = 56;
    int batch = 256;  // crops per teacher forward pass
    int topk = 10;
    int threads = 0;
    std::string device = "cpu";
    std::string precision = "fp32";  // or bf16 (the teacher under autocast)
    std::string out;    // the label store written
    bool keep = false;  // else removed afterwards
};

struct LabelBenchResult {
    int64_t crops = 0;
    double seconds = 0;
    double crops_per_sec = 0;
    uint64_t file_bytes = 0;
};

LabelBenchResult benchmarkLabelGeneration(const LabelBenchOptions& options);

}  // namespace ferkd
