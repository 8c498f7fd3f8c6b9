#include "train/run_export.h"

#include "data/dataset_factory.h"
#include "data/normalizer.h"
#include "models/model_registry.h"
#include "store/checkpoint.h"
#include "store/run_files.h"
#include "util/error.h"

namespace ferkd {

RunOnnxExport exportRunOnnx(const ExperimentStore& store, int64_t runId, const std::string& checkpoint,
                            CheckpointWeights weights, const OnnxExportOptions& options, const std::string& out) {
    const auto run = store.run(runId);
    if (!run) throw Error("no run with id " + std::to_string(runId) + " in " + store.workspace());
    RunOnnxExport result;
    result.checkpoint = existingCheckpoint(store, runId, checkpoint);
    const bool ema = weights == CheckpointWeights::Ema;
    const CheckpointModel loaded = loadCheckpointModel(result.checkpoint, ema);
    const RunConfig config = runConfigOf(*run);

    OnnxModelFacts facts;
    facts.arch = loaded.arch;
    const ModelInfo* info = findModel(loaded.arch);
    facts.family = info ? info->family : "";
    facts.in_chans = loaded.spec.in_chans;
    facts.input_size = loaded.spec.input_size;
    facts.num_classes = loaded.spec.num_classes;
    const NormalizationStats norm = normalizationStats(facts.in_chans, config.data.normalize);
    facts.mean.assign(norm.mean.begin(), norm.mean.end());
    facts.std.assign(norm.std.begin(), norm.std.end());
    try {
        facts.class_names = openRunData(config.data).train->classes();
        if (int(facts.class_names.size()) != facts.num_classes) {
            result.note = "class names left out (the data has " + std::to_string(facts.class_names.size()) +
                          " classes, the model " + std::to_string(facts.num_classes) + ")";
            facts.class_names.clear();
        }
    } catch (const std::exception& e) {
        result.note = std::string("class names left out (the run's data did not open: ") + e.what() + ")";
    }
    facts.extra = {{"ferkd.run", std::to_string(runId)},
                   {"ferkd.run_name", run->name},
                   {"ferkd.checkpoint", result.checkpoint},
                   {"ferkd.weights", ema ? "ema" : "model"},
                   {"ferkd.preset", run->preset}};
    result.summary = writeOnnxModel(*loaded.model, facts, options, out);
    return result;
}

}  // namespace ferkd
