#include "models/resnet.h"

namespace ferkd {
namespace nn = torch::nn;

namespace {

nn::Conv2d conv3x3(int64_t in, int64_t out, int64_t stride) {
    return nn::Conv2d(nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false));
}
nn::Conv2d conv1x1(int64_t in, int64_t out, int64_t stride) {
    return nn::Conv2d(nn::Conv2dOptions(in, out, 1).stride(stride).bias(false));
}

// torchvision's BasicBlock: conv1/bn1/conv2/bn2 [+ downsample.0/.1].
struct BasicBlockImpl : nn::Module {
    static constexpr int64_t expansion = 1;
    BasicBlockImpl(int64_t inplanes, int64_t planes, int64_t stride, nn::Sequential downsample_)
        : conv1(register_module("conv1", conv3x3(inplanes, planes, stride))),
          bn1(register_module("bn1", nn::BatchNorm2d(planes))),
          conv2(register_module("conv2", conv3x3(planes, planes, 1))),
          bn2(register_module("bn2", nn::BatchNorm2d(planes))),
          downsample(downsample_) {
        if (downsample) register_module("downsample", downsample);
    }
    torch::Tensor forward(torch::Tensor x) {
        auto identity = downsample ? downsample->forward(x) : x;
        auto out = bn1(conv1(x)).relu_();
        out = bn2(conv2(out));
        return out.add_(identity).relu_();  // in place, as torchvision: one tensor fewer per block
    }
    nn::Conv2d conv1, conv2;
    nn::BatchNorm2d bn1, bn2;
    nn::Sequential downsample;
};
TORCH_MODULE(BasicBlock);

// torchvision's Bottleneck (ResNet v1.5: the stride sits on the 3x3 conv).
struct BottleneckImpl : nn::Module {
    static constexpr int64_t expansion = 4;
    BottleneckImpl(int64_t inplanes, int64_t planes, int64_t stride, nn::Sequential downsample_)
        : conv1(register_module("conv1", conv1x1(inplanes, planes, 1))),
          bn1(register_module("bn1", nn::BatchNorm2d(planes))),
          conv2(register_module("conv2", conv3x3(planes, planes, stride))),
          bn2(register_module("bn2", nn::BatchNorm2d(planes))),
          conv3(register_module("conv3", conv1x1(planes, planes * expansion, 1))),
          bn3(register_module("bn3", nn::BatchNorm2d(planes * expansion))),
          downsample(downsample_) {
        if (downsample) register_module("downsample", downsample);
    }
    torch::Tensor forward(torch::Tensor x) {
        auto identity = downsample ? downsample->forward(x) : x;
        auto out = bn1(conv1(x)).relu_();
        out = bn2(conv2(out)).relu_();
        out = bn3(conv3(out));
        return out.add_(identity).relu_();  // in place, as torchvision: one tensor fewer per block
    }
    nn::Conv2d conv1, conv2, conv3;
    nn::BatchNorm2d bn1, bn2, bn3;
    nn::Sequential downsample;
};
TORCH_MODULE(Bottleneck);

}  // namespace

ResNet::ResNet(const ResNetOptions& options) : options_(options), inplanes_(options.width()) {
    const int64_t w = options_.width();
    conv1 = options_.small_stem()
                ? nn::Conv2d(nn::Conv2dOptions(options_.in_chans(), w, 3).stride(1).padding(1).bias(false))
                : nn::Conv2d(nn::Conv2dOptions(options_.in_chans(), w, 7).stride(2).padding(3).bias(false));
    register_module("conv1", conv1);
    bn1 = register_module("bn1", nn::BatchNorm2d(w));
    const auto& L = options_.layers();
    layer1 = register_module("layer1", makeLayer(w, L.at(0), 1));
    layer2 = register_module("layer2", makeLayer(w * 2, L.at(1), 2));
    layer3 = register_module("layer3", makeLayer(w * 4, L.at(2), 2));
    layer4 = register_module("layer4", makeLayer(w * 8, L.at(3), 2));
    int64_t expansion = options_.bottleneck() ? BottleneckImpl::expansion : BasicBlockImpl::expansion;
    fc = register_module("fc", nn::Linear(w * 8 * expansion, options_.num_classes()));
    initWeights();
}

nn::Sequential ResNet::makeLayer(int64_t planes, int64_t blocks, int64_t stride) {
    int64_t expansion = options_.bottleneck() ? BottleneckImpl::expansion : BasicBlockImpl::expansion;
    nn::Sequential downsample{nullptr};
    if (stride != 1 || inplanes_ != planes * expansion) {
        downsample = nn::Sequential(conv1x1(inplanes_, planes * expansion, stride),
                                    nn::BatchNorm2d(planes * expansion));
    }
    nn::Sequential layer;
    for (int64_t i = 0; i < blocks; ++i) {
        int64_t s = i == 0 ? stride : 1;
        nn::Sequential ds = i == 0 ? downsample : nn::Sequential{nullptr};
        if (options_.bottleneck())
            layer->push_back(Bottleneck(inplanes_, planes, s, ds));
        else
            layer->push_back(BasicBlock(inplanes_, planes, s, ds));
        inplanes_ = planes * expansion;
    }
    return layer;
}

void ResNet::initWeights() {
    torch::NoGradGuard guard;
    for (auto& m : modules(/*include_self=*/false)) {
        if (auto* conv = m->as<nn::Conv2d>()) {
            nn::init::kaiming_normal_(conv->weight, 0.0, torch::kFanOut, torch::kReLU);
        } else if (auto* bn = m->as<nn::BatchNorm2d>()) {
            nn::init::ones_(bn->weight);
            nn::init::zeros_(bn->bias);
        }
    }
    if (options_.zero_init_residual()) {
        for (auto& m : modules(false)) {
            if (auto* b = m->as<BottleneckImpl>()) nn::init::zeros_(b->bn3->weight);
            if (auto* b = m->as<BasicBlockImpl>()) nn::init::zeros_(b->bn2->weight);
        }
    }
}

torch::Tensor ResNet::forward(torch::Tensor x) {
    x = bn1(conv1(x)).relu_();
    if (!options_.small_stem()) x = torch::max_pool2d(x, 3, 2, 1);
    for (auto* layer : {&layer1, &layer2, &layer3, &layer4})
        x = runBlock([layer](const torch::Tensor& in) { return (*layer)->forward(in); }, x);
    x = torch::adaptive_avg_pool2d(x, {1, 1}).flatten(1);
    return fc(x);
}

}  // namespace ferkd
