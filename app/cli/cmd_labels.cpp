// `ferkd labels generate` (the teacher labels N crops per image, once) and
// `ferkd labels info` (header, size, FerKD crop classes of a label store).
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <unistd.h>

#include "commands.h"
#include "data/dataset_factory.h"
#include "labels/distill_targets.h"
#include "labels/label_generator.h"
#include "train/runtime.h"
#include "util/error.h"
#include "util/text.h"

namespace ferkd::cli {
namespace {

TrainingControl* gLabelControl = nullptr;
extern "C" void onLabelInterrupt(int) {
    if (gLabelControl) gLabelControl->requestStop();
    std::signal(SIGINT, SIG_DFL);
}

struct GenerateOptions {
    std::string teacher, data = "fashion-mnist", out, type = "marginal_smoothing", device = "auto", reference;
    int crops = 32, topk = 5, batchSize = 512, threads = 0;
    double temperature = 1.0, scaleMin = 0.08, scaleMax = 1.0;
    uint64_t seed = 0;
    bool estimate = false;
};

int generate(const CliContext& ctx, const GenerateOptions& o) {
    auto store = ctx.openStore();
    configureThreads(o.threads);
    const torch::Device device = resolveDevice(o.device);
    Teacher teacher = loadRunTeacher(*store, o.teacher, device);
    auto train = openDataSplits(o.data).train;
    LabelGenerationOptions g;
    g.crops_per_image = o.crops;
    g.crop.scale_min = o.scaleMin;
    g.crop.scale_max = o.scaleMax;
    g.seed = o.seed;
    g.type = labelTypeFromName(o.type);
    g.topk = o.topk;
    g.temperature = o.temperature;
    g.batch_size = o.batchSize;
    g.reference = o.reference;
    LabelSetInfo info = labelSetInfoFor(*train, teacher, g);
    const double bytes = double(info.recordBytes()) * info.crops_per_image * info.num_images;
    std::printf("teacher: %s\ndata: %s, %lld images\nstore: %d crops per image, %s, %zu bytes per crop, %.1f MB\n",
                teacher.description.c_str(), train->report().path.c_str(), (long long)train->size(),
                info.crops_per_image, labelTypeName(info.type), info.recordBytes(), bytes / 1e6);
    if (o.estimate) return kOk;

    TrainingControl control;
    gLabelControl = &control;
    std::signal(SIGINT, onLabelInterrupt);
    std::signal(SIGTERM, onLabelInterrupt);
    const bool tty = ::isatty(::fileno(stdout));
    int64_t lastShown = -1;
    bool done = generateLabels(*train, teacher, g, o.out, [&](const LabelGenerationProgress& p) {
        int64_t percent = p.done * 100 / std::max<int64_t>(1, p.total);
        if (!tty && percent / 10 == lastShown / 10 && p.done != p.total) return;
        lastShown = percent;
        std::printf(tty ? "\rlabelling %lld/%lld images, %.0f img/s, ETA %s   " : "labelling %lld/%lld images, %.0f img/s, ETA %s\n",
                    (long long)p.done, (long long)p.total, p.images_per_sec, formatDuration(p.eta_seconds).c_str());
        std::fflush(stdout);
    }, &control);
    gLabelControl = nullptr;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (tty) std::printf("\n");
    if (!done) {
        std::printf("stopped; the same command continues where it stopped\n");
        return kStopped;
    }
    std::printf("wrote %s\n", o.out.c_str());
    return kOk;
}

int info(const std::string& path, const std::string& data) {
    LabelStore store(path, /*verifyChecksum=*/true);
    const LabelSetInfo& i = store.info();
    std::printf("label store %s (checksum ok)\n  teacher: %s\n  data set: %lld images, fingerprint %s\n"
                "  %d crops per image, %d classes, %s (top-%d), temperature %g\n  %zu bytes per crop, %llu bytes\n"
                "  generation: %s\n",
                path.c_str(), i.teacher.c_str(), (long long)i.num_images, i.dataset_fingerprint.c_str(),
                i.crops_per_image, i.num_classes, labelTypeName(i.type), i.topk, i.temperature, i.recordBytes(),
                (unsigned long long)store.fileBytes(), i.generation.dump().c_str());
    if (data.empty()) return kOk;
    // With the data set: how confident the teacher is in the true class, per FerKD class.
    auto train = openDataSplits(data).train;
    DistillConfig cfg;
    cfg.mode = "ferkd";
    cfg.labels = path;
    DistillTargets targets(*train, cfg);
    const auto& p = targets.trueClassProbs();
    const auto& cls = targets.cropClasses();
    std::vector<int64_t> hist(10, 0), counts(3, 0);
    for (size_t k = 0; k < p.size(); ++k) {
        hist[std::min<int>(9, int(p[k] * 10))]++;
        counts[int(cls[k])]++;
    }
    std::printf("  teacher probability of the true class, share of crops:\n");
    for (int b = 0; b < 10; ++b)
        std::printf("    [%.1f, %.1f) %6.2f%%\n", b / 10.0, (b + 1) / 10.0, 100.0 * hist[b] / double(p.size()));
    std::printf("  FerKD classes (default rule): hard %.1f%%, middle %.1f%%, easy %.1f%%\n",
                100.0 * counts[0] / p.size(), 100.0 * counts[1] / p.size(), 100.0 * counts[2] / p.size());
    return kOk;
}

}  // namespace

void addLabelsCommand(CLI::App& app, CliContext& ctx) {
    auto* labels = app.add_subcommand("labels", "Generate and inspect soft-label stores");
    labels->require_subcommand(1);
    auto o = std::make_shared<GenerateOptions>();
    auto* gen = labels->add_subcommand("generate", "Label N random crops per image with a teacher, once");
    gen->add_option("--teacher", o->teacher, "Run id or name whose best checkpoint is the teacher")->required();
    gen->add_option("--data", o->data, "Data set to label (its training split)");
    gen->add_option("--out", o->out, "Label store file to write (an unfinished one is continued)")->required();
    gen->add_option("--crops", o->crops, "Crops per image")->check(CLI::Range(1, 2000));
    gen->add_option("--type", o->type, "hard, marginal_smoothing or full");
    gen->add_option("--topk", o->topk, "k of marginal smoothing")->check(CLI::Range(1, 1000));
    gen->add_option("--temperature", o->temperature, "Softmax temperature")->check(CLI::PositiveNumber);
    gen->add_option("--scale-min", o->scaleMin, "RandomResizedCrop smallest area share")->check(CLI::Range(0.01, 1.0));
    gen->add_option("--scale-max", o->scaleMax, "RandomResizedCrop largest area share")->check(CLI::Range(0.01, 1.0));
    gen->add_option("--seed", o->seed, "Seed of the crop boxes");
    gen->add_option("--batch-size", o->batchSize, "Crops per teacher forward pass")->check(CLI::PositiveNumber);
    gen->add_option("--threads", o->threads, "Intra-op CPU threads (0 = all cores)");
    gen->add_option("--device", o->device, "auto, cpu or cuda");
    gen->add_option("--reference", o->reference,
                    "Relabel: reuse the crop boxes of this label store (same data set) with the new teacher")
        ->check(CLI::ExistingFile);
    gen->add_flag("--estimate", o->estimate, "Only print the store's size for these settings");
    gen->callback([&ctx, o] { ctx.action = [&ctx, o] { return generate(ctx, *o); }; });

    auto path = std::make_shared<std::string>();
    auto data = std::make_shared<std::string>();
    auto* inf = labels->add_subcommand("info", "Header, size and checksum of a label store");
    inf->add_option("file", *path, "Label store file")->required();
    inf->add_option("--data", *data, "Also show the teacher's confidence statistics on this data set");
    inf->callback([&ctx, path, data] { ctx.action = [path, data] { return info(*path, *data); }; });
}

}  // namespace ferkd::cli
