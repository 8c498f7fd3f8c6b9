#include "train/run_evaluation.h"

#include <cmath>

#include "data/dataset_factory.h"
#include "models/model_registry.h"
#include "train/checkpoint.h"
#include "train/evaluator.h"
#include "train/runtime.h"
#include "train/trainer.h"
#include "util/error.h"

namespace ferkd {

double RunEvaluation::classAccuracy(int cls) const {
    int64_t total = 0;
    for (size_t p = 0; p < classes.size(); ++p) total += count(cls, int(p));
    return total > 0 ? 100.0 * double(count(cls, cls)) / double(total) : 0.0;
}

RunEvaluation evaluateRun(const ExperimentStore& store, int64_t runId, const std::string& checkpoint,
                          const std::string& testPath, int batchSize) {
    auto run = store.run(runId);
    if (!run) throw Error("no run with id " + std::to_string(runId) + " in " + store.workspace());
    const std::string path =
        checkpoint == "best" || checkpoint == "last" ? existingCheckpoint(store, runId, checkpoint) : checkpoint;
    RunConfig config = runConfigOf(*run);
    if (!testPath.empty()) config.data.test_path = testPath;
    configureThreads(config.runtime.threads);
    const torch::Device device = resolveDevice(config.runtime.device);
    DataSplits data = openRunData(config.data);
    if (!data.test) throw ConfigError("data.test_path", "the run's data set has no test split");
    auto model = createModel(config.model.arch, readCheckpointHeader(path).spec);
    CheckpointContent content{model.get(), nullptr, nullptr, {}, {}, {}};
    loadCheckpoint(path, content);
    model->to(device);
    BatchBuilder testData(data.test, config);
    const EvalResult r = evaluate(*model, testData, device, batchSize);
    RunEvaluation out;
    out.checkpoint = path;
    out.epoch = content.position.epoch;
    out.images = r.images;
    out.loss = r.loss;
    out.top1 = r.top1;
    out.top5 = r.top5;
    out.classes = data.test->classes();
    out.confusion = r.confusion;  // K x K over the test split's classes
    return out;
}

}  // namespace ferkd
