#include "models/model_registry.h"

#include "models/regnet.h"
#include "models/resnet.h"
#include "models/vit.h"
#include "util/error.h"
#include "util/registry.h"
#include "util/text.h"

namespace ferkd {
namespace {

ModelInfo resnet(std::string name, std::vector<int64_t> layers, bool bottleneck, int64_t width, bool smallStem,
                 std::string description) {
    ModelInfo info;
    info.name = std::move(name);
    info.family = "resnet";
    info.description = std::move(description);
    info.source = "torchvision";
    info.default_input_size = smallStem ? 32 : 224;
    info.create = [=](const ModelSpec& s) -> std::shared_ptr<Classifier> {
        return std::make_shared<ResNet>(ResNetOptions(layers, bottleneck)
                                            .num_classes(s.num_classes)
                                            .in_chans(s.in_chans)
                                            .width(width)
                                            .small_stem(smallStem));
    };
    return info;
}

ModelInfo vit(std::string name, int64_t patch, int64_t dim, int64_t depth, int64_t heads, int defaultSize,
              std::string description, int64_t mlpHidden = 0, bool eva = false) {
    ModelInfo info;
    info.name = std::move(name);
    info.family = "vit";
    info.description = std::move(description);
    info.source = "timm";
    info.default_input_size = defaultSize;
    info.create = [=](const ModelSpec& s) -> std::shared_ptr<Classifier> {
        return std::make_shared<VisionTransformer>(VisionTransformerOptions()
                                                       .img_size(s.input_size)
                                                       .patch_size(patch)
                                                       .in_chans(s.in_chans)
                                                       .num_classes(s.num_classes)
                                                       .embed_dim(dim)
                                                       .depth(depth)
                                                       .num_heads(heads)
                                                       .mlp_hidden(mlpHidden)
                                                       .eva(eva)
                                                       .drop_path_rate(s.drop_path));
    };
    return info;
}

ModelInfo regnet(std::string name, RegNetParams params, std::string description) {
    ModelInfo info;
    info.name = std::move(name);
    info.family = "regnet";
    info.description = std::move(description);
    info.source = "torchvision";
    info.default_input_size = 224;
    info.create = [=](const ModelSpec& s) -> std::shared_ptr<Classifier> {
        return std::make_shared<RegNet>(params, s.num_classes, s.in_chans);
    };
    return info;
}

std::vector<ModelInfo> buildRegistry() {
    return {
        resnet("resnet18", {2, 2, 2, 2}, false, 64, false, "ResNet-18 (torchvision), 11.7M parameters at 1000 classes"),
        resnet("resnet34", {3, 4, 6, 3}, false, 64, false, "ResNet-34 (torchvision), 21.8M parameters"),
        resnet("resnet50", {3, 4, 6, 3}, true, 64, false, "ResNet-50 (torchvision), 25.6M parameters"),
        resnet("resnet18_small", {2, 2, 2, 2}, false, 64, true,
               "ResNet-18 with a 3x3 stride-1 stem and no max pool, for 28-32 px images"),
        resnet("resnet10_small", {1, 1, 1, 1}, false, 16, true,
               "Narrow ResNet-10 (width 16, small stem, 0.3M parameters) that trains on a laptop CPU in minutes"),
        regnet("regnet_y_400mf", {16, 48, 27.89, 2.09, 8, 0.25}, "RegNetY-400MF (torchvision), 4.3M parameters"),
        regnet("regnet_y_16gf", {18, 200, 106.23, 2.48, 112, 0.25}, "RegNetY-16GF (torchvision), 83.6M parameters"),
        regnet("regnet_y_128gf", {27, 456, 160.83, 2.52, 264, 0.25},
               "RegNetY-128GF (torchvision), 644.8M parameters: Table 2's finetuning student"),
        vit("vit_tiny_patch16_224", 16, 192, 12, 3, 224, "ViT-Tiny/16 (timm), 5.7M parameters"),
        vit("vit_small_patch16_224", 16, 384, 12, 6, 224, "ViT-Small/16 (timm), 22.1M parameters"),
        vit("vit_base_patch16_224", 16, 768, 12, 12, 224, "ViT-Base/16 (timm), 86.6M parameters"),
        vit("eva_giant_patch14_336", 14, 1408, 40, 16, 336,
            "EVA ViT-g/14 (timm), 1.01B parameters at 336 px: Table 2's finetuning student", 6144, true),
        vit("vit_tiny_patch4", 4, 192, 12, 3, 28, "ViT-Tiny with 4 px patches for 28-32 px images"),
        vit("vit_small_patch4", 4, 384, 12, 6, 28, "ViT-Small with 4 px patches for 28-32 px images"),
    };
}

}  // namespace

const std::vector<ModelInfo>& modelRegistry() {
    static const std::vector<ModelInfo> registry = buildRegistry();
    return registry;
}

const ModelInfo* findModel(const std::string& name) {
    return findByName(modelRegistry(), name);
}

std::vector<std::string> modelNames() {
    return namesOf(modelRegistry());
}

std::shared_ptr<Classifier> createModel(const std::string& name, const ModelSpec& spec) {
    const ModelInfo* info = findModel(name);
    if (!info) {
        std::string near = nearestName(name, modelNames());
        throw Error("unknown model '" + name + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?"));
    }
    return info->create(spec);
}

}  // namespace ferkd
