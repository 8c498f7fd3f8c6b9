#include "config/config_fields.h"

#include <cmath>
#include <iomanip>
#include <sstream>
#include <nlohmann/json.hpp>

#include "util/error.h"
#include "util/registry.h"
#include "util/text.h"

namespace ferkd {
namespace {

using json = nlohmann::json;

template <class T>
constexpr FieldType typeOf() {
    if constexpr (std::is_same_v<T, bool>) return FieldType::Bool;
    else if constexpr (std::is_integral_v<T>) return FieldType::Int;
    else if constexpr (std::is_floating_point_v<T>) return FieldType::Float;
    else return FieldType::String;
}

// Builder so that each field reads as one line of the table below.
struct F {
    ConfigField f;
    F& range(double lo, double hi) { f.min = lo; f.max = hi; return *this; }
    F& above(double lo) { f.min = lo; f.minExclusive = true; return *this; }
    F& atLeast(double lo) { f.min = lo; return *this; }
    F& upTo() { f.maxExclusive = true; return *this; }  // the range's top itself is not allowed
    F& oneOf(std::vector<std::string> c) { f.type = FieldType::Choice; f.choices = std::move(c); return *this; }
    F& paper(std::string p) { f.paper = std::move(p); return *this; }
    F& execution() { f.execution = true; return *this; }
};

template <class T>
F top(std::string name, T RunConfig::*m, std::string help) {
    F b;
    b.f.name = std::move(name);
    b.f.type = typeOf<T>();
    b.f.help = std::move(help);
    b.f.get = [m](const RunConfig& c) { return json(c.*m); };
    b.f.set = [m](RunConfig& c, const json& v) { c.*m = v.get<T>(); };
    return b;
}

template <class S, class T>
F sub(std::string name, S RunConfig::*s, T S::*m, std::string help) {
    F b;
    b.f.name = std::move(name);
    b.f.type = typeOf<T>();
    b.f.help = std::move(help);
    b.f.get = [s, m](const RunConfig& c) { return json(c.*s.*m); };
    b.f.set = [s, m](RunConfig& c, const json& v) { c.*s.*m = v.get<T>(); };
    return b;
}

template <class T>
F ferkdField(std::string name, T FerkdConfig::*m, std::string help) {
    F b;
    b.f.name = std::move(name);
    b.f.type = typeOf<T>();
    b.f.help = std::move(help);
    b.f.get = [m](const RunConfig& c) { return json(c.distill.ferkd.*m); };
    b.f.set = [m](RunConfig& c, const json& v) { c.distill.ferkd.*m = v.get<T>(); };
    return b;
}

std::vector<ConfigField> buildFields() {
    using R = RunConfig;
    std::vector<F> t = {
        top("name", &R::name, "Run name shown in the runs list; empty: made from the preset and the time"),
        top("kind", &R::kind, "What the run does").oneOf({"train"}),
        top("preset", &R::preset, "The preset this config started from"),
        top("seed", &R::seed, "Seed of every random choice: data order, augmentation, init, drop path").atLeast(0),

        sub("data.path", &R::data, &DataConfig::path,
            "Training data: 'fashion-mnist' (Debian's copy), an IDX folder, an image folder (root/<class>/<image>) or a packed folder"),
        sub("data.format", &R::data, &DataConfig::format, "Data set format; auto looks at the path")
            .oneOf({"auto", "idx", "folder", "packed"}),
        sub("data.test_path", &R::data, &DataConfig::test_path,
            "Test data; empty: the test split next to data.path (t10k files, val/ or test/)"),
        sub("data.input_size", &R::data, &DataConfig::input_size, "Side of the square network input in pixels")
            .range(8, 1024).paper("224 (pretraining), 336 (finetuning)"),
        sub("data.train_limit", &R::data, &DataConfig::train_limit, "Use only the first N training images; 0 = all")
            .atLeast(0),
        sub("data.test_limit", &R::data, &DataConfig::test_limit, "Use only the first N test images; 0 = all")
            .atLeast(0),
        sub("data.val_split", &R::data, &DataConfig::val_split,
            "Training images held out for validation (never trained on; 'best' and every choice of settings use "
            "them, the test split is only reported): a share in (0, 1), a count >= 1, or 0 for none").atLeast(0),
        sub("data.val_seed", &R::data, &DataConfig::val_seed,
            "Seed of the draw of held-out images (apart from `seed`, so every run and seed of a sweep sees the "
            "same validation images)").atLeast(0),
        sub("data.normalize", &R::data, &DataConfig::normalize,
            "Input normalisation: dataset (mean 0.5, std 0.5) or imagenet mean/std").oneOf({"dataset", "imagenet"}),

        sub("model.arch", &R::model, &ModelConfig::arch, "Student architecture (see `ferkd models`)")
            .paper("resnet50, vit_small_patch16"),
        sub("model.num_classes", &R::model, &ModelConfig::num_classes, "Classes of the classifier; 0 = the data set's")
            .range(0, 100000),
        sub("model.drop_path", &R::model, &ModelConfig::drop_path, "Stochastic depth rate (ViT)")
            .range(0, 0.9).paper("0.1 (ViT-S pretraining)"),
        sub("model.pretrained", &R::model, &ModelConfig::pretrained,
            "Weights to finetune from: a torch.save state dict (torchvision/timm names), safetensors or a ferkd "
            "checkpoint; empty = random initialisation").paper("EVA / SWAG pretrained (finetuning)"),
        sub("model.pretrained_strict", &R::model, &ModelConfig::pretrained_strict,
            "Refuse pretrained weights with missing, unexpected or mis-shaped keys (a head for another class "
            "count and position embeddings for another input size are adapted)"),

        sub("model.grad_checkpointing", &R::model, &ModelConfig::grad_checkpointing,
            "Activation checkpointing: keep only the inputs of the transformer blocks (ViT, EVA) or stages (ResNet, "
            "RegNet) in the forward pass and recompute the rest in the backward pass: much less activation memory "
            "for about one more forward pass of compute (the gradients are the same)"),

        sub("augment.crop", &R::augment, &AugmentConfig::crop,
            "Training crop: pad (pad and random crop), rrc (RandomResizedCrop) or none")
            .oneOf({"pad", "rrc", "none"}).paper("rrc"),
        sub("augment.pad", &R::augment, &AugmentConfig::pad, "Padding in pixels for the pad crop").range(0, 64),
        sub("augment.scale_min", &R::augment, &AugmentConfig::scale_min, "RandomResizedCrop: smallest area share")
            .range(0.01, 1).paper("0.08"),
        sub("augment.scale_max", &R::augment, &AugmentConfig::scale_max, "RandomResizedCrop: largest area share")
            .range(0.01, 1).paper("1.0"),
        sub("augment.ratio_min", &R::augment, &AugmentConfig::ratio_min, "RandomResizedCrop: smallest aspect ratio")
            .range(0.1, 10).paper("3/4"),
        sub("augment.ratio_max", &R::augment, &AugmentConfig::ratio_max, "RandomResizedCrop: largest aspect ratio")
            .range(0.1, 10).paper("4/3"),
        sub("augment.hflip", &R::augment, &AugmentConfig::hflip, "Random horizontal flip"),
        sub("augment.test_crop_ratio", &R::augment, &AugmentConfig::test_crop_ratio,
            "Share of the image side kept by the centre crop at test time").range(0.1, 1).paper("1.0 (finetuning)"),

        sub("augment.selfmix_prob", &R::augment, &AugmentConfig::selfmix_prob,
            "SelfMix: share of images whose crops swap a CutMix box with another crop of the same image "
            "(needs distill.num_crops >= 2)").range(0, 1).paper("1.0 (ResNet-50, finetuning)"),
        sub("augment.selfmix_alpha", &R::augment, &AugmentConfig::selfmix_alpha,
            "SelfMix: Beta(alpha, alpha) of the kept area").above(0).paper("1.0"),

        sub("augment.mixup_alpha", &R::augment, &AugmentConfig::mixup_alpha,
            "Mixup across images: Beta(alpha, alpha); 0 = off").atLeast(0).paper("0.8 (ViT-S)"),
        sub("augment.cutmix_alpha", &R::augment, &AugmentConfig::cutmix_alpha,
            "CutMix across images: Beta(alpha, alpha); 0 = off").atLeast(0).paper("1.0 (ViT-S)"),
        sub("augment.mix_prob", &R::augment, &AugmentConfig::mix_prob, "Share of batches that Mixup/CutMix mixes")
            .range(0, 1),
        sub("augment.mix_switch_prob", &R::augment, &AugmentConfig::mix_switch_prob,
            "Chance of CutMix instead of Mixup when both are on").range(0, 1),
        sub("augment.randaug_ops", &R::augment, &AugmentConfig::randaug_ops,
            "RandAugment: operations per crop, each applied with probability 0.5 (timm's rand-inc set); 0 = off")
            .range(0, 8).paper("2 (finetuning: timm's rand-m9-mstd0.5)"),
        sub("augment.randaug_magnitude", &R::augment, &AugmentConfig::randaug_magnitude,
            "RandAugment: magnitude of every operation, 0..10").range(0, 10).paper("9 (finetuning)"),
        sub("augment.randaug_mstd", &R::augment, &AugmentConfig::randaug_mstd,
            "RandAugment: standard deviation of the magnitude, drawn per operation").range(0, 10)
            .paper("0.5 (finetuning)"),

        sub("distill.mode", &R::distill, &DistillConfig::mode,
            "Labels to learn from: ce (ground truth), fkd (stored teacher labels of crops), ferkd (FKD + FerKD's "
            "calibration of hard crops), kd (the teacher run on every batch)")
            .oneOf({"ce", "fkd", "ferkd", "kd"}).paper("ferkd"),
        sub("distill.teacher", &R::distill, &DistillConfig::teacher, "kd: run id or name of the teacher"),
        sub("distill.temperature", &R::distill, &DistillConfig::temperature,
            "kd: softmax temperature (the loss is scaled by its square)").above(0),
        sub("distill.labels", &R::distill, &DistillConfig::labels, "Label store file made by `ferkd labels generate`"),
        sub("distill.num_crops", &R::distill, &DistillConfig::num_crops,
            "Crops of each image per step (fkd, ferkd); with fkd accounting also the epochs one pass counts for")
            .range(1, 64).paper("4 (pretraining), 2 (finetuning)"),
        ferkdField("distill.ferkd.rule", &FerkdConfig::rule,
                   "How crops are sorted: paper (FerKD's equation: three thresholds on the teacher's probability of "
                   "the true class; the hardest and easiest crops discarded, the hard ones calibrated), or the earlier "
                   "per-image reading: fraction (each image's least confident share calibrated) or threshold "
                   "(crops below distill.ferkd.hard_threshold calibrated), nothing discarded but drop_easiest")
            .oneOf({"paper", "fraction", "threshold"}).paper("paper"),
        ferkdField("distill.ferkd.t_low", &FerkdConfig::t_low,
                   "paper rule: crops with p(true class) below it are discarded (no object in them)")
            .range(0, 1).paper("T_L (not published: choose on a validation split)"),
        ferkdField("distill.ferkd.t_mid", &FerkdConfig::t_mid,
                   "paper rule: crops with t_low <= p < t_mid get the softened ground truth (background and context); "
                   "from t_mid up to t_top the teacher's label")
            .range(0, 1).paper("T_M (not published)"),
        ferkdField("distill.ferkd.t_top", &FerkdConfig::t_top,
                   "paper rule: crops with p(true class) above it are discarded (the easiest; they teach little); "
                   "1 keeps them all")
            .range(0, 1).paper("T_T (not published)"),
        ferkdField("distill.ferkd.eps", &FerkdConfig::eps,
                   "Smoothing of the calibrated label: (1 - eps) * onehot + eps / K").range(0, 1).upTo(),
        ferkdField("distill.ferkd.hard_fraction", &FerkdConfig::hard_fraction,
                   "fraction rule: share of each image's crops, least confident first, that are calibrated").range(0, 1),
        ferkdField("distill.ferkd.hard_threshold", &FerkdConfig::hard_threshold,
                   "threshold rule: crops with p(true class) below it are calibrated").range(0, 1),
        ferkdField("distill.ferkd.drop_easiest", &FerkdConfig::drop_easiest,
                   "fraction and threshold rules: share of each image's most confident crops left out of training")
            .range(0, 0.9),

        sub("optim.name", &R::optim, &OptimConfig::name, "Optimiser").oneOf({"adamw", "sgd"}).paper("adamw"),
        sub("optim.lr", &R::optim, &OptimConfig::lr, "Peak learning rate").above(0).paper("0.002 / 3e-5"),
        sub("optim.weight_decay", &R::optim, &OptimConfig::weight_decay,
            "Weight decay (not applied to norms and biases)").range(0, 10).paper("0.05"),
        sub("optim.beta1", &R::optim, &OptimConfig::beta1, "AdamW beta1 (SGD: momentum)").range(0, 0.9999).paper("0.9"),
        sub("optim.beta2", &R::optim, &OptimConfig::beta2, "AdamW beta2").range(0, 0.99999).paper("0.999"),
        sub("optim.eps", &R::optim, &OptimConfig::eps, "AdamW epsilon").above(0).paper("1e-8"),
        sub("optim.grad_clip", &R::optim, &OptimConfig::grad_clip, "Clip the global gradient norm; 0 = off")
            .atLeast(0).paper("none"),

        sub("optim.layer_decay", &R::optim, &OptimConfig::layer_decay,
            "Layer-wise learning-rate decay: layer l of L trains at lr * decay^(L - l); 1 = off (ViT, RegNet)")
            .range(0.01, 1).paper("0.95 (finetuning)"),

        sub("schedule.accounting", &R::schedule, &ScheduleConfig::accounting,
            "How batch and epochs count: fkd (as FKD's and so FerKD's scripts: the batch counts crops, an epoch "
            "counts crop-views, so a pass over the images with 4 crops each is 4 epochs) or images (the batch "
            "counts images, an epoch is one pass: runs stored before December 2026)")
            .oneOf({"fkd", "images"}).paper("fkd"),
        sub("schedule.epochs", &R::schedule, &ScheduleConfig::epochs,
            "Training epochs; fkd accounting: epochs of crop-views, one pass over the images with distill.num_crops "
            "crops each counting num_crops epochs (a multiple of it)").range(1, 100000)
            .paper("300 / 15 (75 / 7.5 passes)"),
        sub("schedule.batch_size", &R::schedule, &ScheduleConfig::batch_size,
            "Crops per step (fkd accounting: images x distill.num_crops, a multiple of it; images accounting: "
            "images per step), over all processes of a distributed run (each takes an equal share of the images)")
            .range(1, 65536).paper("1024 = 256 x 4 / 512 = 256 x 2"),
        sub("schedule.warmup_epochs", &R::schedule, &ScheduleConfig::warmup_epochs,
            "Linear warmup length in epochs (the same units as schedule.epochs)")
            .atLeast(0).paper("5 / 2"),
        sub("schedule.warmup_lr", &R::schedule, &ScheduleConfig::warmup_lr, "Learning rate at the start of warmup")
            .atLeast(0),
        sub("schedule.min_lr", &R::schedule, &ScheduleConfig::min_lr, "Learning rate at the end of the cosine")
            .atLeast(0),
        sub("schedule.lr_schedule", &R::schedule, &ScheduleConfig::lr_schedule, "Decay after warmup")
            .oneOf({"cosine", "constant"}).paper("cosine"),

        sub("ema.enabled", &R::ema, &EmaConfig::enabled, "Keep an exponential moving average of the weights"),
        sub("ema.decay", &R::ema, &EmaConfig::decay, "EMA decay per step").range(0, 1).paper("0.9999 (finetuning)"),

        sub("checkpoint.every_steps", &R::checkpoint, &CheckpointConfig::every_steps,
            "Also checkpoint every N steps inside an epoch; 0 = at epoch ends only").atLeast(0),
        sub("checkpoint.keep_best", &R::checkpoint, &CheckpointConfig::keep_best,
            "Keep the checkpoint with the best test top-1 besides the last"),
        sub("checkpoint.keep_top_k", &R::checkpoint, &CheckpointConfig::keep_top_k,
            "Also keep the k epoch-end checkpoints with the best test top-1 (epoch<N>); 0 = off").range(0, 100),

        sub("runtime.threads", &R::runtime, &RuntimeConfig::threads, "Intra-op CPU threads; 0 = all cores")
            .range(0, 1024).execution(),
        sub("runtime.device", &R::runtime, &RuntimeConfig::device, "Training device").oneOf({"auto", "cpu", "cuda"}),
        sub("runtime.channels_last", &R::runtime, &RuntimeConfig::channels_last,
            "Keep images and convolution weights in channels-last (NHWC) memory order, which is faster")
            .execution(),
        sub("runtime.precision", &R::runtime, &RuntimeConfig::precision,
            "auto (bf16 where the device computes it fast: GPUs of compute capability 8.0+, CPUs with "
            "avx512_bf16 or amx_bf16; fp32 elsewhere), fp32, or bf16 autocast of the forward pass and loss "
            "(weights, gradients and optimiser stay fp32; evaluation is fp32)")
            .oneOf({"auto", "fp32", "bf16"}).paper("bf16 (GPU)"),
        sub("runtime.crops_on_device", &R::runtime, &RuntimeConfig::crops_on_device,
            "On a GPU, cut, resize, augment and normalise the crops on the GPU; the CPU only decodes and gathers images"),
        sub("runtime.micro_batch", &R::runtime, &RuntimeConfig::micro_batch,
            "Crops per forward and backward pass on each process (whole images: a multiple of the crops per "
            "image); the step's gradients add up over its micro-batches and the optimiser updates once per step. "
            "0 = auto: the memory plan's pick where the run starts (the whole step where it fits, else the fewest "
            "equal passes that fit; `ferkd train --plan` shows it)")
            .range(0, 65536),
        sub("runtime.memory_limit", &R::runtime, &RuntimeConfig::memory_limit,
            "Memory the run may use on each process, e.g. 16G (binary units); empty = the device's: the machine's "
            "available memory on a CPU, the GPU's free memory. The memory plan picks the micro-batch within it "
            "and refuses a run that does not fit"),
        sub("runtime.data_workers", &R::runtime, &RuntimeConfig::data_workers,
            "Threads that decode, cut, augment and assemble batches ahead of training; 0 = auto (the cores the "
            "training threads leave free, at least 1; on a GPU all cores but two)")
            .range(0, 256).execution(),
        sub("runtime.log_every", &R::runtime, &RuntimeConfig::log_every, "Steps between stored step metrics")
            .range(1, 100000).execution(),
    };
    std::vector<ConfigField> out;
    for (auto& b : t) out.push_back(std::move(b.f));
    return out;
}

std::string describeAllowed(const ConfigField& f) {
    switch (f.type) {
    case FieldType::Bool: return "true or false";
    case FieldType::String: return "a string";
    case FieldType::Choice: return "one of: " + joinStrings(f.choices, ", ");
    case FieldType::Int:
    case FieldType::Float: {
        std::string kind = f.type == FieldType::Int ? "an integer" : "a number";
        auto num = [](double v) {  // 100000, 0.5, 1e-08: no "1.0" for an integer's bound
            std::ostringstream out;
            out << std::setprecision(12) << v;
            return out.str();
        };
        if (f.min && f.max) return kind + " in [" + num(*f.min) + ", " + num(*f.max) + (f.maxExclusive ? ")" : "]");
        if (f.min) return kind + (f.minExclusive ? " > " : " >= ") + num(*f.min);
        return kind;
    }
    }
    return "";
}

}  // namespace

const std::vector<ConfigField>& configFields() {
    static const std::vector<ConfigField> fields = buildFields();
    return fields;
}

const ConfigField* findConfigField(const std::string& name) {
    return findByName(configFields(), name);
}

std::vector<std::string> configFieldNames() {
    return namesOf(configFields());
}

void checkFieldValue(const ConfigField& f, const json& v) {
    auto bad = [&](const std::string& what) {
        throw ConfigError(f.name, what + " " + v.dump() + "; expected " + describeAllowed(f));
    };
    switch (f.type) {
    case FieldType::Bool:
        if (!v.is_boolean()) bad("got");
        return;
    case FieldType::String:
        if (!v.is_string()) bad("got");
        return;
    case FieldType::Choice: {
        if (!v.is_string()) bad("got");
        auto s = v.get<std::string>();
        for (const auto& c : f.choices)
            if (c == s) return;
        std::string near = nearestName(s, f.choices);
        throw ConfigError(f.name, "'" + s + "' is not allowed; expected " + describeAllowed(f) +
                                      (near.empty() ? "" : " (did you mean '" + near + "'?)"));
    }
    case FieldType::Int:
    case FieldType::Float: {
        if (!v.is_number()) bad("got");
        double d = v.get<double>();
        if (!std::isfinite(d)) bad("got");
        if (f.type == FieldType::Int && !v.is_number_integer()) {
            if (d != std::floor(d)) bad("got");
        }
        if (f.min && (f.minExclusive ? d <= *f.min : d < *f.min)) bad("value");
        if (f.max && (f.maxExclusive ? d >= *f.max : d > *f.max)) bad("value");
        return;
    }
    }
}

}  // namespace ferkd
