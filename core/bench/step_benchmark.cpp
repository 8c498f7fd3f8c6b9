#include "bench/step_benchmark.h"

#include <torch/torch.h>

#include <chrono>

#include "models/classifier.h"
#include "models/model_registry.h"
#include "runtime/mixed_precision.h"
#include "runtime/runtime.h"
#include "train/losses.h"
#include "train/optimizer_factory.h"
#include "train/training_step.h"
#include "util/elapsed.h"
#include "util/peak_memory.h"
#include "util/statistics.h"

namespace ferkd {

double BenchTiming::median() const { return ferkd::median(seconds); }

StepBreakdown benchmarkTrainingStep(const StepBenchOptions& o) {
    configureThreads(o.threads);
    const torch::Device device = resolveDevice(o.device);
    torch::manual_seed(0);
    const PeakMemoryMeter meter(device);
    ModelSpec spec{o.num_classes, o.in_chans, o.input_size, 0.0};
    auto model = createModel(o.arch, spec);
    model->setGradCheckpointing(o.grad_checkpointing);
    model->to(device);
    const auto format = o.channels_last ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
    setMemoryFormat(*model, format);
    model->train();
    OptimConfig optim;  // AdamW, weight decay 0.05 off norms and biases
    auto optimizer = createOptimizer(*model, optim);

    auto images = torch::randn({o.batch, o.in_chans, o.input_size, o.input_size}).to(device).contiguous(format);
    auto targets = torch::softmax(torch::randn({o.batch, o.num_classes}), 1).to(device);
    StepBreakdown timing;
    using Clock = std::chrono::steady_clock;
    const bool bf16 = usesBf16(o.precision);
    auto sync = [&] {
        if (device.is_cuda()) torch::cuda::synchronize();
    };
    // Each pass's loss is weighted by its share of the batch, so the gradients add up to the
    // whole batch's (train/training_step.h).
    const auto passes = microBatchRanges(o.batch, 1, o.micro_batch > 0 ? o.micro_batch : o.batch);
    for (int i = 0; i < o.warmup + o.steps; ++i) {
        const auto t0 = Clock::now();
        double forwardSeconds = 0, backwardSeconds = 0, stepLoss = 0;
        optimizer.impl->zero_grad();
        for (const auto& [begin, end] : passes) {
            const auto f0 = Clock::now();
            torch::Tensor loss;
            {
                AutocastScope autocast(device, bf16);
                loss = softCrossEntropy(model->forward(images.slice(0, begin, end)), targets.slice(0, begin, end)) *
                       (double(end - begin) / double(o.batch));
            }
            sync();
            const auto f1 = Clock::now();
            loss.backward();
            sync();
            forwardSeconds += std::chrono::duration<double>(f1 - f0).count();
            backwardSeconds += secondsSince(f1);
            stepLoss += loss.item<double>();  // the trainer reads every step's loss (and synchronises)
        }
        const auto t2 = Clock::now();
        optimizer.impl->step();
        sync();
        timing.losses.push_back(stepLoss);
        if (i < o.warmup) continue;
        timing.step.seconds.push_back(secondsSince(t0));
        timing.forward.seconds.push_back(forwardSeconds);
        timing.backward.seconds.push_back(backwardSeconds);
        timing.update.seconds.push_back(secondsSince(t2));
    }
    timing.peak_bytes = meter.peakBytes();
    return timing;
}

}  // namespace ferkd
