#pragma once
// Metrics of runs as CSV: one row per epoch (or per logged step, or per system sample) of each run. The CLI's
// `runs export-csv` and the studio's export write the same columns.
#include <ostream>
#include <vector>

#include "workspace/workspace.h"

namespace ferkd {

void writeMetricsCsv(const Workspace& workspace, const std::vector<int64_t>& runIds, bool steps, std::ostream& os);
// The runs' system metrics (train/system_monitor): one row per sample; the GPU columns
// are empty where none was measured.
void writeSystemMetricsCsv(const Workspace& workspace, const std::vector<int64_t>& runIds, std::ostream& os);

}  // namespace ferkd
