#pragma once
// FKD's one-off labelling: N RandomResizedCrop regions (box and flip recorded) per
// image, the teacher run once on each, its probabilities stored. All N crops of an
// image are cut from one decode in one batched operation. The boxes of image i are a
// pure function of (seed, i), and an interrupted generation continues where it stopped.
#include <functional>

#include "data/crop_box.h"
#include "data/dataset.h"
#include "dist/process_group.h"
#include "labels/label_store.h"
#include "labels/teacher.h"
#include "runtime/training_control.h"

namespace ferkd {

struct LabelGenerationOptions {
    int crops_per_image = 32;  // FKD uses up to 500 on ImageNet
    RandomResizedCropParams crop;
    bool hflip = true;
    uint64_t seed = 0;
    LabelType type = LabelType::MarginalSmoothing;
    int topk = 5;
    double temperature = 1.0;
    int batch_size = 512;      // crops per teacher forward pass
    // Threads that make the teacher's inputs (decode, cut, normalise) ahead of its forward
    // passes; the store's bytes do not depend on it.
    int data_workers = 1;
    std::string precision = "fp32";  // or bf16: the teacher's forward pass under autocast (resolved, not auto)
    // Relabel mode (FKD's reference_path): take the boxes of this existing label set
    // instead of drawing new ones, so two teachers label exactly the same regions.
    std::string reference;
};

struct LabelGenerationProgress {
    int64_t done = 0, total = 0;
    double images_per_sec = 0, eta_seconds = -1;
};

// The crop boxes (with flips) drawn for image `image` of size height x width.
std::vector<CropBox> sampleImageCrops(const LabelGenerationOptions& options, int64_t image, int64_t height,
                                      int64_t width);

// The header a generation with these settings writes.
LabelSetInfo labelSetInfoFor(const Dataset& data, const Teacher& teacher, const LabelGenerationOptions& options);

// What a generation with these settings will cost, before it starts: the store's size
// exactly, the time from the teacher's speed on a few forward passes of real crops.
struct LabelGenerationEstimate {
    uint64_t bytes = 0;
    double seconds = 0, images_per_sec = 0;
    int64_t probe_images = 0;
};
LabelGenerationEstimate estimateLabelGeneration(const Dataset& data, const Teacher& teacher,
                                                const LabelGenerationOptions& options);

// Labels every image of `data` into `path` (continuing an unfinished file with the same
// settings). Returns false when `control` asked to stop; the file can then be continued.
// With a process group each rank labels its share of whole forward passes into
// `path`.rank<r>-of-<n>; rank 0 then merges the shares into `path`, byte for byte the
// store one process makes with the same settings (at the same threads per process).
bool generateLabels(const Dataset& data, const Teacher& teacher, const LabelGenerationOptions& options,
                    const std::string& path, const std::function<void(const LabelGenerationProgress&)>& progress = {},
                    const TrainingControl* control = nullptr, ProcessGroup* group = nullptr);

}  // namespace ferkd
