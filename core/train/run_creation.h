#pragma once
// A training run recorded in the store, queued, once everything its config names has been
// checked: the config itself, its data (a missing data set, a validation split that does
// not fit), its label set (missing, or made for other images) and, when asked, its memory
// plan. The CLI, sweeps, the ablation bench and the studio's queue all create runs here,
// so a run that would fail for these reasons never exists.
#include <cstdint>
#include <string>

#include "config/run_config.h"
#include "store/experiment_store.h"

namespace ferkd {

struct RunCreation {
    std::string tags;  // comma-separated
    // The label set is made by a run queued before this one (the pipeline): it is checked
    // when this run starts.
    bool labels_made_first = false;
    // > 0: the memory plan for that many processes is made too, and a run that does not fit
    // is refused. That measures (up to minutes for the largest models), which the studio's
    // GUI thread must not wait for: 0 leaves the check to the run's start.
    int plan_processes = 0;
};

// Validates `config`, gives it a name if it has none and records a queued run; throws
// ConfigError (or the data's error) and records nothing when something does not hold.
int64_t createTrainingRun(ExperimentStore& store, RunConfig config, const RunCreation& how = {});

}  // namespace ferkd
