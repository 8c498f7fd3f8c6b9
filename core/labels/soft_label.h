#pragma once
// One teacher label for one crop, as stored: the crop's box and flip, and the
// teacher's probabilities in one of FKD's label types.
#include <cstdint>
#include <string>
#include <vector>

#include "data/crop_box.h"

namespace ferkd {

enum class LabelType {
    Hard,               // the teacher's arg-max class only
    MarginalSmoothing,  // top-k probabilities; the rest of the mass spread evenly (FKD's default, k=5)
    Full,               // every class's probability
};

const char* labelTypeName(LabelType type);
LabelType labelTypeFromName(const std::string& name);  // throws ConfigError("labels.type") when unknown

struct CropLabel {
    CropBox box;
    std::vector<float> probs;      // k values (MarginalSmoothing), K values (Full), {1} (Hard)
    std::vector<int32_t> classes;  // their classes; empty for Full
};

}  // namespace ferkd
