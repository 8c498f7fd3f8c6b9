// `ferkd train`: defaults < preset < --config file < --set and the shortcut flags.
#include <cstdio>

#include "commands.h"
#include "config/config_io.h"
#include "config/config_request.h"
#include "console_observer.h"
#include "control_on_signals.h"
#include "distributed_launch.h"
#include "runtime/runtime.h"
#include "store/run_files.h"
#include "train/data_parallel.h"
#include "train/memory_plan.h"
#include "train/run_creation.h"
#include "train/trainer.h"
#ifdef FERKD_WITH_SERVER
#include "remote/remote_workspace.h"
#endif
#include "util/error.h"
#include "util/text.h"

namespace ferkd::cli {
namespace {

struct TrainOptions {
    std::string preset, configFile, resume, tags, saveConfig;
    std::vector<std::string> sets;
    std::optional<int> epochs, batchSize, threads;
    std::optional<double> lr;
    std::optional<uint64_t> seed;
    std::optional<std::string> arch, data, name, device;
    bool dryRun = false, plan = false;
    std::string deviceMemory;
    DistributedOptions dist;
};

// The config the options name: --preset, --config, the shortcut flags, then --set.
ConfigRequest configRequest(const TrainOptions& o) {
    ConfigRequest request;
    request.preset = o.preset;
    request.file = o.configFile;
    request.sets = o.sets;
    auto field = [&](const char* name, const auto& value) {
        if (value) request.fields.emplace_back(name, *value);
    };
    field("schedule.epochs", o.epochs);
    field("schedule.batch_size", o.batchSize);
    field("runtime.threads", o.threads);
    field("optim.lr", o.lr);
    field("seed", o.seed);
    field("model.arch", o.arch);
    field("data.path", o.data);
    field("name", o.name);
    field("runtime.device", o.device);
    return request;
}

RunConfig resolveConfig(const TrainOptions& o) { return ferkd::resolveConfig(configRequest(o)); }

#ifdef FERKD_WITH_SERVER
// --server: the server resolves the same request (a --config file's content travels with
// it), validates it and queues the run; its problems come back as they would here.
int queueOnServer(const CliContext& ctx, const TrainOptions& o) {
    if (!o.resume.empty() || o.plan || o.dryRun || !o.saveConfig.empty() || o.dist.nproc > 1)
        throw ConfigError("--server", "a server takes new runs only (--resume, --plan, --dry-run, --save-config and "
                                      "--nproc work on this machine; the server's --nproc sets its runs' processes)");
    ConfigRequest request = configRequest(o);
    if (!request.file.empty()) {
        request.json = readConfigJsonFile(request.file);
        request.file.clear();
    }
    RemoteWorkspace server(ctx.server, ctx.serverToken());
    const int64_t id = server.queueRun(request, o.tags);
    std::printf("queued run %lld on %s (`ferkd runs show %lld --server %s` follows it)\n", (long long)id,
                ctx.server.c_str(), (long long)id, ctx.server.c_str());
    return kOk;
}
#endif

// The run to train: a new one, or the one to resume; 0 when the run to resume has finished.
int64_t chooseRun(const TrainOptions& o, ExperimentStore& store) {
    if (!o.resume.empty()) {
        const RunRecord run = requireRun(store, o.resume);
        if (run.status == run_status::kFinished) {
            std::printf("run %lld '%s' has already finished\n", (long long)run.id, run.name.c_str());
            return 0;
        }
        return run.id;
    }
    RunConfig config = resolveConfig(o);
    if (!o.saveConfig.empty()) saveConfigFile(config, o.saveConfig);
    // A run that cannot fit is refused before it exists.
    return createTrainingRun(store, config, {o.tags, false, /*plan_processes=*/o.dist.nproc});
}

// --plan: the memory plan of the resolved config (or of the run to resume), without training.
int printPlan(const CliContext& ctx, const TrainOptions& o) {
    std::optional<int64_t> budget;
    if (!o.deviceMemory.empty()) {
        const auto bytes = parseByteSize(o.deviceMemory);
        if (!bytes) throw Error("--device-memory: '" + o.deviceMemory + "' is not a size; expected e.g. 80G, 24GB or 512M");
        budget = static_cast<int64_t>(*bytes);
    }
    std::unique_ptr<ExperimentStore> store;
    RunConfig config;
    if (o.resume.empty()) {
        config = resolveConfig(o);
    } else {
        store = ctx.openStore();
        config = runConfigOf(requireRun(*store, o.resume));
    }
    configureThreads(config.runtime.threads);
    if (config.distill.mode == "kd" && !store) store = ctx.openStore();
    const MemoryPlan plan = planRunMemory(config, o.dist.nproc, budget, store.get());
    std::printf("%s", plan.describe().c_str());
    return kOk;
}

int runTraining(const CliContext& ctx, const TrainOptions& o) {
#ifdef FERKD_WITH_SERVER
    if (!ctx.server.empty()) return queueOnServer(ctx, o);
#endif
    if (o.plan) return printPlan(ctx, o);
    if (o.dryRun && o.resume.empty()) {
        std::printf("%s\n", configToJsonText(resolveConfig(o)).c_str());
        return kOk;
    }
    DistributedLaunch launch(ctx, o.dist);
    ConsoleObserver console;
    RankErrorObserver quiet(launch.group() ? launch.group()->rank() : 0);
    TrainingObserver& observer = launch.leader() ? static_cast<TrainingObserver&>(console) : quiet;
    TrainingControl control;
    // The other ranks open the workspace once rank 0 has (a new store is created then).
    std::unique_ptr<ExperimentStore> store;
    const int64_t run = agreeOnRun(launch.group(), [&] {
        store = ctx.openStore();
        return chooseRun(o, *store);
    });
    if (run == 0) return kOk;
    if (!store) store = ctx.openStore();
    Trainer trainer(*store, observer, control, launch.group());
    RunOutcome outcome;
    {
        ControlOnSignals signals(control);
        outcome = trainer.run(run);
    }
    const auto workerProblems = launch.finish(outcome.status == run_status::kFailed);
    for (const auto& problem : workerProblems) std::fprintf(stderr, "error: %s\n", problem.c_str());
    if (outcome.status == run_status::kFailed) return kFailed;
    if (outcome.status == run_status::kStopped) return kStopped;
    return workerProblems.empty() ? kOk : kFailed;
}

}  // namespace

void addTrainCommand(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<TrainOptions>();
    auto* cmd = app.add_subcommand("train", "Train a model (or resume a stopped run)");
    cmd->add_option("--preset", o->preset, "Start from a built-in preset (see `ferkd presets`)");
    cmd->add_option("--config", o->configFile, "JSON config file applied over the preset")->check(CLI::ExistingFile);
    cmd->add_option("--set", o->sets, "Override one field, e.g. --set optim.lr=0.001 (repeatable)");
    cmd->add_option("--resume", o->resume, "Continue the run with this id or name from its last checkpoint");
    cmd->add_option("--epochs", o->epochs, "schedule.epochs");
    cmd->add_option("--batch-size", o->batchSize, "schedule.batch_size");
    cmd->add_option("--lr", o->lr, "optim.lr");
    cmd->add_option("--seed", o->seed, "seed");
    cmd->add_option("--arch", o->arch, "model.arch (see `ferkd models`)");
    cmd->add_option("--data", o->data, "data.path");
    cmd->add_option("--name", o->name, "Run name");
    cmd->add_option("--threads", o->threads, "runtime.threads (0 = all cores)");
    cmd->add_option("--device", o->device, "runtime.device: auto, cpu or cuda");
    cmd->add_option("--tags", o->tags, "Comma-separated tags stored with the run");
    cmd->add_option("--save-config", o->saveConfig, "Also write the resolved config to this JSON file");
    cmd->add_flag("--dry-run", o->dryRun, "Print the resolved config and exit");
    auto* plan = cmd->add_flag("--plan", o->plan,
                               "Print the memory plan (weights, gradients, optimiser, activations measured on a small "
                               "micro-batch, the micro-batch that fits) and exit");
    cmd->add_option("--device-memory", o->deviceMemory, "With --plan: plan for this much memory, e.g. 80G (binary units)")
        ->needs(plan);
    o->dist.addTo(cmd);
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return runTraining(ctx, *o); }; });
}

}  // namespace ferkd::cli
