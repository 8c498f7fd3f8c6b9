#pragma once
// One label generation as a run of the workspace: the teacher (a run's checkpoint or a
// TorchScript file) labels every image's crops into a label store, the run records its
// progress and, at the end, the label set's crop statistics. `ferkd labels generate`
// and the studio's pipeline both run it. Free of torch headers.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "runtime/training_control.h"
#include "store/experiment_store.h"

namespace ferkd {

class ProcessGroup;  // dist/process_group.h

struct LabelJob {
    std::string teacher_run;                     // run id or name, or
    std::string teacher_script;                  // a TorchScript file
    std::string teacher_normalize = "dataset";   // TorchScript: dataset | imagenet
    int teacher_input_size = 0;                  // TorchScript: 0 = the images' size
    std::string data = "fashion-mnist", out, type = "marginal_smoothing", device = "auto", reference, name;
    std::string precision = "auto";  // auto | fp32 | bf16 (the teacher under autocast; auto as runtime.precision)
    int crops = 32, topk = 5, batch_size = 512, threads = 0;
    int data_workers = 0;  // input workers; 0 = auto, as runtime.data_workers (runtime/runtime.h dataWorkers)
    double temperature = 1.0, scale_min = 0.08, scale_max = 1.0;
    uint64_t seed = 0;
};

struct LabelJobProgress {
    int64_t run_id = 0, done = 0, total = 0;
    double images_per_sec = 0, eta_seconds = -1;
};

struct LabelJobOutcome {
    int64_t run_id = 0;
    std::string status;  // finished | stopped | failed
    std::string message;
};

// What the job will write, before it runs: teacher, data, store size, and with
// `timeIt` the time from a few timed teacher passes. One line each.
std::vector<std::string> describeLabelJob(const ExperimentStore& store, const LabelJob& job, bool timeIt);

// Runs the job (an unfinished one into the same file continues under its earlier run).
// Errors are caught: the run is marked failed and the outcome says why. With a process
// group this process is one rank of the generation; only rank 0 records the run.
LabelJobOutcome runLabelJob(ExperimentStore& store, const LabelJob& job,
                            const std::function<void(const LabelJobProgress&)>& progress = {},
                            const TrainingControl* control = nullptr, ProcessGroup* group = nullptr);

}  // namespace ferkd
