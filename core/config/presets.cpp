#include "config/presets.h"

#include <nlohmann/json.hpp>

#include "config/config_io.h"
#include "util/error.h"
#include "util/registry.h"
#include "util/text.h"

namespace ferkd {
namespace {

// Table 2's finetuning recipe: the same for both backbones but the drop path.
std::string table2Finetuning(const std::string& arch, double dropPath) {
    nlohmann::json patch = nlohmann::json::parse(R"({
        "data": {"input_size": 336, "normalize": "imagenet"},
        "distill": {"mode": "ferkd", "num_crops": 2},
        "augment": {"crop": "rrc", "scale_min": 0.08, "scale_max": 1.0, "hflip": true, "test_crop_ratio": 1.0,
                    "randaug_ops": 2, "randaug_magnitude": 9, "randaug_mstd": 0.5,
                    "selfmix_prob": 1.0, "selfmix_alpha": 1.0, "mixup_alpha": 0.0, "cutmix_alpha": 0.0},
        "optim": {"name": "adamw", "lr": 3e-5, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.05,
                  "layer_decay": 0.95, "grad_clip": 0.0},
        "schedule": {"epochs": 15, "batch_size": 512, "warmup_epochs": 2, "lr_schedule": "cosine"},
        "ema": {"enabled": true, "decay": 0.9999}
    })");
    patch["model"] = {{"arch", arch}, {"drop_path", dropPath}};
    return patch.dump();
}

std::vector<PresetInfo> buildPresets() {
    return {
        {"fmnist-resnet-quick",
         "Narrow ResNet-10 on Fashion-MNIST, plain cross-entropy: about 92% top-1 in about 2 minutes on 2 CPU cores",
         "quick start", R"({
            "data": {"path": "fashion-mnist", "input_size": 28},
            "model": {"arch": "resnet10_small"},
            "augment": {"crop": "none", "hflip": false},
            "optim": {"lr": 0.006, "weight_decay": 0.05},
            "schedule": {"epochs": 2, "batch_size": 128, "warmup_epochs": 0.2}
         })"},
        {"fmnist-vit-quick", "ViT-Tiny with 4 px patches on Fashion-MNIST, plain cross-entropy", "quick start", R"({
            "data": {"path": "fashion-mnist", "input_size": 28},
            "model": {"arch": "vit_tiny_patch4", "drop_path": 0.05},
            "augment": {"crop": "pad", "pad": 2, "hflip": true},
            "optim": {"lr": 0.001, "weight_decay": 0.05},
            "schedule": {"epochs": 10, "batch_size": 128, "warmup_epochs": 1}
         })"},
        {"fmnist-teacher",
         "Teacher for the quick Fashion-MNIST pipeline: the quick preset's ResNet, 10 epochs with pad-crop and flip", "quick start", R"({
            "data": {"path": "fashion-mnist", "input_size": 28},
            "model": {"arch": "resnet10_small"},
            "augment": {"crop": "pad", "pad": 2, "hflip": true},
            "optim": {"lr": 0.004, "weight_decay": 0.05},
            "schedule": {"epochs": 10, "batch_size": 128, "warmup_epochs": 0.5}
         })"},
        {"fmnist-fkd-student",
         "FKD student on Fashion-MNIST: stored teacher labels of 2 crops per image per step, 256 crops (128 images) per "
         "step, 10 epochs of crop-views = 5 passes (set distill.labels)",
         "quick start", R"({
            "data": {"path": "fashion-mnist", "input_size": 28},
            "model": {"arch": "resnet10_small"},
            "distill": {"mode": "fkd", "num_crops": 2},
            "optim": {"lr": 0.004, "weight_decay": 0.05},
            "schedule": {"epochs": 10, "batch_size": 256, "warmup_epochs": 1}
         })"},
        {"fmnist-ferkd-student",
         "FerKD student on Fashion-MNIST: FKD with the paper's rule (thresholds from the validation sweep of "
         "docs/DISTILLATION.md) and SelfMix; 256 crops (128 images x 2) per step, 10 epochs = 5 passes (set distill.labels)",
         "quick start", R"({
            "data": {"path": "fashion-mnist", "input_size": 28},
            "model": {"arch": "resnet10_small"},
            "distill": {"mode": "ferkd", "num_crops": 2,
                        "ferkd": {"rule": "paper", "t_low": 0.05, "t_mid": 0.1, "t_top": 1.0}},
            "augment": {"selfmix_prob": 1.0, "selfmix_alpha": 1.0},
            "optim": {"lr": 0.004, "weight_decay": 0.05},
            "schedule": {"epochs": 10, "batch_size": 256, "warmup_epochs": 1}
         })"},
        // The cluttered testbed (docs/TESTBED.md): `ferkd dataset make-cluttered fashion-mnist
        // cluttered-fmnist` makes the data; 48 px canvases seen at 32 px, where the small
        // ResNet is as fast as at 28 px. The students' random resized crops are those of
        // the ce (and kd) runs; fkd and ferkd train on the label set's stored crops.
        {"clutter-teacher",
         "Teacher for the cluttered Fashion-MNIST testbed: the quick ResNet at 32 px, 4 epochs with pad-crop and flip",
         "testbed", R"({
            "data": {"path": "cluttered-fmnist", "input_size": 32, "val_split": 5000},
            "model": {"arch": "resnet10_small"},
            "augment": {"crop": "pad", "pad": 4, "hflip": true},
            "optim": {"lr": 0.006, "weight_decay": 0.05},
            "schedule": {"epochs": 4, "batch_size": 128, "warmup_epochs": 0.5}
         })"},
        {"clutter-ce-student",
         "Cross-entropy student on the cluttered testbed: random resized crops (scale 0.08-1, as the label sets') "
         "with the image's class",
         "testbed", R"({
            "data": {"path": "cluttered-fmnist", "input_size": 32, "val_split": 5000},
            "model": {"arch": "resnet10_small"},
            "augment": {"crop": "rrc", "scale_min": 0.08, "scale_max": 1.0, "hflip": true},
            "optim": {"lr": 0.006, "weight_decay": 0.05},
            "schedule": {"epochs": 3, "batch_size": 128, "warmup_epochs": 0.5}
         })"},
        {"clutter-fkd-student",
         "FKD student on the cluttered testbed: the teacher's stored labels of 2 crops per image per step, 256 crops "
         "(128 images) per step, 6 epochs of crop-views = 3 passes (set distill.labels)",
         "testbed", R"({
            "data": {"path": "cluttered-fmnist", "input_size": 32, "val_split": 5000},
            "model": {"arch": "resnet10_small"},
            "augment": {"crop": "rrc", "scale_min": 0.08, "scale_max": 1.0, "hflip": true},
            "distill": {"mode": "fkd", "num_crops": 2},
            "optim": {"lr": 0.006, "weight_decay": 0.05},
            "schedule": {"epochs": 6, "batch_size": 256, "warmup_epochs": 1}
         })"},
        {"clutter-ferkd-student",
         "FerKD student on the cluttered testbed: FKD with the paper's rule, thresholds chosen on a validation split "
         "(t_low 0.01, t_mid 0.1, t_top 1: docs/TESTBED.md); 256 crops (128 images x 2) per step, 6 epochs = 3 passes "
         "(set distill.labels)",
         "testbed", R"({
            "data": {"path": "cluttered-fmnist", "input_size": 32, "val_split": 5000},
            "model": {"arch": "resnet10_small"},
            "augment": {"crop": "rrc", "scale_min": 0.08, "scale_max": 1.0, "hflip": true},
            "distill": {"mode": "ferkd", "num_crops": 2,
                        "ferkd": {"rule": "paper", "t_low": 0.01, "t_mid": 0.1, "t_top": 1.0}},
            "optim": {"lr": 0.006, "weight_decay": 0.05},
            "schedule": {"epochs": 6, "batch_size": 256, "warmup_epochs": 1}
         })"},
        {"table1-resnet50-pretrain",
         "Table 1: ResNet-50 FerKD pretraining on ImageNet-1K (300 epochs, batch 1024, AdamW 0.002, cosine, "
         "wd 0.05, 5 warmup epochs, 4 crops, SelfMix 1.0), counted as FKD counts: 256 images x 4 crops per step, "
         "300 epochs of crop-views = 75 passes; set data.path and distill.labels",
         "Table 1", R"({
            "data": {"input_size": 224, "normalize": "imagenet"},
            "model": {"arch": "resnet50", "drop_path": 0.0},
            "distill": {"mode": "ferkd", "num_crops": 4},
            "augment": {"crop": "rrc", "scale_min": 0.08, "scale_max": 1.0, "hflip": true, "test_crop_ratio": 0.875,
                        "selfmix_prob": 1.0, "selfmix_alpha": 1.0, "mixup_alpha": 0.0, "cutmix_alpha": 0.0},
            "optim": {"name": "adamw", "lr": 0.002, "weight_decay": 0.05, "grad_clip": 0.0},
            "schedule": {"epochs": 300, "batch_size": 1024, "warmup_epochs": 5, "lr_schedule": "cosine"}
         })"},
        {"table1-vit-small-pretrain",
         "Table 1: ViT-S/16 FerKD pretraining on ImageNet-1K (300 epochs, batch 1024, AdamW 0.002, cosine, wd 0.05, "
         "5 warmup epochs, 4 crops, stochastic depth 0.1, Mixup 0.8 + CutMix 1.0), counted as FKD counts: 256 images "
         "x 4 crops per step, 75 passes; set data.path and distill.labels",
         "Table 1", R"({
            "data": {"input_size": 224, "normalize": "imagenet"},
            "model": {"arch": "vit_small_patch16_224", "drop_path": 0.1},
            "distill": {"mode": "ferkd", "num_crops": 4},
            "augment": {"crop": "rrc", "scale_min": 0.08, "scale_max": 1.0, "hflip": true, "test_crop_ratio": 0.875,
                        "selfmix_prob": 0.0, "mixup_alpha": 0.8, "cutmix_alpha": 1.0},
            "optim": {"name": "adamw", "lr": 0.002, "weight_decay": 0.05, "grad_clip": 0.0},
            "schedule": {"epochs": 300, "batch_size": 1024, "warmup_epochs": 5, "lr_schedule": "cosine"}
         })"},
        {"table2-vit-giant-finetune",
         "Table 2: ViT-g/14 (EVA) FerKD finetuning on ImageNet-1K at 336 px (15 epochs, batch 512, AdamW 3e-5, "
         "layer decay 0.95, cosine, wd 0.05, 2 warmup epochs, 2 crops, drop path 0.4, RandAugment m9 mstd0.5, "
         "SelfMix 1.0, EMA 0.9999), counted as FKD counts: 256 images x 2 crops per step, 15 epochs = 7.5 passes; "
         "set data.path and distill.labels",
         "Table 2", table2Finetuning("eva_giant_patch14_336", 0.4)},
        {"table2-regnety-128gf-finetune",
         "Table 2: RegNetY-128GF FerKD finetuning on ImageNet-1K at 336 px (15 epochs, batch 512, AdamW 3e-5, "
         "layer decay 0.95, cosine, wd 0.05, 2 warmup epochs, 2 crops, no drop path, RandAugment m9 mstd0.5, "
         "SelfMix 1.0, EMA 0.9999), counted as FKD counts: 256 images x 2 crops per step, 15 epochs = 7.5 passes; "
         "set data.path and distill.labels",
         "Table 2", table2Finetuning("regnet_y_128gf", 0.0)},
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
