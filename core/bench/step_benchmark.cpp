#include "bench/step_benchmark.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>

#include "models/classifier.h"
#include "models/model_registry.h"
#include "train/losses.h"
#include "train/optimizer_factory.h"
#include "train/runtime.h"

namespace ferkd {

double BenchTiming::median() const {
    if (seconds.empty()) return 0;
    std::vector<double> s = seconds;
    std::nth_element(s.begin(), s.begin() + s.size() / 2, s.end());
    return s[s.size() / 2];
}

BenchTiming benchmarkTrainingStep(const StepBenchOptions& o) {
    configureThreads(o.threads);
    const torch::Device device = resolveDevice(o.device);
    torch::manual_seed(0);
    ModelSpec spec{o.num_classes, o.in_chans, o.input_size, 0.0};
    auto model = createModel(o.arch, spec);
    model->to(device);
    const auto format = o.channels_last ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
    setMemoryFormat(*model, format);
    model->train();
    OptimConfig optim;  // AdamW, weight decay 0.05 off norms and biases
    auto optimizer = createOptimizer(*model, optim);

    auto images = torch::randn({o.batch, o.in_chans, o.input_size, o.input_size}).to(device).contiguous(format);
    auto targets = torch::softmax(torch::randn({o.batch, o.num_classes}), 1).to(device);
    BenchTiming timing;
    for (int i = 0; i < o.warmup + o.steps; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        auto loss = softCrossEntropy(model->forward(images), targets);
        optimizer.impl->zero_grad();
        loss.backward();
        optimizer.impl->step();
        (void)loss.item<double>();  // the trainer reads every step's loss (and synchronises)
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (i >= o.warmup) timing.seconds.push_back(s);
    }
    return timing;
}

}  // namespace ferkd
