#pragma once
// The one configuration type of a run. Plain data; its fields are described (type,
// range, meaning, the paper's value) in config_fields.h, which drives JSON load/save,
// command-line overrides, validation and, later, the studio's form.
#include <cstdint>
#include <string>
#include <vector>

namespace ferkd {

struct DataConfig {
    std::string path = "fashion-mnist";  // built-in name, IDX folder, image folder or packed folder
    std::string format = "auto";         // auto | idx | folder | packed
    std::string test_path;               // empty: taken from `path` (t10k files, val/ or test/)
    int input_size = 28;                 // side of the square training input
    int64_t train_limit = 0;             // 0 = all training images (tests use small limits)
    int64_t test_limit = 0;
    double val_split = 0;                // training images held out for validation: a share in (0, 1) or a count >= 1; 0 = none
    uint64_t val_seed = 0;               // seed of the held-out draw, apart from `seed`, so every run of a sweep sees one split
    std::string normalize = "dataset";   // dataset (0.5/0.5) | imagenet
};

struct ModelConfig {
    std::string arch = "resnet18";
    int num_classes = 0;      // 0 = the data set's class count
    double drop_path = 0.0;   // stochastic depth rate (ViT)
    std::string pretrained;   // weights to start from: torch.save state dict, safetensors or ferkd checkpoint
    bool pretrained_strict = true;  // every key must match (a new head and resized position embeddings excepted)
    bool grad_checkpointing = false;  // recompute block/stage activations in the backward pass (less memory)
};

struct AugmentConfig {
    std::string crop = "pad";     // pad (pad-and-crop) | rrc (RandomResizedCrop) | none
    int pad = 2;                  // pixels of padding for `pad` crop
    double scale_min = 0.08;      // RandomResizedCrop area range
    double scale_max = 1.0;
    double ratio_min = 0.75;      // RandomResizedCrop aspect range
    double ratio_max = 4.0 / 3.0;
    bool hflip = true;
    double test_crop_ratio = 1.0;  // centre crop share of the image at test time
    double selfmix_prob = 0.0;     // SelfMix (fkd, ferkd with num_crops >= 2); Table 1: 1.0
    double selfmix_alpha = 1.0;    // Beta(alpha, alpha) of the mixed area
    double mixup_alpha = 0.0;      // Mixup across images, 0 = off (Table 1 ViT: 0.8)
    double cutmix_alpha = 0.0;     // CutMix across images, 0 = off (Table 1 ViT: 1.0)
    double mix_prob = 1.0;         // share of batches mixed
    double mix_switch_prob = 0.5;  // CutMix instead of Mixup when both are on
    int randaug_ops = 0;           // RandAugment operations per crop, 0 = off (Table 2: timm's 2)
    double randaug_magnitude = 9;  // RandAugment magnitude 0..10 (Table 2: 9)
    double randaug_mstd = 0.5;     // noise on the magnitude (Table 2: 0.5)
};

// FerKD's label adaptation (labels/ferkd_rule.h applies it). With p the teacher's
// probability of the true class of a stored crop, the paper's rule sorts crops into
// p < t_low discarded, t_low <= p < t_mid softened ground truth, t_mid <= p <= t_top
// the teacher's label, p > t_top discarded. `fraction` and `threshold` are the reading
// this project used before (an image's least confident crops calibrated, nothing
// discarded but `drop_easiest`), kept so old runs resume and results can be compared.
struct FerkdConfig {
    std::string rule = "paper";  // paper | fraction | threshold
    double t_low = 0.01;
    double t_mid = 0.1;
    double t_top = 1.0;
    double eps = 0.1;            // the calibrated label: (1 - eps) * onehot(y) + eps / K
    double hard_fraction = 0.2;  // fraction: this share of each image's crops, least confident first, calibrated
    double hard_threshold = 0.1; // threshold: crops with p below it calibrated
    double drop_easiest = 0.0;   // fraction, threshold: share of each image's most confident crops left out
};

// Which labels the student learns from: `ce` the ground truth, `fkd` the stored
// teacher labels of region crops, `ferkd` those adapted by FerKD's rule, `kd` the
// teacher run on every batch (classic online distillation, FKD's baseline).
struct DistillConfig {
    std::string mode = "ce";  // ce | fkd | ferkd | kd
    std::string labels;       // label store file (ferkd labels generate)
    std::string teacher;      // kd: run id or name whose best checkpoint teaches
    double temperature = 1.0; // kd: softmax temperature of teacher and student
    int num_crops = 1;        // crops of each image per step (fkd, ferkd; Table 1: 4)
    FerkdConfig ferkd;
};

struct OptimConfig {
    std::string name = "adamw";
    double lr = 0.002;
    double weight_decay = 0.05;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double grad_clip = 0.0;  // max global grad norm, 0 = off
    double layer_decay = 1.0;  // layer-wise learning-rate decay, 1 = off (Table 2: 0.95)
};

// schedule.accounting (config/step_accounting.h): fkd, as FKD's scripts count, the batch
// in crops and an epoch in crop-views; images, as runs stored before it counted.
struct ScheduleConfig {
    std::string accounting = "fkd";  // fkd | images
    int epochs = 10;                  // fkd: epochs of crop-views (a pass with 4 crops per image is 4)
    int batch_size = 128;             // fkd: crops per step (images x crops per image), over all processes
    double warmup_epochs = 1.0;
    double warmup_lr = 1e-6;
    double min_lr = 1e-6;
    std::string lr_schedule = "cosine";  // cosine | constant
};

struct EmaConfig {
    bool enabled = false;
    double decay = 0.9999;
};

struct CheckpointConfig {
    int every_steps = 0;  // also checkpoint every N steps inside an epoch, 0 = epoch ends only
    bool keep_best = true;
    int keep_top_k = 0;   // also keep the k epoch checkpoints with the best test top-1 (epoch<N>), 0 = off
};

struct RuntimeConfig {
    int threads = 0;         // intra-op threads, 0 = all cores
    std::string device = "auto";  // auto | cpu | cuda
    int log_every = 10;      // steps between step-metric rows
    bool channels_last = true;  // NHWC activations: faster convolutions on CPU (oneDNN) and GPU
    std::string precision = "auto";  // auto | fp32 | bf16 (autocast of forward and loss; weights stay fp32)
    bool crops_on_device = true;  // on CUDA: cut, augment and normalise crops on the GPU, not the prefetch thread
    int micro_batch = 0;     // crops per forward/backward pass on each process (whole images), 0 = auto (train/memory_plan.h)
    std::string memory_limit;  // bytes a process may use ("16G"), empty = the device's
    int data_workers = 0;    // threads building batches, 0 = auto (the cores the compute leaves free, at least 1)
};

struct RunConfig {
    std::string name;        // empty: derived from preset and time
    std::string kind = "train";
    std::string preset;
    uint64_t seed = 0;
    DataConfig data;
    ModelConfig model;
    AugmentConfig augment;
    DistillConfig distill;
    OptimConfig optim;
    ScheduleConfig schedule;
    EmaConfig ema;
    CheckpointConfig checkpoint;
    RuntimeConfig runtime;
};

}  // namespace ferkd
