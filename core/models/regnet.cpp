#include "models/regnet.h"

#include <cmath>
#include <set>

namespace ferkd {
namespace nn = torch::nn;

RegNetStages regnetStages(const RegNetParams& p) {
    // Continuous widths, quantised to powers of w_m and to multiples of 8.
    std::vector<int64_t> blockWidths;
    for (int i = 0; i < p.depth; ++i) {
        double cont = double(i) * p.w_a + p.w_0;
        double capacity = std::round(std::log(cont / p.w_0) / std::log(p.w_m));
        blockWidths.push_back(int64_t(std::round(p.w_0 * std::pow(p.w_m, capacity) / 8.0)) * 8);
    }
    RegNetStages s;
    for (size_t i = 0; i < blockWidths.size(); ++i) {
        if (i == 0 || blockWidths[i] != blockWidths[i - 1]) {
            s.widths.push_back(blockWidths[i]);
            s.depths.push_back(0);
        }
        s.depths.back()++;
    }
    // Make each width divisible by its group width (bottleneck multiplier 1).
    for (auto& w : s.widths) {
        int64_t g = std::min<int64_t>(p.group_width, w);
        int64_t divisible = std::max<int64_t>(g, (w + g / 2) / g * g);
        if (double(divisible) < 0.9 * double(w)) divisible += g;
        w = divisible;
        s.group_widths.push_back(g);
    }
    return s;
}

// A named namespace, not an anonymous one: RegNetStageImpl (declared in the header) holds
// these blocks, and a type of the anonymous namespace in it draws -Wsubobject-linkage.
namespace regnet_blocks {

// Conv + BatchNorm (+ ReLU), as torchvision's Conv2dNormActivation: children 0, 1, 2.
nn::Sequential convNorm(int64_t in, int64_t out, int64_t k, int64_t stride, int64_t groups, bool relu) {
    nn::Sequential s(nn::Conv2d(nn::Conv2dOptions(in, out, k).stride(stride).padding(k / 2).groups(groups).bias(false)),
                     nn::BatchNorm2d(out));
    if (relu) s->push_back(nn::ReLU(nn::ReLUOptions(true)));
    return s;
}

struct SqueezeExcitationImpl : nn::Module {
    SqueezeExcitationImpl(int64_t channels, int64_t squeezed)
        : fc1(register_module("fc1", nn::Conv2d(nn::Conv2dOptions(channels, squeezed, 1)))),
          fc2(register_module("fc2", nn::Conv2d(nn::Conv2dOptions(squeezed, channels, 1)))) {}
    torch::Tensor forward(torch::Tensor x) {
        auto scale = torch::adaptive_avg_pool2d(x, {1, 1});
        scale = torch::sigmoid(fc2(torch::relu(fc1(scale))));
        return x * scale;
    }
    nn::Conv2d fc1, fc2;
};
TORCH_MODULE(SqueezeExcitation);

// f: a (1x1), b (3x3 grouped, strided), se, c (1x1, no activation).
struct BottleneckTransformImpl : nn::Module {
    BottleneckTransformImpl(int64_t in, int64_t out, int64_t stride, int64_t groupWidth, double seRatio)
        : a(register_module("a", convNorm(in, out, 1, 1, 1, true))),
          b(register_module("b", convNorm(out, out, 3, stride, out / groupWidth, true))),
          se(register_module("se", SqueezeExcitation(out, int64_t(std::round(seRatio * double(in)))))),
          c(register_module("c", convNorm(out, out, 1, 1, 1, false))) {}
    torch::Tensor forward(torch::Tensor x) { return c->forward(se(b->forward(a->forward(x)))); }
    nn::Sequential a, b;
    SqueezeExcitation se;
    nn::Sequential c;
};
TORCH_MODULE(BottleneckTransform);

struct ResBottleneckBlockImpl : nn::Module {
    ResBottleneckBlockImpl(int64_t in, int64_t out, int64_t stride, int64_t groupWidth, double seRatio) {
        if (in != out || stride != 1) proj = register_module("proj", convNorm(in, out, 1, stride, 1, false));
        f = register_module("f", BottleneckTransform(in, out, stride, groupWidth, seRatio));
    }
    torch::Tensor forward(torch::Tensor x) {
        auto shortcut = proj ? proj->forward(x) : x;
        return (shortcut + f(x)).relu_();
    }
    nn::Sequential proj{nullptr};
    BottleneckTransform f{nullptr};
};
TORCH_MODULE(ResBottleneckBlock);

}  // namespace regnet_blocks

using regnet_blocks::convNorm;
using regnet_blocks::ResBottleneckBlock;

// One stage: blocks named "blockN-M" (a Sequential cannot hold Sequentials in C++).
struct RegNetStageImpl : nn::Module {
    torch::Tensor forward(torch::Tensor x) {
        for (auto& b : blocks) x = b->forward(x);
        return x;
    }
    std::vector<ResBottleneckBlock> blocks;
};

RegNet::RegNet(const RegNetParams& params, int64_t numClasses, int64_t inChans) {
    const int64_t stemWidth = 32;
    stem = register_module("stem", convNorm(inChans, stemWidth, 3, 2, 1, true));
    auto trunk = register_module("trunk_output", std::make_shared<nn::Module>());
    const RegNetStages s = regnetStages(params);
    int64_t in = stemWidth;
    for (size_t i = 0; i < s.widths.size(); ++i) {
        auto stage = std::make_shared<RegNetStageImpl>();
        const std::string name = "block" + std::to_string(i + 1);
        for (int64_t j = 0; j < s.depths[i]; ++j) {
            blockLayer_["trunk_output." + name + "." + name + "-" + std::to_string(j) + "."] =
                static_cast<int>(blockLayer_.size()) + 1;
            stage->blocks.push_back(stage->register_module(
                name + "-" + std::to_string(j), ResBottleneckBlock(j == 0 ? in : s.widths[i], s.widths[i],
                                                                   j == 0 ? 2 : 1, s.group_widths[i], params.se_ratio)));
        }
        stages_.push_back(trunk->register_module(name, stage));
        in = s.widths[i];
    }
    fc = register_module("fc", nn::Linear(in, numClasses));

    // torchvision's init: He normal (fan out) convolutions, unit BatchNorm, small linear head.
    torch::NoGradGuard guard;
    for (auto& m : modules(false)) {
        if (auto* conv = m->as<nn::Conv2d>()) {
            nn::init::kaiming_normal_(conv->weight, 0.0, torch::kFanOut, torch::kReLU);
            if (conv->bias.defined()) conv->bias.zero_();
        } else if (auto* bn = m->as<nn::BatchNorm2d>()) {
            bn->weight.fill_(1);
            bn->bias.zero_();
        } else if (auto* lin = m->as<nn::Linear>()) {
            lin->weight.normal_(0, 0.01);
            lin->bias.zero_();
        }
    }
}

int RegNet::layerId(const std::string& name) const {
    if (name.rfind("stem.", 0) == 0) return 0;
    for (const auto& [prefix, layer] : blockLayer_)
        if (name.rfind(prefix, 0) == 0) return layer;
    return numLayers();
}

torch::Tensor RegNet::forward(torch::Tensor x) {
    x = stem->forward(x);
    for (auto& stage : stages_) x = runBlock([&stage](const torch::Tensor& in) { return stage->forward(in); }, x);
    return fc(torch::adaptive_avg_pool2d(x, {1, 1}).flatten(1));
}

}  // namespace ferkd
