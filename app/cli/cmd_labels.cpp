// `ferkd labels generate` (the teacher labels N crops per image, once),
// `ferkd labels info` (header, size, FerKD crop statistics of a label store) and
// `ferkd labels mining` (how well p(true class) tells object crops from background ones,
// on data sets with object boxes).
#include <cstdio>
#include <filesystem>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "batch/batch_builder.h"
#include "commands.h"
#include "config/config_io.h"
#include "control_on_signals.h"
#include "data/dataset_factory.h"
#include "distributed_launch.h"
#include "labels/distill_targets.h"
#include "labels/label_generator.h"
#include "labels/label_job.h"
#include "labels/label_set_stats.h"
#include "labels/mining_quality.h"
#include "runtime/runtime.h"
#include "train/evaluator.h"
#include "util/error.h"
#include "util/text.h"

namespace ferkd::cli {
namespace {

// Where the teacher comes from: a run of this app, or a TorchScript file from Python.
struct TeacherOptions {
    std::string run, script, normalize = "dataset";
    int inputSize = 0;  // 0: the data set's image size

    void addTo(CLI::App* cmd) {
        auto* r = cmd->add_option("--teacher", run, "Run id or name whose best checkpoint is the teacher");
        auto* s = cmd->add_option("--teacher-script", script,
                                  "TorchScript teacher file (torch.jit.trace(model).save(path) in Python)");
        r->excludes(s);
        cmd->add_option("--teacher-input-size", inputSize, "TorchScript teacher: input side in pixels (default: the images')");
        cmd->add_option("--teacher-normalize", normalize, "TorchScript teacher: dataset (0.5/0.5) or imagenet")
            ->check(CLI::IsMember({"dataset", "imagenet"}));
    }

