#include "labels/label_recovery.h"

#include <algorithm>
#include <numeric>

namespace ferkd {

namespace {
// Mass of the classes outside the stored top-k, per class.
float leftoverShare(const CropLabel& l, int numClasses) {
    const int others = numClasses - static_cast<int>(l.classes.size());
    if (others <= 0) return 0.0f;
    float kept = std::accumulate(l.probs.begin(), l.probs.end(), 0.0f);
    return std::max(0.0f, 1.0f - kept) / float(others);
}
}  // namespace

float recoveredProbability(const CropLabel& l, LabelType type, int numClasses, int cls) {
    switch (type) {
    case LabelType::Full: return l.probs.at(cls);
    case LabelType::Hard: return l.classes.at(0) == cls ? 1.0f : 0.0f;
    case LabelType::MarginalSmoothing:
        for (size_t i = 0; i < l.classes.size(); ++i)
            if (l.classes[i] == cls) return l.probs[i];
        return leftoverShare(l, numClasses);
    }
    return 0.0f;
}

void recoverDistribution(const CropLabel& l, LabelType type, int numClasses, float* out) {
    switch (type) {
    case LabelType::Full: {
        float sum = std::accumulate(l.probs.begin(), l.probs.end(), 0.0f);
        for (int c = 0; c < numClasses; ++c) out[c] = l.probs[c] / (sum > 0 ? sum : 1.0f);
        return;
    }
    case LabelType::Hard:
        std::fill(out, out + numClasses, 0.0f);
        out[l.classes.at(0)] = 1.0f;
        return;
    case LabelType::MarginalSmoothing: {
        std::fill(out, out + numClasses, leftoverShare(l, numClasses));
        for (size_t i = 0; i < l.classes.size(); ++i) out[l.classes[i]] = l.probs[i];
        // fp16 storage rounds the kept values: renormalise so the label sums to 1.
        const float sum = std::accumulate(out, out + numClasses, 0.0f);
        for (int c = 0; c < numClasses; ++c) out[c] /= sum;
        return;
    }
    }
}

torch::Tensor recoverDistributions(const std::vector<CropLabel>& labels, LabelType type, int numClasses) {
    auto out = torch::empty({int64_t(labels.size()), numClasses}, torch::kFloat);
    for (size_t n = 0; n < labels.size(); ++n) recoverDistribution(labels[n], type, numClasses, out.data_ptr<float>() + n * numClasses);
    return out;
}

}  // namespace ferkd
