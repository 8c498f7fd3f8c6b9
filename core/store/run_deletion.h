#pragma once
// Deleting a run with what it left on disk: its folder (checkpoints, logs), checkpoints
// recorded elsewhere, and the label set a labels run generated. The plan says what goes,
// how many bytes that frees, and what stands in the way: a run that is queued or running
// cannot be deleted, and a label set that student runs train on is named with them
// (`force` deletes it anyway). The CLI and the studio show the plan before deleting.
#include <cstdint>
#include <string>
#include <vector>

#include "store/experiment_store.h"

namespace ferkd {

struct RunDeletionPlan {
    RunRecord run;
    std::vector<std::string> paths;     // files and folders that go, each once
    uint64_t bytes = 0;                 // what they hold now
    std::string blocker;                // non-empty: cannot be deleted, and why
    std::vector<std::string> used_by;   // "label set X is used by run 5 'fkd'" lines
};

// Bytes under `path` (a file, or a folder walked recursively); 0 when it is gone.
uint64_t diskUse(const std::string& path);

RunDeletionPlan planRunDeletion(const ExperimentStore& store, int64_t runId);

// Throws Error naming the blocker, or the label set's users unless `force`. Removes the
// store's row first (atomic), then the files; a file that cannot be removed is reported
// in the returned list rather than leaving the run half in the store.
std::vector<std::string> deleteRun(ExperimentStore& store, const RunDeletionPlan& plan, bool force);

}  // namespace ferkd
