#pragma once
// Training images held out for validation (data.val_split): a seeded draw from the
// training set, so every run with the same data.val_seed holds out the same images.
// The held-out images keep their indices in the training set, which is what label
// stores are indexed by.
#include <cstdint>
#include <vector>

namespace ferkd {

struct TrainValSplit {
    std::vector<int64_t> train;  // ascending
    std::vector<int64_t> val;    // ascending; empty without a split
};

// `valSplit`: 0 none, a share in (0, 1) (rounded to whole images) or a count >= 1.
// Throws ConfigError naming data.val_split when it is negative, holds out no image
// or leaves none to train on.
TrainValSplit splitForValidation(int64_t images, double valSplit, uint64_t seed);

// The number of images `valSplit` holds out of `images` (see above; no checks).
int64_t heldOutCount(int64_t images, double valSplit);

}  // namespace ferkd
