#pragma once
// Everything a run trains with, built from its config on the device it runs on: the data
// and its batch builders, the model (fresh or with pretrained weights; a resume loads its
// checkpoint afterwards), the EMA, the optimiser and what the student learns from (the
// stored crops' labels, or the teacher itself for kd), with the step accounting.
#include <functional>
#include <memory>
#include <optional>

#include "batch/batch_builder.h"
#include "config/run_config.h"
#include "config/step_accounting.h"
#include "data/dataset_factory.h"
#include "labels/teacher.h"
#include "models/model_registry.h"
#include "runtime/training_observer.h"
#include "train/data_parallel.h"
#include "train/model_ema.h"
#include "train/optimizer_factory.h"

namespace ferkd {

class DistillTargets;  // labels/distill_targets.h

struct RunSetup {
    ModelSpec spec;
    std::shared_ptr<Classifier> model;
    std::unique_ptr<ModelEma> ema;
    ScheduledOptimizer optimizer;
    torch::MemoryFormat memory_format = torch::MemoryFormat::Contiguous;
    std::shared_ptr<const DistillTargets> targets;  // fkd, ferkd
    std::optional<Teacher> teacher;                  // kd
    std::unique_ptr<BatchBuilder> train, test, val;  // val: with data.val_split only
    StepAccounting accounting;
};

using RunLog = std::function<void(LogLevel, const std::string&)>;

// The run's data, opened and described in its log.
DataSplits openTrainingData(const RunConfig& cfg, const RunLog& log);

// The model a config builds for its data: classes (model.num_classes, or the data's),
// channels, input size, drop path. Throws ConfigError when num_classes is too few.
ModelSpec modelSpecFor(const RunConfig& cfg, const Dataset& train);

// The images the largest evaluation split has (test, or validation where it is larger).
int64_t largestEvaluationSplit(const DataSplits& data);

// `importPretrained`: load model.pretrained (the leader of a fresh run; a resume and the
// other ranks take their weights from the checkpoint and rank 0).
RunSetup prepareRun(const ExperimentStore& store, int64_t runId, const RunConfig& cfg, DataSplits data,
                    torch::Device device, const DataParallel& parallel, bool importPretrained,
                    TrainingObserver& observer, const RunLog& log);

}  // namespace ferkd
