#include "data/validation_split.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "util/error.h"
#include "util/hash.h"

namespace ferkd {

int64_t heldOutCount(int64_t images, double valSplit) {
    if (valSplit <= 0) return 0;
    return valSplit < 1 ? static_cast<int64_t>(std::llround(valSplit * double(images))) : static_cast<int64_t>(valSplit);
}

TrainValSplit splitForValidation(int64_t images, double valSplit, uint64_t seed) {
    TrainValSplit split;
    const std::string value = nlohmann::json(valSplit).dump();
    if (valSplit < 0 || !std::isfinite(valSplit))
        throw ConfigError("data.val_split", value + " is negative; expected 0 (none), a share in (0, 1) "
                                                                     "or a count of training images");
    const int64_t held = heldOutCount(images, valSplit);
    if (valSplit > 0 && held == 0)
        throw ConfigError("data.val_split", value + " of " + std::to_string(images) +
                                                " training images holds out none; expected a larger share or a count");
    if (held >= images)
        throw ConfigError("data.val_split", "holds out " + std::to_string(held) + " of the " + std::to_string(images) +
                                                " training images, leaving none to train on; expected fewer than " +
                                                std::to_string(images));
    std::vector<int64_t> all(images);
    std::iota(all.begin(), all.end(), 0);
    if (held == 0) {
        split.train = std::move(all);
        return split;
    }
    std::mt19937_64 rng(mixSeed(seed, 0x7a1, static_cast<uint64_t>(images)));
    std::shuffle(all.begin(), all.end(), rng);
    split.val.assign(all.begin(), all.begin() + held);
    split.train.assign(all.begin() + held, all.end());
    std::sort(split.val.begin(), split.val.end());
    std::sort(split.train.begin(), split.train.end());
    return split;
}

}  // namespace ferkd
