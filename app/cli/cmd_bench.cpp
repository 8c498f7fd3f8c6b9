// `ferkd bench ablation`: the paper's comparison (ce, kd, fkd, ferkd, ferkd + SelfMix)
// trained by this app for the same epochs and seeds, written as CSV and Markdown.
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "bench/ablation.h"
#include "commands.h"
#include "config/config_io.h"
#include "config/config_request.h"
#include "console_observer.h"
#include "control_on_signals.h"
#include "data/dataset_factory.h"
#include "store/run_files.h"
#include "train/run_creation.h"
#include "train/trainer.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/registry.h"
#include "util/text.h"

namespace ferkd::cli {
namespace {

struct AblationOptions {
    std::string preset = "fmnist-fkd-student", labels, teacher, out = "ablation";
    std::vector<std::string> variants = namesOf(ablationVariants()), sets;
    int seeds = 3, firstSeed = 1, epochs = 0, threads = 0;
    int64_t trainLimit = 0;
};

std::string commandLine(const AblationOptions& o) {
    std::ostringstream c;
    c << "ferkd bench ablation --preset " << o.preset << " --teacher " << o.teacher << " --labels " << o.labels
      << " --seeds " << o.seeds;
    if (o.firstSeed != 1) c << " --first-seed " << o.firstSeed;
    if (o.epochs) c << " --epochs " << o.epochs;
    if (o.trainLimit) c << " --train-limit " << o.trainLimit;
    if (o.threads) c << " --threads " << o.threads;
    c << " --variants ";
    for (size_t i = 0; i < o.variants.size(); ++i) c << (i ? "," : "") << o.variants[i];
    for (const auto& s : o.sets) c << " --set " << s;
    c << " --out " << o.out;
    return c.str();
}

// A finished run with exactly this config is reused (a re-run after an interruption
// trains only what is missing); an unfinished one is resumed.
int64_t runFor(ExperimentStore& store, const RunConfig& config, const std::string& variant) {
    if (auto r = store.findRun(config.name);
        r && configToJsonText(runConfigOf(*r)) == configToJsonText(config) && r->status != run_status::kFailed)
        return r->id;
    return createTrainingRun(store, config, {"ablation," + variant});
}

int runAblation(const CliContext& ctx, const AblationOptions& o) {
    for (const auto& v : o.variants) ablationConfig(RunConfig{}, v, 0, "", "");  // names checked before any work
    ConfigRequest request{o.preset, "", {}, o.sets, /*validate=*/false};
    if (o.epochs) request.fields.emplace_back("schedule.epochs", o.epochs);
    if (o.trainLimit) request.fields.emplace_back("data.train_limit", o.trainLimit);
    if (o.threads) request.fields.emplace_back("runtime.threads", o.threads);
    const RunConfig base = resolveConfig(request);
    std::vector<RunConfig> configs;
    std::vector<std::pair<std::string, uint64_t>> cells;
    for (int seed = o.firstSeed; seed < o.firstSeed + o.seeds; ++seed)
        for (const auto& v : o.variants) {
            configs.push_back(ablationConfig(base, v, uint64_t(seed), o.labels, o.teacher));
            validateConfig(configs.back());  // every run's config is valid before the first one trains
            cells.emplace_back(v, uint64_t(seed));
        }

    auto store = ctx.openStore();
    EpochLineObserver observer;
    TrainingControl control;
    ControlOnSignals signals(control);
    Trainer trainer(*store, observer, control);
    std::vector<AblationCell> results;
    for (size_t i = 0; i < configs.size(); ++i) {
        AblationCell cell;
        cell.variant = cells[i].first;
        cell.seed = cells[i].second;
        observer.label = configs[i].name;
        cell.run_id = runFor(*store, configs[i], cell.variant);
        if (auto run = store->run(cell.run_id); run->status == run_status::kFinished) {
            std::printf("%s: finished earlier as run %lld, reused\n", configs[i].name.c_str(), (long long)cell.run_id);
        } else if (trainer.run(cell.run_id).status == run_status::kStopped) {
            std::printf("stopped; the same command continues with what is missing\n");
            return kStopped;
        }
        // Wall time from the store, so reused and fresh runs are measured alike.
        const auto run = store->run(cell.run_id);
        cell.status = run->status;
        cell.seconds = run->finished_at - run->started_at;
        cell.epochs = store->epochMetrics(cell.run_id);
        results.push_back(std::move(cell));
    }

    auto summary = summarizeAblation(results, o.variants);
    std::ostringstream setting;
    const DataSplits data = openRunData(base.data);  // the splits the runs trained, validated and tested on
    const auto& train = data.train;
    setting << "Student " << base.model.arch << " on " << base.data.path << " (" << data.train_images.size()
            << " training images and " << (data.val ? data.val->size() : 0) << " held out for validation, "
            << data.test->size() << " test images), " << base.schedule.epochs
            << " epochs counted in crop-views, batch " << base.schedule.batch_size << " crops, lr " << base.optim.lr
            << ", " << base.distill.num_crops << " crops per image for fkd/ferkd, seeds " << o.firstSeed << ".."
            << o.firstSeed + o.seeds - 1 << "; teacher run '" << o.teacher << "', label set "
            << std::filesystem::path(o.labels).filename().string() << ".";
    std::unique_ptr<LabelSetStats> stats;
    if (!o.labels.empty())
        stats = std::make_unique<LabelSetStats>(
            computeLabelSetStats(*train, o.labels, ablationConfig(base, "ferkd", 1, o.labels, o.teacher).distill.ferkd));
    std::filesystem::create_directories(o.out);
    const std::string csv = (std::filesystem::path(o.out) / "ablation.csv").string();
    const std::string md = (std::filesystem::path(o.out) / "ablation.md").string();
    writeTextFileAtomically(csv, ablationCsv(results));
    writeTextFileAtomically(md, ablationMarkdown(summary, commandLine(o), setting.str(), stats.get(), train->classes()));
    std::printf("\n%s\nwrote %s and %s\n", ablationMarkdown(summary, commandLine(o), setting.str(), nullptr, {}).c_str(),
                csv.c_str(), md.c_str());
    return kOk;
}

}  // namespace

void addBenchCommand(CLI::App& app, CliContext& ctx) {
    auto* bench = app.add_subcommand("bench", "Benchmarks and the paper's comparisons");
    bench->require_subcommand(1);
    auto o = std::make_shared<AblationOptions>();
    auto* ab = bench->add_subcommand("ablation", "Train one student with ce, kd, fkd and FerKD's variants, "
                                                 "same epochs and seeds; CSV and Markdown tables");
    ab->add_option("--preset", o->preset, "Student preset every variant starts from");
    ab->add_option("--teacher", o->teacher, "Run id or name of the teacher (kd)");
    ab->add_option("--labels", o->labels, "Label store of that teacher (fkd, ferkd)");
    ab->add_option("--variants", o->variants,
                   "Comma-separated: ce, kd, fkd, ferkd, ferkd-discard, ferkd-calibrate, ferkd-fraction; the last "
                   "five also with +selfmix")
        ->delimiter(',');
    ab->add_option("--seeds", o->seeds, "How many seeds: first..first+N-1")->check(CLI::Range(1, 100));
    // More seeds for a comparison whose first ones ran elsewhere (runs are reused by name).
    ab->add_option("--first-seed", o->firstSeed, "The first seed (default 1)")->check(CLI::Range(1, 1000000));
    ab->add_option("--epochs", o->epochs, "schedule.epochs (default: the preset's)")->check(CLI::PositiveNumber);
    ab->add_option("--train-limit", o->trainLimit, "Train on the first N images (the label set may cover more)");
    ab->add_option("--threads", o->threads, "runtime.threads (0 = all cores)");
    ab->add_option("--set", o->sets, "Override a field of every variant, e.g. --set optim.lr=0.002");
    ab->add_option("--out", o->out, "Folder for ablation.csv and ablation.md");
    ab->callback([&ctx, o] { ctx.action = [&ctx, o] { return runAblation(ctx, *o); }; });
    addSpeedBenchCommands(bench, ctx);
}

}  // namespace ferkd::cli
