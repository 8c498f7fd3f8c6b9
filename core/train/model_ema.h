#pragma once
// Exponential moving average of a model's weights (buffers are copied), kept in a
// second instance of the same architecture.
#include "models/classifier.h"

namespace ferkd {

class ModelEma {
public:
    ModelEma(std::shared_ptr<Classifier> model, std::shared_ptr<Classifier> shadow, double decay);
    void update();
    Classifier& shadow() { return *shadow_; }
    std::shared_ptr<Classifier> shadowPtr() const { return shadow_; }

private:
    std::shared_ptr<Classifier> model_, shadow_;
    std::vector<torch::Tensor> modelParams_, shadowParams_, modelBuffers_, shadowBuffers_;
    double decay_;
};

}  // namespace ferkd
