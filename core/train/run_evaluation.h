#pragma once
// A run's checkpoint evaluated on its test split: top-1/top-5, loss, and the confusion
// matrix with per-class accuracy. Free of torch headers: `ferkd eval` and the studio's
// results tab both call it.
#include <cstdint>
#include <string>
#include <vector>

#include "store/experiment_store.h"

namespace ferkd {

struct RunEvaluation {
    std::string checkpoint;
    int64_t epoch = 0;  // epochs completed when the checkpoint was written
    int64_t images = 0;
    double loss = 0, top1 = 0, top5 = 0;  // top-k in percent
    std::vector<std::string> classes;
    std::vector<int64_t> confusion;  // [true class * K + predicted class]

    int64_t count(int trueClass, int predicted) const { return confusion[size_t(trueClass) * classes.size() + predicted]; }
    double classAccuracy(int cls) const;  // percent of that class's test images predicted right
};

// `checkpoint`: "best", "last" or a file. `testPath` replaces the run's test split when set.
RunEvaluation evaluateRun(const ExperimentStore& store, int64_t runId, const std::string& checkpoint = "best",
                          const std::string& testPath = "", int batchSize = 256);

}  // namespace ferkd
