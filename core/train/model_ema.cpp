#include "train/model_ema.h"

namespace ferkd {

ModelEma::ModelEma(std::shared_ptr<Classifier> model, std::shared_ptr<Classifier> shadow, double decay)
    : model_(std::move(model)), shadow_(std::move(shadow)), decay_(decay) {
    modelParams_ = model_->parameters();
    shadowParams_ = shadow_->parameters();
    modelBuffers_ = model_->buffers();
    shadowBuffers_ = shadow_->buffers();
    torch::NoGradGuard guard;
    for (size_t i = 0; i < modelParams_.size(); ++i) shadowParams_[i].copy_(modelParams_[i]);
    for (size_t i = 0; i < modelBuffers_.size(); ++i) shadowBuffers_[i].copy_(modelBuffers_[i]);
    shadow_->eval();
    for (auto& p : shadowParams_) p.set_requires_grad(false);
}

void ModelEma::update() {
    torch::NoGradGuard guard;
    for (size_t i = 0; i < modelParams_.size(); ++i) shadowParams_[i].mul_(decay_).add_(modelParams_[i], 1.0 - decay_);
    for (size_t i = 0; i < modelBuffers_.size(); ++i) shadowBuffers_[i].copy_(modelBuffers_[i]);
}

}  // namespace ferkd
