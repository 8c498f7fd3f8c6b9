#include "train/evaluator.h"

namespace ferkd {

std::pair<int64_t, int64_t> countTopK(const torch::Tensor& logits, const torch::Tensor& labels, int64_t k) {
    k = std::min<int64_t>(k, logits.size(1));
    auto top = std::get<1>(logits.topk(k, 1));
    auto hits = top.eq(labels.view({-1, 1}));
    int64_t top1 = hits.select(1, 0).sum().item<int64_t>();
    int64_t topk = hits.any(1).sum().item<int64_t>();
    return {top1, topk};
}

EvalResult evaluate(Classifier& model, const BatchBuilder& testData, torch::Device device, int64_t batchSize,
                    const std::function<void(int64_t, int64_t)>& progress, std::pair<int64_t, int64_t> range,
                    const EvalBatchObserver& observe) {
    const bool wasTraining = model.is_training();
    model.eval();
    torch::NoGradGuard guard;
    const int64_t n = range.second < 0 ? testData.dataset().size() : range.second;
    const int64_t C = testData.dataset().numClasses();
    EvalResult r;
    r.confusion.assign(C * C, 0);
    double lossSum = 0;
    int64_t top1 = 0, top5 = 0;
    for (int64_t begin = range.first; begin < n; begin += batchSize) {
        int64_t end = std::min(n, begin + batchSize);
        Batch b = testData.testBatch(begin, end);
        auto logits = model.forward(b.images.to(device)).to(torch::kCPU).to(torch::kFloat);
        lossSum += torch::nn::functional::cross_entropy(logits, b.labels).item<double>() * double(end - begin);
        auto [c1, c5] = countTopK(logits, b.labels, 5);
        top1 += c1;
        top5 += c5;
        auto pred = logits.argmax(1);
        auto p = pred.accessor<int64_t, 1>();
        auto l = b.labels.accessor<int64_t, 1>();
        for (int64_t i = 0; i < p.size(0); ++i)
            if (l[i] < C && p[i] < C) r.confusion[l[i] * C + p[i]]++;
        if (observe) observe(begin, b, logits);
        if (progress) progress(end - range.first, n - range.first);
    }
    r.images = std::max<int64_t>(0, n - range.first);
    r.loss_sum = lossSum;
    r.top1_hits = top1;
    r.top5_hits = top5;
    finishEvalResult(r);
    if (wasTraining) model.train();
    return r;
}

void finishEvalResult(EvalResult& r) {
    if (r.images <= 0) return;
    r.loss = r.loss_sum / double(r.images);
    r.top1 = 100.0 * double(r.top1_hits) / double(r.images);
    r.top5 = 100.0 * double(r.top5_hits) / double(r.images);
}

}  // namespace ferkd
