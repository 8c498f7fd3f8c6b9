#include "config/presets.h"

#include <nlohmann/json.hpp>

#include "config/config_io.h"
#include "util/error.h"
#include "util/registry.h"
#include "util/text.h"

namespace ferkd {
namespace {

std::vector<PresetInfo> buildPresets() {
    return {
        {"fmnist-resnet-quick",
         "Narrow ResNet-10 on Fashion-MNIST, plain cross-entropy: over 91% top-1 in minutes on 2 CPU cores",
         "quick start", R"({
            "data": {"path": "fashion-mnist", "input_size": 28},
            "model": {"arch": "resnet10_small"},
            "augment": {"crop": "pad", "pad": 2, "hflip": true},
            "optim": {"lr": 0.004, "weight_decay": 0.05},
            "schedule": {"epochs": 5, "batch_size": 128, "warmup_epochs": 0.5}
         })"},
        {"fmnist-vit-quick", "ViT-Tiny with 4 px patches on Fashion-MNIST, plain cross-entropy", "quick start", R"({
            "data": {"path": "fashion-mnist", "input_size": 28},
            "model": {"arch": "vit_tiny_patch4", "drop_path": 0.05},
            "augment": {"crop": "pad", "pad": 2, "hflip": true},
            "optim": {"lr": 0.001, "weight_decay": 0.05},
            "schedule": {"epochs": 10, "batch_size": 128, "warmup_epochs": 1}
         })"},
        {"table1-resnet50-pretrain",
         "Table 1: ResNet-50 pretraining recipe (300 epochs, batch 1024, AdamW 0.002, cosine, wd 0.05, 5 warmup "
         "epochs, 224 px); the soft-label and SelfMix parts come with the distillation pipeline",
         "Table 1", R"({
            "data": {"input_size": 224, "normalize": "imagenet"},
            "model": {"arch": "resnet50"},
            "augment": {"crop": "rrc", "scale_min": 0.08, "scale_max": 1.0, "hflip": true, "test_crop_ratio": 0.875},
            "optim": {"name": "adamw", "lr": 0.002, "weight_decay": 0.05},
            "schedule": {"epochs": 300, "batch_size": 1024, "warmup_epochs": 5}
         })"},
        {"table1-vit-small-pretrain",
         "Table 1: ViT-S/16 pretraining recipe (300 epochs, batch 1024, AdamW 0.002, cosine, wd 0.05, 5 warmup "
         "epochs, stochastic depth 0.1, 224 px)",
         "Table 1", R"({
            "data": {"input_size": 224, "normalize": "imagenet"},
            "model": {"arch": "vit_small_patch16_224", "drop_path": 0.1},
            "augment": {"crop": "rrc", "scale_min": 0.08, "scale_max": 1.0, "hflip": true, "test_crop_ratio": 0.875},
            "optim": {"name": "adamw", "lr": 0.002, "weight_decay": 0.05},
            "schedule": {"epochs": 300, "batch_size": 1024, "warmup_epochs": 5}
         })"},
    };
}

}  // namespace

const std::vector<PresetInfo>& presetRegistry() {
    static const std::vector<PresetInfo> presets = buildPresets();
    return presets;
}

const PresetInfo* findPreset(const std::string& name) {
    return findByName(presetRegistry(), name);
}

std::vector<std::string> presetNames() {
    return namesOf(presetRegistry());
}

RunConfig presetConfig(const std::string& name) {
    const PresetInfo* p = findPreset(name);
    if (!p) {
        std::string near = nearestName(name, presetNames());
        throw ConfigError("preset", "'" + name + "' is not a preset" + (near.empty() ? "" : "; did you mean '" + near + "'?") +
                                        " (see `ferkd presets`)");
    }
    RunConfig config;
    applyConfigJson(config, nlohmann::json::parse(p->patch_json), "preset " + name);
    config.preset = name;
    return config;
}

}  // namespace ferkd
