// `ferkd bench step|store|labels|data`: the app's side of the speed benchmarks. Each prints a
// human line and, with --json, one JSON object that bench/run.py puts beside the
// PyTorch peer's figure (docs/PERFORMANCE.md).
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "bench/data_benchmark.h"
#include "bench/label_benchmark.h"
#include "bench/step_benchmark.h"
#include "bench/store_benchmark.h"
#include "commands.h"

namespace ferkd::cli {
namespace {

int printResult(const nlohmann::json& j, bool json, const std::string& line) {
    std::printf("%s\n", json ? j.dump().c_str() : line.c_str());
    return kOk;
}

std::string tempPath(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("ferkd-bench-" + std::to_string(::getpid()) + "-" + name)).string();
}

// `bench step`: the training step alone, its forward, backward and update timed apart.
void addStepBench(CLI::App* bench, CliContext& ctx, const std::shared_ptr<bool>& json) {
    auto step = std::make_shared<StepBenchOptions>();
    auto* s = bench->add_subcommand("step", "Time the FerKD training step alone (model, soft cross-entropy, AdamW; data ready)");
    s->add_option("--arch", step->arch, "Registered model");
    s->add_option("--input-size", step->input_size)->check(CLI::Range(8, 1024));
    s->add_option("--in-chans", step->in_chans)->check(CLI::Range(1, 4));
    s->add_option("--classes", step->num_classes)->check(CLI::Range(2, 100000));
    s->add_option("--batch", step->batch, "Crops per step")->check(CLI::Range(1, 65536));
    s->add_option("--steps", step->steps, "Timed steps")->check(CLI::Range(1, 100000));
    s->add_option("--warmup", step->warmup, "Untimed steps first")->check(CLI::Range(0, 1000));
    s->add_option("--threads", step->threads, "0 = all cores");
    s->add_option("--channels-last", step->channels_last, "NHWC memory order (true/false)");
    s->add_option("--device", step->device, "cpu, cuda or auto");
    s->add_option("--precision", step->precision, "fp32 or bf16 (autocast)")->check(CLI::IsMember({"fp32", "bf16"}));
    s->add_flag("--grad-checkpointing", step->grad_checkpointing,
                "Recompute the blocks' activations in the backward pass (less memory, one more forward)");
    s->add_option("--micro-batch", step->micro_batch,
                  "Crops per forward and backward pass, gradients added up (0 = the whole batch)")
        ->check(CLI::Range(0, 65536));
    s->add_flag("--json", *json, "One JSON object on stdout");
    s->callback([&ctx, step, json] {
        ctx.action = [step, json] {
            const StepBreakdown t = benchmarkTrainingStep(*step);
            const double ips = step->batch / t.step.median();
            nlohmann::json j{{"benchmark", "step"}, {"arch", step->arch}, {"batch", step->batch},
                             {"device", step->device}, {"precision", step->precision},
                             {"grad_checkpointing", step->grad_checkpointing}, {"micro_batch", step->micro_batch},
                             {"peak_bytes", t.peak_bytes},
                             {"median_s", t.step.median()}, {"images_per_s", ips}, {"forward_s", t.forward.median()},
                             {"backward_s", t.backward.median()}, {"update_s", t.update.median()},
                             {"losses", t.losses}};
            char line[256];
            std::snprintf(line, sizeof line,
                          "step %s batch %d at %d px: median %.4f s (forward %.4f, backward %.4f, update %.4f), %.1f img/s, "
                          "peak %.1f MB of tensors",
                          step->arch.c_str(), step->batch, step->input_size, t.step.median(), t.forward.median(),
                          t.backward.median(), t.update.median(), ips, double(t.peak_bytes) / 1e6);
            return printResult(j, *json, line);
        };
    });
}

// `bench store`: a synthetic label store written, then random images read back.
void addStoreBench(CLI::App* bench, CliContext& ctx, const std::shared_ptr<bool>& json) {
    auto store = std::make_shared<StoreBenchOptions>();
    auto* st = bench->add_subcommand("store", "Label store: bytes per crop and random reads of an image's labels");
    st->add_option("--images", store->images)->check(CLI::Range(int64_t(1), int64_t(100000000)));
    st->add_option("--crops", store->crops, "Crops per image")->check(CLI::Range(1, 10000));
    st->add_option("--classes", store->classes)->check(CLI::Range(2, 100000));
    st->add_option("--topk", store->topk)->check(CLI::Range(1, 1000));
    st->add_option("--reads", store->reads, "Random images read back")->check(CLI::Range(1, 100000000));
    st->add_flag("--json", *json, "One JSON object on stdout");
    st->callback([&ctx, store, json] {
        ctx.action = [store, json] {
            store->dir = tempPath("store");
            const StoreBenchResult r = benchmarkLabelStore(*store);
            std::filesystem::remove_all(store->dir);
            nlohmann::json j{{"benchmark", "store"}, {"bytes_per_crop", r.bytes_per_crop}, {"file_bytes", r.file_bytes},
                             {"write_s", r.write_seconds}, {"open_s", r.open_seconds}, {"reads_per_s", r.reads_per_sec}};
            char line[256];
            std::snprintf(line, sizeof line, "store: %.1f bytes per crop, %.0f random image reads/s (open %.4f s)",
                          r.bytes_per_crop, r.reads_per_sec, r.open_seconds);
            return printResult(j, *json, line);
        };
    });
}

// `bench labels`: a teacher with random weights labelling N crops per image.
void addLabelsBench(CLI::App* bench, CliContext& ctx, const std::shared_ptr<bool>& json) {
    auto labels = std::make_shared<LabelBenchOptions>();
    auto* lb = bench->add_subcommand("labels", "Soft-label generation: a teacher labels N crops per image");
    lb->add_option("--arch", labels->arch, "Teacher architecture (random weights)");
    lb->add_option("--data", labels->data, "Data set (its first --images training images)");
    lb->add_option("--images", labels->images)->check(CLI::Range(int64_t(1), int64_t(100000000)));
    lb->add_option("--crops", labels->crops, "Crops per image")->check(CLI::Range(1, 10000));
    lb->add_option("--input-size", labels->input_size)->check(CLI::Range(8, 1024));
    lb->add_option("--batch", labels->batch, "Crops per forward pass")->check(CLI::Range(1, 65536));
    lb->add_option("--topk", labels->topk)->check(CLI::Range(1, 1000));
    lb->add_option("--threads", labels->threads, "0 = all cores");
    lb->add_option("--device", labels->device, "cpu, cuda or auto");
    lb->add_option("--precision", labels->precision, "fp32 or bf16 (autocast)")->check(CLI::IsMember({"fp32", "bf16"}));
    auto keep = std::make_shared<std::string>();
    lb->add_option("--out", *keep, "Keep the label store at this path (bench/run.py epoch trains on it)");
    lb->add_flag("--json", *json, "One JSON object on stdout");
    lb->callback([&ctx, labels, json, keep] {
        ctx.action = [labels, json, keep] {
            labels->out = keep->empty() ? tempPath("labels.fkdl") : *keep;
            labels->keep = !keep->empty();
            const LabelBenchResult r = benchmarkLabelGeneration(*labels);
            nlohmann::json j{{"benchmark", "labels"}, {"crops", r.crops}, {"seconds", r.seconds},
                             {"crops_per_s", r.crops_per_sec}, {"file_bytes", r.file_bytes}};
            char line[256];
            std::snprintf(line, sizeof line, "labels: %lld crops in %.2f s, %.0f crops/s", (long long)r.crops, r.seconds,
                          r.crops_per_sec);
            return printResult(j, *json, line);
        };
    });
}

// `bench data`: an image folder's batches from N worker threads, no model.
void addDataBench(CLI::App* bench, CliContext& ctx, const std::shared_ptr<bool>& json) {
    auto data = std::make_shared<DataBenchOptions>();
    auto* d = bench->add_subcommand("data", "The input pipeline alone: an image folder's batches (decode, "
                                            "RandomResizedCrop, flip, normalise) from N worker threads");
    d->add_option("--data", data->data, "Image folder (root/<class>/<image>)")->required();
    d->add_option("--workers", data->workers, "Threads building batches")->check(CLI::Range(1, 256));
    d->add_option("--input-size", data->input_size)->check(CLI::Range(8, 1024));
    d->add_option("--batch", data->batch, "Images per batch")->check(CLI::Range(1, 65536));
    d->add_option("--batches", data->batches, "Batches to time; 0 = one pass")->check(CLI::Range(0, 1000000));
    d->add_flag("--json", *json, "One JSON object on stdout");
    d->callback([&ctx, data, json] {
        ctx.action = [data, json] {
            const DataBenchResult r = benchmarkDataPipeline(*data);
            nlohmann::json j{{"benchmark", "data"}, {"workers", data->workers}, {"images", r.images},
                             {"seconds", r.seconds}, {"images_per_s", r.images_per_sec}};
            char line[256];
            std::snprintf(line, sizeof line, "data: %lld images in %.2f s with %d workers, %.1f img/s",
                          (long long)r.images, r.seconds, data->workers, r.images_per_sec);
            return printResult(j, *json, line);
        };
    });
}

}  // namespace

void addSpeedBenchCommands(CLI::App* bench, CliContext& ctx) {
    auto json = std::make_shared<bool>(false);  // --json, shared by the four
    addStepBench(bench, ctx, json);
    addStoreBench(bench, ctx, json);
    addLabelsBench(bench, ctx, json);
    addDataBench(bench, ctx, json);
}

}  // namespace ferkd::cli
