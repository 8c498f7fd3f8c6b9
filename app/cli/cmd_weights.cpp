// `ferkd export` (a run's weights to torch.save state dicts, safetensors or a
// checkpoint copy; its student to ONNX; here or on a server) and `ferkd weights check` (would a file load
// into an architecture).
#include <cstdio>

#include "commands.h"
#include "interop/model_export.h"
#include "interop/onnx_export.h"
#include "interop/weight_import.h"
#include "interop/weights_file.h"
#include "models/classifier.h"
#include "models/model_registry.h"
#include "train/weights_export.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "workspace/workspace.h"

namespace ferkd::cli {
namespace {

struct ExportCliOptions {
    std::string run, format = "state_dict", out, weights = "model", dtype = "fp32", checkpoint = "best";
    int opset = 0, inputSize = 0;
    std::string batch = "dynamic";
};

// Exported where the checkpoint is (Workspace::exportWeights): from this machine's
// workspace, or on a server (--server) and sent here.
int exportRun(const CliContext& ctx, const ExportCliOptions& o) {
    checkExportFormatName(o.format, "--format");
    (void)exportPrecisionFromName(o.dtype, "--dtype");
    WeightsExport request;
    request.format = o.format;
    request.precision = o.dtype;
    request.weights = o.weights;
    request.checkpoint = o.checkpoint;
    if (o.format == "onnx") {
        request.opset = o.opset > 0 ? o.opset : kOnnxMaxOpset;
        request.input_size = o.inputSize;
#ifdef FERKD_WITH_ONNX
        request.batch = int(onnxBatchFromText(o.batch, "--batch"));
#endif
    } else if (o.opset > 0 || o.inputSize > 0 || o.batch != "dynamic") {
        throw ConfigError("--format", "--opset, --batch and --input-size belong to --format onnx");
    }
    requireWritableFolder(o.out);
    auto workspace = ctx.openWorkspace();
    const RunRecord run = requireRun(*workspace, o.run);
    const std::string summary = workspace->exportWeights(run.id, request, o.out);
    std::printf("wrote %s: run %lld '%s', %s\n", o.out.c_str(), (long long)run.id, run.name.c_str(), summary.c_str());
    return kOk;
}

struct CheckOptions {
    std::string file, arch;
    int numClasses = 1000, inChans = 3, inputSize = 0;
    bool strict = true;
};

int checkWeights(const CheckOptions& o) {
    const ModelInfo* info = findModel(o.arch);
    if (!info) createModel(o.arch, {});  // throws with the nearest name
    ModelSpec spec;
    spec.num_classes = o.numClasses;
    spec.in_chans = o.inChans;
    spec.input_size = o.inputSize > 0 ? o.inputSize : info->default_input_size;
    auto model = createModel(o.arch, spec);
    const StateDict sd = readWeightsFile(o.file);
    ImportOptions options;
    options.strict = o.strict;
    const ImportReport report = planImport(*model, sd, options);
    std::printf("%s: %zu tensors; into %s (%d classes, %d px): %s\n", o.file.c_str(), sd.size(), o.arch.c_str(),
                spec.num_classes, spec.input_size, report.summary().c_str());
    const bool loads = report.clean() || !o.strict;
    std::printf("%s\n", loads ? "loads" : "does not load strictly (--no-strict loads what fits)");
    return loads ? kOk : kFailed;
}

}  // namespace

void addWeightsCommands(CLI::App& app, CliContext& ctx) {
    auto e = std::make_shared<ExportCliOptions>();
    auto* ex = app.add_subcommand("export", "Write a run's weights for PyTorch (state_dict, safetensors, checkpoint) "
                                            "or its student for deployment (onnx)");
    ex->add_option("run", e->run, "Run id or name")->required();
    ex->add_option("--format", e->format,
                   "state_dict (torch.load), safetensors, checkpoint (the app's own), or onnx (docs/INTEROP.md)");
    ex->add_option("--out", e->out, "File to write")->required();
    ex->add_option("--weights", e->weights, "model, or ema (the run's EMA weights)")->check(CLI::IsMember({"model", "ema"}));
    ex->add_option("--dtype", e->dtype, "fp32, fp16 or bf16 (onnx: fp32 or fp16)");
    ex->add_option("--checkpoint", e->checkpoint, "best or last")->check(CLI::IsMember({"best", "last"}));
    ex->add_option("--opset", e->opset, "onnx: the opset, 13 to 17 (default 17)")
        ->check(CLI::Range(kOnnxMinOpset, kOnnxMaxOpset));
    ex->add_option("--batch", e->batch, "onnx: 'dynamic' (default) or a fixed batch size");
    ex->add_option("--input-size", e->inputSize, "onnx: the input size in px (default: the trained one; CNNs only)");
    ex->callback([&ctx, e] { ctx.action = [&ctx, e] { return exportRun(ctx, *e); }; });

    auto c = std::make_shared<CheckOptions>();
    auto* weights = app.add_subcommand("weights", "Inspect weight files");
    weights->require_subcommand(1);
    auto* check = weights->add_subcommand("check", "Would this file load into an architecture? Lists missing, "
                                                   "unexpected and mis-shaped keys");
    check->add_option("file", c->file, "torch.save state dict, safetensors or ferkd checkpoint")->required();
    check->add_option("--arch", c->arch, "Architecture (see `ferkd models`)")->required();
    check->add_option("--num-classes", c->numClasses, "Classes of the model to load into")->check(CLI::PositiveNumber);
    check->add_option("--in-chans", c->inChans, "Input channels")->check(CLI::Range(1, 4));
    check->add_option("--input-size", c->inputSize, "Input size (default: the architecture's)");
    check->add_flag("!--no-strict", c->strict, "Report what would load, leaving out what does not fit");
    check->callback([&ctx, c] { ctx.action = [c] { return checkWeights(*c); }; });
}

}  // namespace ferkd::cli
