#include "bench/step_benchmark.h"

#include <torch/torch.h>

#include <chrono>

#include "models/classifier.h"
#include "models/model_registry.h"
#include "train/losses.h"
#include "train/optimizer_factory.h"
#include "train/mixed_precision.h"
#include "train/runtime.h"
#include "util/statistics.h"

namespace ferkd {

double BenchTiming::median() const { return ferkd::median(seconds); }

StepBreakdown benchmarkTrainingStep(const StepBenchOptions& o) {
    configureThreads(o.threads);
    const torch::Device device = resolveDevice(o.device);
    torch::manual_seed(0);
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
    auto since = [](Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); };
    const bool bf16 = usesBf16(o.precision);
    auto sync = [&] {
        if (device.is_cuda()) torch::cuda::synchronize();
    };
    for (int i = 0; i < o.warmup + o.steps; ++i) {
        const auto t0 = Clock::now();
        torch::Tensor loss;
        {
            AutocastScope autocast(device, bf16);
            loss = softCrossEntropy(model->forward(images), targets);
        }
        sync();
        const auto t1 = Clock::now();
        optimizer.impl->zero_grad();
        loss.backward();
        sync();
        const auto t2 = Clock::now();
        optimizer.impl->step();
        timing.losses.push_back(loss.item<double>());  // the trainer reads every step's loss (and synchronises)
        if (i < o.warmup) continue;
        timing.step.seconds.push_back(since(t0));
        timing.forward.seconds.push_back(std::chrono::duration<double>(t1 - t0).count());
        timing.backward.seconds.push_back(std::chrono::duration<double>(t2 - t1).count());
        timing.update.seconds.push_back(since(t2));
    }
    return timing;
}

}  // namespace ferkd
