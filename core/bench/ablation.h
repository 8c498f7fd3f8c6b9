#pragma once
// The paper's comparison on data at hand: one student trained with each label source
// (ce, kd, fkd, FerKD's rule, its two halves apart, the earlier reading; the stored-label
// ones with and without SelfMix) for the same epochs and seeds, everything else equal,
// summarised as mean and spread over seeds. `ferkd bench ablation` drives it.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "config/run_config.h"
#include "labels/label_set_stats.h"
#include "store/experiment_store.h"
#include "util/statistics.h"

namespace ferkd {

struct AblationVariant {
    std::string name, description;
};
const std::vector<AblationVariant>& ablationVariants();

// `base` with the variant's label source, rule, crops and SelfMix; the rest untouched.
// Throws ConfigError for an unknown variant.
RunConfig ablationConfig(const RunConfig& base, const std::string& variant, uint64_t seed, const std::string& labels,
                         const std::string& teacher);

// One trained run of the ablation.
struct AblationCell {
    std::string variant;
    uint64_t seed = 0;
    int64_t run_id = 0;
    std::string status;
    std::vector<EpochMetric> epochs;
    double seconds = 0;  // wall time of the whole run, from the store's start and finish times
};

struct AblationSummary {
    std::string variant;
    int runs = 0;  // finished runs
    MeanStd final_top1, best_top1;  // percent, sample std
    double seconds_mean = 0;
    bool selected_by_val = false;  // best = test top-1 at the best validation epoch (data.val_split), not the best test top-1
    // Test top-1 (percent) per stored epoch, by the epoch's number: under FKD's accounting a
    // 2-crop run stores epochs 2, 4, 6 and a 1-crop run 1..6, so equal numbers are equal crop-views.
    std::map<int64_t, MeanStd> epoch_top1;
};

// Mean and sample standard deviation over the finished runs of each variant, in `order`.
std::vector<AblationSummary> summarizeAblation(const std::vector<AblationCell>& cells,
                                               const std::vector<std::string>& order);

// One row per run and epoch.
std::string ablationCsv(const std::vector<AblationCell>& cells);

// The table for docs/: the command, the setting, the summary, top-1 per epoch, and the
// label set's crop groups (what FerKD's rule did to this teacher's labels), per class.
std::string ablationMarkdown(const std::vector<AblationSummary>& summary, const std::string& command,
                             const std::string& setting, const LabelSetStats* labelStats,
                             const std::vector<std::string>& classNames);

}  // namespace ferkd
