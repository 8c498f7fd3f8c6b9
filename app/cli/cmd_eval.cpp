// `ferkd eval RUN`: top-1/top-5 and per-class accuracy of a run's checkpoint on its test set
// (or another one); with --teacher, a distilled run's agreement with its teacher. With
// --server the server evaluates (its run's best or last checkpoint on its test split).
#include <cstdio>

#include "commands.h"
#include "train/run_evaluation.h"
#include "util/error.h"
#include "workspace/workspace.h"

namespace ferkd::cli {
namespace {

struct EvalOptions {
    std::string run, checkpoint = "best", testPath;
    int batchSize = 256;
    bool teacher = false;
};

// Where the runs are: here (any checkpoint file, any test set) or on a server (the run's
// own "best" or "last" on its own test split: a server reads no path a client names).
std::pair<RunRecord, RunEvaluation> evaluate(const CliContext& ctx, const EvalOptions& o) {
    if (ctx.server.empty()) {
        auto store = ctx.openStore();
        const RunRecord run = requireRun(*store, o.run);
        EvaluationRequest request;
        request.checkpoint = o.checkpoint;
        request.test_path = o.testPath;
        request.batch_size = o.batchSize;
        request.with_teacher = o.teacher;
        return {run, evaluateRun(*store, run.id, request)};
    }
    if (!o.testPath.empty())
        throw ConfigError("--test", "a server evaluates on the run's own test split; it reads no path sent to it");
    auto workspace = ctx.openWorkspace();
    const RunRecord run = requireRun(*workspace, o.run);
    return {run, workspace->evaluate(run.id, o.checkpoint, o.teacher, {})};
}

int runEval(const CliContext& ctx, const EvalOptions& o) {
    const auto [run, r] = evaluate(ctx, o);
    std::printf("run %lld '%s', checkpoint %s (epoch %lld)\n", (long long)run.id, run.name.c_str(),
                r.checkpoint.c_str(), (long long)r.epoch);
    std::printf("test images %lld: loss %.4f top-1 %.2f%% top-5 %.2f%%\n", (long long)r.images, r.loss,
                r.top1, r.top5);
    if (r.comparedTeacher())
        std::printf("teacher %s: top-1 agreement %.2f%%, mean KL(teacher || student) %.4f\n", r.teacher.c_str(),
                    r.agreement, r.mean_kl);
    else if (o.teacher)
        std::printf("teacher not compared: %s\n", r.teacher_note.c_str());
    std::printf("per class:\n");
    for (size_t c = 0; c < r.classes.size(); ++c) {
        std::printf("  %-16s %6.2f%%", r.classes[c].c_str(), r.classAccuracy(int(c)));
        if (r.comparedTeacher()) std::printf("  agreement %6.2f%%  KL %.4f", r.class_agreement[c], r.class_kl[c]);
        std::printf("\n");
    }
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
    cmd->add_flag("--teacher", o->teacher,
                  "A distilled run: its teacher beside it (top-1 agreement and mean KL per class)");
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return runEval(ctx, *o); }; });
}

}  // namespace ferkd::cli