    void fill(LabelJob& job) const {
        job.teacher_run = run;
        job.teacher_script = script;
        job.teacher_input_size = inputSize;
        job.teacher_normalize = normalize;
    }
    Teacher load(const ExperimentStore& store, const Dataset& data, torch::Device device) const {
        return loadTeacher(store, run, script, inputSize, normalize, data, device);
    }
};

struct GenerateOptions {
    TeacherOptions teacher;
    std::string data = "fashion-mnist", out, type = "marginal_smoothing", device = "auto", reference, name;
    std::string precision = "auto";
    int crops = 32, topk = 5, batchSize = 512, threads = 0, dataWorkers = 0;
    double temperature = 1.0, scaleMin = 0.08, scaleMax = 1.0;
    uint64_t seed = 0;
    bool estimate = false;
    DistributedOptions dist;
};

void printStats(const LabelSetStats& s, const std::vector<std::string>& classNames) {
    const int bins = static_cast<int>(s.histogram.size());
    std::printf("  teacher probability of the true class, share of crops:\n");
    for (int b = 0; b < bins; ++b)
        std::printf("    [%.2f, %.2f) %6.2f%%\n", double(b) / bins, double(b + 1) / bins,
                    100.0 * double(s.histogram[b]) / double(std::max<int64_t>(1, s.crops())));
    std::printf("  FerKD crop groups: %s\n", s.describeGroups().c_str());
    std::printf("  per class:        discarded-hard  calibrated  teacher  discarded-easy\n");
    for (size_t c = 0; c < s.class_crops.size(); ++c)
        std::printf("    %-16s %12.2f%% %10.2f%% %7.2f%% %14.2f%%\n",
                    c < classNames.size() ? classNames[c].c_str() : std::to_string(c).c_str(),
                    100.0 * s.share(int(c), CropGroup::DiscardedHard), 100.0 * s.share(int(c), CropGroup::Calibrated),
                    100.0 * s.share(int(c), CropGroup::Teacher), 100.0 * s.share(int(c), CropGroup::DiscardedEasy));
    if (s.mining) std::printf("  mining (object boxes): %s\n", describeMining(*s.mining).c_str());
}

void printMining(const MiningQuality& m) {
    const auto pct = [&](Coverage c) { return 100.0 * double(m.coverage[size_t(c)]) / double(std::max<int64_t>(1, m.crops)); };
    std::printf("  %lld crops; no object: covering < %.0f%% of the object's box, most of it: >= %.0f%%\n",
                (long long)m.crops, 100.0 * m.settings.no_object_below, 100.0 * m.settings.most_object_from);
    std::printf("  crops with no object %.1f%%, partial %.1f%%, most of it %.1f%%\n", pct(Coverage::None),
                pct(Coverage::Partial), pct(Coverage::Most));
    std::printf("  ROC AUC of p(true class), most of it vs no object: %.3f\n", m.auc);
    std::printf("  p(true class) by object coverage (quartiles of p: 25%%, median, 75%%):\n"
                "    coverage      crops  mean p  p 25/50/75%%         crop is object  d-hard  calib.  teacher  d-easy\n");
    for (const auto& b : m.bins) {
        const double n = double(std::max<int64_t>(1, b.crops));
        std::printf("    [%.1f, %.1f%c %8lld  %6.3f  %5.3f %5.3f %5.3f  %14.3f  %5.1f%%  %5.1f%%  %6.1f%%  %5.1f%%\n", b.lo,
                    b.hi, b.hi >= 1.0 ? ']' : ')', (long long)b.crops, b.mean_p, b.q25_p, b.median_p, b.q75_p,
                    b.mean_crop_is_object,
                    100.0 * double(b.groups[0]) / n, 100.0 * double(b.groups[1]) / n, 100.0 * double(b.groups[2]) / n,
                    100.0 * double(b.groups[3]) / n);
    }
    std::printf("  groups by coverage (%s):\n    group            crops  no object  partial  most of it\n",
                describeRule(m.rule).c_str());
    for (int g = 0; g < kCropGroups; ++g) {
        const auto& row = m.group_coverage[size_t(g)];
        std::printf("    %-14s %7lld  %8.1f%%  %6.1f%%  %9.1f%%\n", cropGroupName(CropGroup(g)),
                    (long long)(row[0] + row[1] + row[2]), 100.0 * m.share(CropGroup(g), Coverage::None),
                    100.0 * m.share(CropGroup(g), Coverage::Partial), 100.0 * m.share(CropGroup(g), Coverage::Most));
    }
    std::printf("  precision of discarded-hard = no object: %.1f%%; of calibrated = context (not most of it): %.1f%%\n"
                "  share of the no-object crops discarded as hard: %.1f%%\n",
                100.0 * m.hardPrecision(), 100.0 * m.calibratedPrecision(), 100.0 * m.noObjectRecall());
}

// The rule of `labels info --data` and `labels mining`: the default one with the --set
// overrides of distill.ferkd.*.
FerkdConfig ruleFromSets(const std::vector<std::string>& sets) {
    RunConfig rule;
    for (const auto& assignment : sets) {
        if (assignment.rfind("distill.ferkd.", 0) != 0)
            throw ConfigError(assignment.substr(0, assignment.find('=')), "only distill.ferkd.* fields apply here");
        applyOverride(rule, assignment);
    }
    validateConfig(rule);
    return rule.distill.ferkd;
}

int generate(const CliContext& ctx, const GenerateOptions& o) {
    LabelJob job;
    o.teacher.fill(job);
    job.data = o.data;
    job.out = o.out;
    job.type = o.type;
    job.device = o.device;
    job.precision = o.precision;
    job.reference = o.reference;
    job.name = o.name;
    job.crops = o.crops;
    job.topk = o.topk;
    job.batch_size = o.batchSize;
    job.threads = o.threads;
    job.data_workers = o.dataWorkers;
    job.temperature = o.temperature;
    job.scale_min = o.scaleMin;
    job.scale_max = o.scaleMax;
    job.seed = o.seed;
    if (o.estimate) {
        for (const auto& line : describeLabelJob(*ctx.openStore(), job, true)) std::printf("%s\n", line.c_str());
        return kOk;
    }
    DistributedLaunch launch(ctx, o.dist);
    const bool leader = launch.leader();
    // The other ranks open the workspace once rank 0 has (a new store is created then).
    std::unique_ptr<ExperimentStore> store;
    if (launch.group())
        launch.group()->shareFromLeader("workspace", [&] {
            store = ctx.openStore();
            return std::string("open");
        });
    if (!store) store = ctx.openStore();
    if (leader)
        for (const auto& line : describeLabelJob(*store, job, false)) std::printf("%s\n", line.c_str());

    TrainingControl control;
    ControlOnSignals signals(control);
    const bool tty = ::isatty(::fileno(stdout));
    int64_t lastShown = -1;
    const LabelJobOutcome outcome = runLabelJob(*store, job, [&](const LabelJobProgress& p) {
        if (!leader) return;
        const int64_t percent = p.done * 100 / std::max<int64_t>(1, p.total);
        if (!tty && percent / 10 == lastShown / 10 && p.done != p.total) return;
        lastShown = percent;
        std::printf(tty ? "\rlabelling %lld/%lld images, %.0f img/s, ETA %s   " : "labelling %lld/%lld images, %.0f img/s, ETA %s\n",
                    (long long)p.done, (long long)p.total, p.images_per_sec, formatDuration(p.eta_seconds).c_str());
        std::fflush(stdout);
    }, &control, launch.group());
    if (tty && leader) std::printf("\n");
    const auto workerProblems = launch.finish(outcome.status == run_status::kFailed);
    for (const auto& problem : workerProblems) std::fprintf(stderr, "error: %s\n", problem.c_str());
    if (outcome.status == run_status::kFailed) {
        if (leader) std::fprintf(stderr, "error: %s\n", outcome.message.c_str());
        else std::fprintf(stderr, "[rank %d] error: %s\n", launch.group()->rank(), outcome.message.c_str());
        return kFailed;
    }
    if (leader) std::printf("%s (run %lld)\n", outcome.message.c_str(), (long long)outcome.run_id);
    if (outcome.status == run_status::kStopped) return kStopped;
    return workerProblems.empty() ? kOk : kFailed;
}

int info(const CliContext& ctx, const std::string& path, const std::string& data, const std::vector<std::string>& sets) {
    LabelStore labels(path, /*verifyChecksum=*/true);
    const LabelSetInfo& i = labels.info();
    std::printf("label store %s (checksum ok)\n  teacher: %s\n  data set: %lld images, fingerprint %s\n"
                "  %d crops per image, %d classes, %s (top-%d), temperature %g\n  %zu bytes per crop, %llu bytes\n"
                "  generation: %s\n",
                path.c_str(), i.teacher.c_str(), (long long)i.num_images, i.dataset_fingerprint.c_str(),
                i.crops_per_image, i.num_classes, labelTypeName(i.type), i.topk, i.temperature, i.recordBytes(),
                (unsigned long long)labels.fileBytes(), i.generation.dump().c_str());
    if (!data.empty()) {  // computed afresh against the data set
        auto train = openDataSplits(data).train;
        printStats(computeLabelSetStats(*train, path, ruleFromSets(sets)), train->classes());
        return kOk;
    }
    auto store = ctx.openStore();
    const std::string abs = std::filesystem::absolute(path).lexically_normal().string();
    if (auto record = store->labelSet(abs)) {
        std::printf("  statistics recorded in the workspace:\n");
        printStats(labelSetStatsFrom(*record), {});
    } else {
        std::printf("  (no statistics recorded in the workspace; --data DATA computes them)\n");
    }
    return kOk;
}

struct MiningOptions {
    std::string labels, data, csv, cropsCsv;
    std::vector<std::string> sets;
    MiningSettings settings;
};

// Measures, prints, writes the CSVs asked for, and stores the result with the label
// set's statistics (under the same rule), so the studio shows it.
int mining(const CliContext& ctx, const MiningOptions& o) {
    if (o.settings.no_object_below > o.settings.most_object_from)
        throw ConfigError("--no-object-below", "must not exceed --most-object-from (" +
                                                   std::to_string(o.settings.most_object_from) + ")");
    const FerkdConfig rule = ruleFromSets(o.sets);
    auto train = openDataSplits(o.data).train;
    if (!hasObjectBoxes(*train))
        throw ConfigError("--data", "'" + o.data + "' has no object boxes (make one with `ferkd dataset make-cluttered`, "
                                                   "or give an image folder a boxes.csv)");
    DistillConfig config;  // opened once for the statistics, the mining and the crops CSV
    config.mode = "ferkd";
    config.labels = o.labels;
    config.ferkd = rule;
    const DistillTargets targets(*train, config);
    const LabelSetStats stats = computeLabelSetStats(*train, targets, 20, o.settings);
    std::printf("mining quality of %s on %s\n", o.labels.c_str(), o.data.c_str());
    printMining(*stats.mining);
    if (!o.csv.empty()) {
        writeMiningBinsCsv(o.csv, *stats.mining);
        std::printf("wrote %s (the binned table)\n", o.csv.c_str());
    }
    if (!o.cropsCsv.empty()) {
        writeCropMiningCsv(o.cropsCsv, mineCrops(*train, targets));
        std::printf("wrote %s (every crop)\n", o.cropsCsv.c_str());
    }
    auto store = ctx.openStore();
    const std::string abs = std::filesystem::absolute(o.labels).lexically_normal().string();
    const auto record = store->labelSet(abs);
    store->saveLabelSet(labelSetRecord(o.labels, stats, record ? record->run_id : 0));
    std::printf("stored with the label set's statistics in the workspace\n");
    return kOk;
}

struct TeacherEvalOptions {
    TeacherOptions teacher;
    std::string data = "fashion-mnist", device = "auto";
    int batchSize = 256;
};

int evalTeacher(const CliContext& ctx, const TeacherEvalOptions& o) {
    auto store = ctx.openStore();
    configureThreads(0);
    const torch::Device device = resolveDevice(o.device);
    DataSplits splits = openDataSplits(o.data);
    if (!splits.test) throw ConfigError("data", "'" + o.data + "' has no test split to evaluate on");
    Teacher teacher = o.teacher.load(*store, *splits.test, device);
    RunConfig cfg;
    cfg.data.input_size = teacher.input_size;
    cfg.data.normalize = teacher.normalize;
    BatchBuilder test(splits.test, cfg);
    double top1 = 0, top5 = 0;
    const int64_t n = splits.test->size();
    torch::NoGradGuard noGrad;
    for (int64_t begin = 0; begin < n; begin += o.batchSize) {
        Batch b = test.testBatch(begin, std::min(n, begin + o.batchSize));
        auto logits = teacher.forward(b.images.to(device)).to(torch::kCPU);
        auto [c1, c5] = countTopK(logits, b.labels, 5);
        top1 += double(c1);
        top5 += double(c5);
    }
    std::printf("teacher %s on %lld test images: top-1 %.2f%% top-5 %.2f%%\n", teacher.description.c_str(),
                (long long)n, 100.0 * top1 / double(n), 100.0 * top5 / double(n));
    return kOk;
}

}  // namespace

void addTeacherCommand(CLI::App& app, CliContext& ctx) {
    auto* teacher = app.add_subcommand("teacher", "Check and evaluate teachers");
    teacher->require_subcommand(1);
    auto o = std::make_shared<TeacherEvalOptions>();
    auto* ev = teacher->add_subcommand("eval", "Top-1/top-5 of a teacher on a data set's test split");
    o->teacher.addTo(ev);
    ev->add_option("--data", o->data, "Data set whose test split to use");
    ev->add_option("--device", o->device, "auto, cpu or cuda");
    ev->add_option("--batch-size", o->batchSize, "Images per forward pass")->check(CLI::PositiveNumber);
    ev->callback([&ctx, o] { ctx.action = [&ctx, o] { return evalTeacher(ctx, *o); }; });
}

void addLabelsCommand(CLI::App& app, CliContext& ctx) {
    auto* labels = app.add_subcommand("labels", "Generate and inspect soft-label stores");
    labels->require_subcommand(1);
    auto o = std::make_shared<GenerateOptions>();
    auto* gen = labels->add_subcommand("generate", "Label N random crops per image with a teacher, once");
    o->teacher.addTo(gen);
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
    gen->add_option("--data-workers", o->dataWorkers,
                    "Threads that decode and cut the images ahead of the teacher (0 = auto: on a GPU every core but "
                    "two, on a CPU the cores --threads leaves free; at least 1). The store does not depend on it.")
        ->check(CLI::Range(0, 256));
    gen->add_option("--device", o->device, "auto, cpu or cuda");
    gen->add_option("--precision", o->precision,
                    "auto (bf16 on GPUs of compute capability 8.0+ and CPUs with avx512_bf16/amx_bf16, else fp32), "
                    "fp32, or bf16 autocast of the teacher")
        ->check(CLI::IsMember({"auto", "fp32", "bf16"}));
    gen->add_option("--reference", o->reference,
                    "Relabel: reuse the crop boxes of this label store (same data set) with the new teacher")
        ->check(CLI::ExistingFile);
    gen->add_option("--name", o->name, "Name of the generation's run in the workspace (default: labels <file stem>)");
    gen->add_flag("--estimate", o->estimate,
                  "Only estimate: the store's size, and the time from a few timed teacher forward passes");
    o->dist.addTo(gen);
    gen->callback([&ctx, o] { ctx.action = [&ctx, o] { return generate(ctx, *o); }; });

    auto path = std::make_shared<std::string>();
    auto data = std::make_shared<std::string>();
    auto sets = std::make_shared<std::vector<std::string>>();
    auto* inf = labels->add_subcommand("info", "Header, size and checksum of a label store");
    inf->add_option("file", *path, "Label store file")->required();
    inf->add_option("--data", *data, "Also show the teacher's confidence statistics and FerKD's crop groups on this data set");
    inf->add_option("--set", *sets, "With --data: a rule setting, e.g. --set distill.ferkd.t_low=0.02");
    inf->callback([&ctx, path, data, sets] {
        ctx.action = [&ctx, path, data, sets] { return info(ctx, *path, *data, *sets); };
    });

    auto m = std::make_shared<MiningOptions>();
    auto* mine = labels->add_subcommand(
        "mining", "How well the teacher's p(true class) tells crops with the object from crops without it (needs object boxes)");
    mine->add_option("file", m->labels, "Label store file")->required()->check(CLI::ExistingFile);
    mine->add_option("--data", m->data, "The data set it was made for, with object boxes (e.g. from dataset make-cluttered)")
        ->required();
    mine->add_option("--set", m->sets, "A rule setting, e.g. --set distill.ferkd.t_low=0.02");
    mine->add_option("--no-object-below", m->settings.no_object_below,
                     "A crop covering less than this share of the object's box has no object")
        ->check(CLI::Range(0.0, 1.0));
    mine->add_option("--most-object-from", m->settings.most_object_from,
                     "A crop covering at least this share holds most of the object")
        ->check(CLI::Range(0.0, 1.0));
    mine->add_option("--bins", m->settings.bins, "Bins of object coverage in the table")->check(CLI::Range(1, 100));
    mine->add_option("--csv", m->csv, "Write the binned table as CSV");
    mine->add_option("--crops-csv", m->cropsCsv, "Write every crop (p, coverage, group) as CSV");
    mine->callback([&ctx, m] { ctx.action = [&ctx, m] { return mining(ctx, *m); }; });
}

}  // namespace ferkd::cli
