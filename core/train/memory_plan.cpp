#include "train/memory_plan.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <tuple>

#include "batch/batch_prefetcher.h"
#include "config/config_io.h"
#include "config/step_accounting.h"
#include "models/classifier.h"
#include "runtime/mixed_precision.h"
#include "runtime/runtime.h"
#include "store/experiment_store.h"
#include "store/run_files.h"
#include "train/run_setup.h"
#include "util/error.h"
#include "util/peak_memory.h"
#include "util/text.h"

namespace ferkd {

namespace {

constexpr double kUsableShare = 0.9;           // the rest is the allocators' fragmentation
constexpr int64_t kSmallPass = 2, kLargePass = 4;  // crops of the two measured passes

int64_t bytesOf(const torch::Tensor& t) { return t.defined() ? t.numel() * static_cast<int64_t>(t.element_size()) : 0; }

int64_t moduleBytes(const torch::nn::Module& m, bool trainableOnly) {
    int64_t total = 0;
    for (const auto& p : m.parameters())
        if (!trainableOnly || p.requires_grad()) total += bytesOf(p);
    if (!trainableOnly)
        for (const auto& b : m.buffers()) total += bytesOf(b);
    return total;
}

// The kd teacher's weights: its run's architecture, built as it was trained.
int64_t teacherBytes(const RunConfig& cfg, const PlanRequest& request) {
    if (cfg.distill.mode != "kd") return 0;
    if (!request.store) return 0;
    const auto run = request.store->findRun(cfg.distill.teacher);
    if (!run) throw ConfigError("distill.teacher", "no run '" + cfg.distill.teacher + "' in " + request.store->workspace());
    const RunConfig teacherConfig = runConfigOf(*run);
    ModelSpec spec = request.spec;
    spec.input_size = teacherConfig.data.input_size;
    return moduleBytes(*createModel(teacherConfig.model.arch, spec), false);
}

// A step's batch: float crops, int64 labels and float soft targets.
int64_t batchBytes(const RunConfig& cfg, const ModelSpec& spec, int64_t crops) {
    const int64_t pixels = int64_t(spec.in_chans) * cfg.data.input_size * cfg.data.input_size;
    return crops * (pixels * 4 + 8 + int64_t(spec.num_classes) * 4);
}

// Peak bytes of one training pass of `crops` crops beyond what existed before it.
int64_t measurePass(Classifier& model, const RunConfig& cfg, const ModelSpec& spec, torch::Device device,
                    torch::MemoryFormat format, bool bf16, int64_t crops) {
    const auto input = torch::randn({crops, spec.in_chans, cfg.data.input_size, cfg.data.input_size},
                                    torch::TensorOptions().device(device))
                           .contiguous(format);
    const auto labels = torch::randint(spec.num_classes, {crops}, torch::TensorOptions().device(device).dtype(torch::kLong));
    PeakMemoryMeter meter(device);
    torch::Tensor loss;
    {
        AutocastScope autocast(device, bf16);
        loss = torch::nn::functional::cross_entropy(model.forward(input).to(torch::kFloat), labels);
    }
    loss.backward();
    return meter.peakBytes();
}

// Peak bytes of evaluating `images` test images (no gradients, fp32, as the trainer
// evaluates) beyond what existed before.
int64_t measureEvaluation(Classifier& model, const RunConfig& cfg, const ModelSpec& spec, torch::Device device,
                          int64_t images) {
    torch::NoGradGuard noGrad;
    const auto input = torch::randn({images, spec.in_chans, cfg.data.input_size, cfg.data.input_size},
                                    torch::TensorOptions().device(device));
    PeakMemoryMeter meter(device);
    model.forward(input);
    return meter.peakBytes();
}

// A straight line through (small, atSmall) and (large, atLarge): bytes per item and the rest.
std::pair<double, int64_t> lineThrough(int64_t small, int64_t atSmall, int64_t large, int64_t atLarge) {
    const double slope = std::max(0.0, double(atLarge - atSmall) / double(large - small));
    return {slope, std::max<int64_t>(0, atSmall - int64_t(slope * double(small)))};
}

MemoryFootprint measureFootprint(const RunConfig& cfg, const PlanRequest& request, torch::Device device,
                                 int64_t cropsPerProcess) {
    MemoryFootprint f;
    f.runtime = device.is_cuda() ? 0 : residentBytes();
    const bool residentPeakKnown = !device.is_cuda() && resetResidentPeak();
    torch::manual_seed(cfg.seed);
    auto model = createModel(cfg.model.arch, request.spec);
    f.parameters = countParameters(*model);
    f.weights = moduleBytes(*model, false);
    f.gradients = moduleBytes(*model, true);
    f.optimizer_state = cfg.optim.name == "adamw" ? 2 * f.gradients : (cfg.optim.beta1 > 0 ? f.gradients : 0);
    f.ema = cfg.ema.enabled ? f.weights : 0;
    f.teacher = teacherBytes(cfg, request);
    f.gradient_buckets = request.processes > 1 ? f.gradients : 0;
    // On a CPU the prefetched batches and the training one are in this memory (and a
    // copy in channels-last); on a GPU the step's batch (and its channels-last copy).
    const int64_t batch = batchBytes(cfg, request.spec, cropsPerProcess);
    const int64_t copies = cfg.runtime.channels_last ? 1 : 0;
    f.batches = batch * ((device.is_cuda() ? 1 : int64_t(BatchPrefetcher::kDepth) + 1) + copies);

    model->setGradCheckpointing(cfg.model.grad_checkpointing);
    model->to(device);
    const auto format = cfg.runtime.channels_last ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
    setMemoryFormat(*model, format);
    model->train();
    const bool bf16 = usesBf16(choosePrecision(cfg.runtime.precision, device).precision);
    measurePass(*model, cfg, request.spec, device, format, bf16, kSmallPass);  // gradients and caches made here
    const int64_t small = measurePass(*model, cfg, request.spec, device, format, bf16, kSmallPass);
    const int64_t large = measurePass(*model, cfg, request.spec, device, format, bf16, kLargePass);
    std::tie(f.activation_per_crop, f.activation_fixed) = lineThrough(kSmallPass, small, kLargePass, large);
    model->eval();
    const int64_t evalSmall = measureEvaluation(*model, cfg, request.spec, device, kSmallPass);
    const int64_t evalLarge = measureEvaluation(*model, cfg, request.spec, device, kLargePass);
    std::tie(f.evaluation_per_image, f.evaluation_fixed) = lineThrough(kSmallPass, evalSmall, kLargePass, evalLarge);
    f.evaluation_per_image += double(batchBytes(cfg, request.spec, 1));
    // What the process's resident memory grew by beyond the tensors LibTorch allocated:
    // oneDNN's scratch buffers, the threads' heaps, the allocator's slack.
    if (residentPeakKnown)
        f.untracked = std::max<int64_t>(0, residentPeakBytes() - f.runtime -
                                               (f.weights + f.gradients + std::max(large, evalLarge)));
    f.activation_method = "measured on " + device.str() + ": passes of " + std::to_string(kSmallPass) + " and " +
                          std::to_string(kLargePass) + " crops at " + std::to_string(cfg.data.input_size) + " px, " +
                          (bf16 ? "bf16" : "fp32") + (cfg.model.grad_checkpointing ? ", checkpointed" : "");
    return f;
}

std::mutex cacheMutex;
std::map<std::string, MemoryFootprint> measured;  // by config, request and device

// What the footprint depends on: the model, its input and precision, the optimiser, the
// EMA, the teacher, the crops of a step, the data's classes and channels, the processes.
std::string cacheKey(const RunConfig& c, const PlanRequest& r, torch::Device device) {
    const nlohmann::json key = {configToJson(c)["model"], c.data.input_size, c.runtime.precision,
                                c.runtime.channels_last, c.optim.name, c.optim.beta1, c.ema.enabled,
                                c.distill.mode, c.distill.teacher, c.distill.num_crops, c.schedule.batch_size,
                                c.schedule.accounting, r.spec.num_classes, r.spec.in_chans, r.processes,
                                device.str()};
    return key.dump();
}

std::string gb(int64_t bytes) { return formatBytes(static_cast<uint64_t>(std::max<int64_t>(0, bytes))); }

}  // namespace

int64_t MemoryPlan::fixedBytes() const {
    return weights + gradients + optimizer_state + ema + teacher + gradient_buckets + batches + runtime + untracked;
}

int64_t MemoryPlan::activationBytes(int64_t crops) const {
    return activation_fixed + static_cast<int64_t>(activation_per_crop * double(crops));
}

int64_t MemoryPlan::peakBytes(int64_t crops) const {
    // The training batches are gone while the model evaluates.
    return fixedBytes() - batches + std::max(batches + activationBytes(crops), evaluation);
}

int64_t MemoryPlan::totalBytes(int64_t crops) const { return peakBytes(crops) * (shared_budget ? processes : 1); }

int64_t MemoryPlan::usableBytes() const {
    return static_cast<int64_t>(kUsableShare * double(budget)) / (shared_budget ? processes : 1);
}

std::string MemoryPlan::summary() const {
    if (fits())
        return "fits: " + gb(totalBytes(micro_batch)) + " of " + gb(budget) + " (" +
               budget_source + ") at micro-batches of " + std::to_string(micro_batch) + " crops" +
               (micro_batch < crops_per_process ? " (" + std::to_string((crops_per_process + micro_batch - 1) / micro_batch) +
                                                      " per step)"
                                                : " (the whole step)");
    const int64_t smallest = crops_per_image;
    return "does not fit: " + gb(totalBytes(smallest)) + " needed at micro-batches of " + std::to_string(smallest) +
           " crops (one image), " + gb(int64_t(kUsableShare * double(budget))) + " usable of " + gb(budget) + " (" + budget_source + ")";
}

std::string MemoryPlan::describe() const {
    std::string out;
    char line[200];
    auto row = [&](const char* what, int64_t bytes, const std::string& note) {
        std::snprintf(line, sizeof line, "  %-22s %10s  %s\n", what, gb(bytes).c_str(), note.c_str());
        out += line;
    };
    out += "memory plan, per process" + std::string(processes > 1 ? " (" + std::to_string(processes) + " processes)" : "") +
           ", " + std::to_string(parameters) + " parameters:\n";
    row("weights", weights, "parameters and buffers, fp32");
    row("gradients", gradients, "");
    row("optimiser state", optimizer_state, "");
    if (ema) row("EMA", ema, "");
    if (teacher) row("teacher (kd)", teacher, "");
    if (gradient_buckets) row("gradient buckets", gradient_buckets, "all-reduce over the processes");
    row("batches", batches, std::to_string(crops_per_process) + " crops per step, in flight");
    if (runtime) row("runtime", runtime, "this process before the model (libraries, data index)");
    if (untracked)
        row("untracked", untracked, "resident growth beyond LibTorch's tensors while measuring (oneDNN, heaps)");
    char perCrop[64];
    std::snprintf(perCrop, sizeof perCrop, "%s per crop + %s", gb(int64_t(activation_per_crop)).c_str(),
                  gb(activation_fixed).c_str());
    row("activations", activationBytes(micro_batch > 0 ? micro_batch : crops_per_image),
        std::string(perCrop) + " (" + activation_method + ")");
    row("evaluation", evaluation,
        std::to_string(evaluation_images) + " test images per batch, fp32, no gradients (measured as the activations)");
    row("peak", peakBytes(micro_batch > 0 ? micro_batch : crops_per_image),
        "at " + std::to_string(micro_batch > 0 ? micro_batch : crops_per_image) + " crops per micro-batch" +
            (micro_batch_auto ? " (runtime.micro_batch = auto)" : ""));
    out += summary() + "\n";
    for (const auto& r : remedies) out += "  - " + r + "\n";
    return out;
}

namespace {

// What the plan must fit in, and where that figure comes from.
void setBudget(MemoryPlan& plan, const RunConfig& cfg, const PlanRequest& request, const torch::Device& device) {
    if (request.device_memory) {
        plan.budget = *request.device_memory;
        plan.budget_source = "--device-memory";
    } else if (!cfg.runtime.memory_limit.empty()) {
        plan.budget = static_cast<int64_t>(parseByteSize(cfg.runtime.memory_limit).value_or(0));
        plan.budget_source = "runtime.memory_limit";
    } else if (device.is_cuda()) {
        plan.budget = cudaMemoryInfo(device.has_index() ? device.index() : 0).first;
        plan.budget_source = "free memory of " + device.str();
    } else {
        plan.budget = availableMemoryBytes() + residentBytes();
        plan.budget_source = "this machine's available memory";
    }
}

// Evaluation: each process its share of the split, in batches of max(images per step,
// 256), fewer where that many do not fit beside the weights and optimiser state.
void planEvaluation(MemoryPlan& plan, int64_t imagesPerStep, int64_t testImages) {
    int64_t images = std::max<int64_t>(imagesPerStep, kEvaluationImages);
    if (testImages > 0) images = std::min(images, (testImages + plan.processes - 1) / plan.processes);
    const double room = double(plan.usableBytes() - (plan.fixedBytes() - plan.batches) - plan.evaluation_fixed);
    if (plan.evaluation_per_image > 0)
        images = std::min(images, std::max<int64_t>(0, int64_t(room / plan.evaluation_per_image)));
    plan.evaluation_images = images;
    plan.evaluation = plan.evaluation_fixed + int64_t(plan.evaluation_per_image * double(std::max<int64_t>(1, images)));
}

// The images per process whose activations fit beside everything else (0: not one).
int64_t fittingImages(const MemoryPlan& plan) {
    const int64_t images = plan.crops_per_process / plan.crops_per_image;
    if (plan.evaluation_images == 0) return 0;
    const double room = double(plan.usableBytes() - plan.fixedBytes() - plan.activation_fixed);
    if (room < plan.activation_per_crop * plan.crops_per_image) return 0;
    if (plan.activation_per_crop <= 0) return images;
    return std::min(images, int64_t(room / (plan.activation_per_crop * plan.crops_per_image)));
}

// The micro-batch: the config's, or the fewest equal passes of whole images that fit.
void chooseMicroBatch(MemoryPlan& plan, int64_t configured, int64_t fitting) {
    plan.micro_batch_auto = configured <= 0;
    if (!plan.micro_batch_auto) {
        plan.micro_batch = std::min<int64_t>(configured, plan.crops_per_process);
    } else if (fitting > 0) {
        const int64_t images = plan.crops_per_process / plan.crops_per_image;
        const int64_t passes = (images + fitting - 1) / fitting;
        plan.micro_batch = (images + passes - 1) / passes * plan.crops_per_image;
    }
}

// What would make a plan that does not fit fit, most direct first.
void addRemedies(MemoryPlan& plan, const RunConfig& cfg, int64_t fitting) {
    if (fitting > 0 && !plan.micro_batch_auto)
        plan.remedies.push_back("runtime.micro_batch=" + std::to_string(fitting * plan.crops_per_image) +
                                " or smaller (or 0, auto) fits");
    if (fitting > 0) return;
    if (!cfg.model.grad_checkpointing)
        plan.remedies.push_back("model.grad_checkpointing=true keeps only each block's input for the backward pass");
    if (plan.fixedBytes() > plan.usableBytes())
        plan.remedies.push_back("the weights, gradients, optimiser state and batches alone take " + gb(plan.fixedBytes()) +
                                (plan.ema ? "; ema.enabled=false saves " + gb(plan.ema) : "") +
                                (cfg.optim.name == "adamw" ? "; optim.name=sgd keeps one moment, not two" : ""));
    if (plan.evaluation_images == 0)
        plan.remedies.push_back("evaluating even one test image does not fit beside the weights and optimiser state");
    if (plan.shared_budget && plan.processes > 1)
        plan.remedies.push_back("fewer processes: each holds its own copy of everything");
    plan.remedies.push_back("a smaller data.input_size (activations grow with its square) or a device with at least " +
                            gb(int64_t(double(plan.peakBytes(plan.crops_per_image)) / kUsableShare)) + " per process");
}

}  // namespace

MemoryPlan planMemory(const RunConfig& cfg, const PlanRequest& request) {
    const torch::Device device = resolveDevice(cfg.runtime.device);
    MemoryPlan plan;
    plan.processes = std::max(1, request.processes);
    plan.shared_budget = !device.is_cuda();
    plan.crops_per_image = cropsPerImage(cfg);
    const int64_t imagesPerStep = imagesPerStepOf(cfg);
    plan.crops_per_process = std::max<int64_t>(1, imagesPerStep / plan.processes) * plan.crops_per_image;
    {
        const std::string key = cacheKey(cfg, request, device);
        std::lock_guard<std::mutex> lock(cacheMutex);
        auto it = measured.find(key);
        if (it == measured.end()) it = measured.emplace(key, measureFootprint(cfg, request, device, plan.crops_per_process)).first;
        static_cast<MemoryFootprint&>(plan) = it->second;
    }
    setBudget(plan, cfg, request, device);
    planEvaluation(plan, imagesPerStep, request.test_images);
    const int64_t fitting = fittingImages(plan);
    chooseMicroBatch(plan, cfg.runtime.micro_batch, fitting);
    if (!plan.fits()) addRemedies(plan, cfg, fitting);
    return plan;
}

MemoryPlan planRunMemory(const RunConfig& config, int processes, std::optional<int64_t> deviceMemory,
                         const ExperimentStore* store) {
    const DataSplits data = openRunData(config.data);
    return planMemory(config, {modelSpecFor(config, *data.train), processes, largestEvaluationSplit(data), deviceMemory, store});
}

void requireFits(const MemoryPlan& plan) {
    if (plan.fits()) return;
    const bool staticTooLarge = plan.fixedBytes() > plan.usableBytes();
    std::string message = "the run does not fit in memory (`ferkd train --plan` shows the plan): " + plan.summary();
    for (const auto& r : plan.remedies) message += "; " + r;
    throw ConfigError(staticTooLarge ? "model.arch" : "runtime.micro_batch", message);
}

int64_t plannedMicroBatch(const RunConfig& config, const MemoryPlan& plan) {
    if (config.runtime.micro_batch > 0) return config.runtime.micro_batch;
    return plan.micro_batch >= plan.crops_per_process ? 0 : plan.micro_batch;
}

}  // namespace ferkd
