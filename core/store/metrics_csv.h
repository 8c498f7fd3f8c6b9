#pragma once
// Metrics of runs as CSV: one row per epoch (or per logged step) of each run. The CLI's
// `runs export-csv` and the studio's export write the same columns.
#include <ostream>
#include <vector>

#include "store/experiment_store.h"

namespace ferkd {

void writeMetricsCsv(const ExperimentStore& store, const std::vector<int64_t>& runIds, bool steps, std::ostream& os);

}  // namespace ferkd
