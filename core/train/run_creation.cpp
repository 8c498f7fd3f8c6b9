#include "train/run_creation.h"

#include <ctime>

#include "config/config_io.h"
#include "data/dataset_factory.h"
#include "labels/distill_targets.h"
#include "train/memory_plan.h"
#include "train/run_setup.h"
#include "util/text.h"

namespace ferkd {

namespace {

std::string timestampName() {
    std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", std::localtime(&t));
    return buf;
}

}  // namespace

int64_t createTrainingRun(ExperimentStore& store, RunConfig config, const RunCreation& how) {
    validateConfig(config);
    // What only the data can tell is refused here too, before a run exists to fail.
    const DataSplits data = openRunData(config.data);
    if (!how.labels_made_first && (config.distill.mode == "fkd" || config.distill.mode == "ferkd"))
        openLabelsFor(*data.train, config.distill);
    if (how.plan_processes > 0)
        requireFits(planMemory(config, {modelSpecFor(config, *data.train), how.plan_processes,
                                        largestEvaluationSplit(data), std::nullopt, &store}));
    if (config.name.empty())
        config.name = (config.preset.empty() ? config.model.arch : config.preset) + "-" + timestampName();
    return store.createRun(config.name, config.kind, config.preset, configToJsonText(config), how.tags);
}

}  // namespace ferkd
