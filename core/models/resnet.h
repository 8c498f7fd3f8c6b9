#pragma once
// ResNet with torchvision's module names, so state_dict keys match
// torchvision.models.resnet18/34/50 exactly; plus a small-input stem for 28-32 px.
#include "models/classifier.h"

namespace ferkd {

struct ResNetOptions {
    ResNetOptions(std::vector<int64_t> layers, bool bottleneck) : layers_(std::move(layers)), bottleneck_(bottleneck) {}
    TORCH_ARG(std::vector<int64_t>, layers);
    TORCH_ARG(bool, bottleneck);
    TORCH_ARG(int64_t, num_classes) = 1000;
    TORCH_ARG(int64_t, in_chans) = 3;
    TORCH_ARG(int64_t, width) = 64;         // channels of the first stage
    TORCH_ARG(bool, small_stem) = false;     // 3x3 stride-1 conv1, no max pool
    TORCH_ARG(bool, zero_init_residual) = false;
};

class ResNet : public Classifier {
public:
    std::vector<std::string> headNames() const override { return {"fc.weight", "fc.bias"}; }
    explicit ResNet(const ResNetOptions& options);
    torch::Tensor forward(torch::Tensor x) override;
    const ResNetOptions& options() const { return options_; }

private:
    torch::nn::Sequential makeLayer(int64_t planes, int64_t blocks, int64_t stride);
    void initWeights();

    ResNetOptions options_;
    int64_t inplanes_;
    torch::nn::Conv2d conv1{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr};
    torch::nn::Sequential layer1{nullptr}, layer2{nullptr}, layer3{nullptr}, layer4{nullptr};
    torch::nn::Linear fc{nullptr};
};

}  // namespace ferkd
