#pragma once
// How a run counts its batch and its epochs.
//
// FerKD "follows FKD's training strategy", so the tables' numbers mean what FKD's
// scripts mean (github szq0214/FKD, train_FKD.py line 125, FKD_ViT/train_ViT_FKD.py
// line 162, and their epoch loops):
// - the batch counts crops: `batch_size = ceil(batch_size / num_crops)` images are
//   loaded per step, each with num_crops crops, so `-b 1024 --num_crops 4` trains
//   256 images x 4 crops per step;
// - an epoch counts crop-views: `for epoch in range(start, epochs, num_crops)`, so one
//   pass over the images with 4 crops each is 4 epochs, and 300 epochs are 75 passes;
//   the learning rate follows that epoch. FKD trains the epochs left at the end (the last
//   num_crops, or fewer when epochs is no multiple of num_crops: 15 epochs at 2 crops)
//   as single-crop passes; here they are a shorter last pass with num_crops crops per
//   image, so SelfMix and FerKD's crop selection hold to the end. Steps, crops per step
//   and crop-views are FKD's either way: epochs x images / images-per-step / num_crops steps.
// That is `schedule.accounting = fkd`. Runs stored before it existed counted the batch
// in images and an epoch as one pass (`images`); they resume as they began.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "config/run_config.h"

namespace ferkd {

namespace accounting {
inline constexpr const char* kFkd = "fkd";
inline constexpr const char* kImages = "images";
}  // namespace accounting

// Crops each image contributes to a step: distill.num_crops where the batch is built
// from stored crops (fkd, ferkd), one otherwise.
int cropsPerImage(const RunConfig& config);

// Images in one step over all processes: schedule.batch_size, which counts crops under
// FKD's accounting and images under the old one; at least 1.
int64_t imagesPerStepOf(const RunConfig& config);

// What the config's numbers come to in images, crops and steps.
struct StepAccounting {
    int crops_per_image = 1;
    int64_t images_per_step = 0;  // over all processes
    int64_t crops_per_step = 0;
    int epochs_per_pass = 1;      // crop-view epochs one pass over the images counts for
    int64_t epochs = 0;           // in the config's units
    int64_t passes = 0;           // passes over the training images, the last one possibly partial
    int64_t steps_per_pass = 0;   // full global batches of images (drop_last)
    int64_t total_steps = 0;

    // Steps one (crop-view) epoch takes; fractional when a pass counts several epochs.
    double stepsPerEpoch() const { return double(steps_per_pass) / double(epochs_per_pass); }
    // Steps of pass `pass` (0-based): steps_per_pass, fewer in a partial last pass.
    int64_t stepsInPass(int64_t pass) const;
    // The epoch (1-based, in the config's units) that step `step` (1-based, global) belongs to.
    int64_t epochOfStep(int64_t step) const;
    // The epoch (in the config's units) reached at the end of pass `pass` (0-based).
    int64_t epochAfter(int64_t pass) const;
    // The epochs (in the config's units) done after `passes` whole passes: 0 before the first.
    int64_t epochsAfterPasses(int64_t passes) const { return passes <= 0 ? 0 : epochAfter(passes - 1); }
    // One line for the run's log: "1,024 crops per step (256 images x 4), 300 epochs = 75 passes ...".
    std::string describe(int64_t trainingImages) const;
    // The same without the data set's size: "1024 crops per step (256 images x 4); 300
    // epochs of crop-views = 75 passes (FKD's accounting)".
    std::string describeStep() const;
};

// The accounting of `config` for a training set of `trainingImages` images. The config
// must be valid (validateConfig checks the rules between the fields).
StepAccounting stepAccounting(const RunConfig& config, int64_t trainingImages);

// The rules between batch, epochs and crops that `fkd` accounting adds; empty when they hold.
// Each is (field, message).
std::vector<std::pair<std::string, std::string>> accountingErrors(const RunConfig& config);

}  // namespace ferkd
