// `ferkd eval RUN`: top-1/top-5 of a run's checkpoint on its test set (or another one).
#include <cstdio>

#include "commands.h"
#include "config/config_io.h"
#include "data/dataset_factory.h"
#include "models/model_registry.h"
#include "train/checkpoint.h"
#include "train/evaluator.h"
#include "train/runtime.h"
#include "train/trainer.h"
#include "util/error.h"

namespace ferkd::cli {
namespace {

struct EvalOptions {
    std::string run, checkpoint = "best", testPath;
    int batchSize = 256;
};

int runEval(const CliContext& ctx, const EvalOptions& o) {
    auto store = ctx.openStore();
    auto run = store->findRun(o.run);
    if (!run) throw Error("no run '" + o.run + "' in " + store->workspace() + " (see `ferkd runs list`)");
    std::string path = o.checkpoint;
    if (path == "best" || path == "last") {
        path = checkpointPath(*store, run->id, o.checkpoint);
        if (o.checkpoint == "best" && !std::filesystem::exists(path)) path = checkpointPath(*store, run->id, "last");
    }
    RunConfig config = runConfigOf(*run);
    if (!o.testPath.empty()) config.data.test_path = o.testPath;
    configureThreads(config.runtime.threads);
    torch::Device device = resolveDevice(config.runtime.device);
    DataSplits data = openRunData(config.data);
    auto model = createModel(config.model.arch, readCheckpointHeader(path).spec);
    CheckpointContent content{model.get(), nullptr, nullptr, {}, {}, {}};
    loadCheckpoint(path, content);
    model->to(device);
    BatchBuilder testData(data.test, config);
    EvalResult r = evaluate(*model, testData, device, o.batchSize);
    std::printf("run %lld '%s', checkpoint %s (epoch %lld)\n", (long long)run->id, run->name.c_str(), path.c_str(),
                (long long)content.position.epoch);
    std::printf("test images %lld: loss %.4f top-1 %.2f%% top-5 %.2f%%\n", (long long)r.images, r.loss, r.top1, r.top5);
    return kOk;
}

}  // namespace

void addEvalCommand(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<EvalOptions>();
    auto* cmd = app.add_subcommand("eval", "Evaluate a run's checkpoint on its test set");
    cmd->add_option("run", o->run, "Run id or name")->required();
    cmd->add_option("--checkpoint", o->checkpoint, "best, last or a checkpoint file");
    cmd->add_option("--test", o->testPath, "Evaluate on this data set instead of the run's test split");
    cmd->add_option("--batch-size", o->batchSize, "Images per forward pass")->check(CLI::PositiveNumber);
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return runEval(ctx, *o); }; });
}

}  // namespace ferkd::cli
