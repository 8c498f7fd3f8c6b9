#pragma once
// The app's own resumable checkpoint: model, EMA, optimiser, position in the schedule,
// the partial epoch's running sums and the config. Written atomically (temporary file,
// fsync, rename), so a crash leaves the previous checkpoint whole.
#include <torch/torch.h>

#include "models/classifier.h"
#include "models/model_registry.h"

namespace ferkd {

struct TrainingPosition {
    int64_t epoch = 0;          // epoch in progress (0-based)
    int64_t step_in_epoch = 0;  // steps of that epoch already done
    int64_t global_step = 0;    // steps done in all
    double best_top1 = 0;  // the selection metric so far: validation top-1 with data.val_split, else test top-1
    // Running sums of the epoch in progress, so its train loss/top-1 survive a resume.
    double loss_sum = 0, correct = 0, seen = 0;
};

struct CheckpointContent {
    Classifier* model = nullptr;
    Classifier* ema = nullptr;                      // optional
    torch::optim::Optimizer* optimizer = nullptr;   // optional
    TrainingPosition position;
    std::string config_json;
    ModelSpec spec;  // what the model was built with (classes, channels, input size)
    bool ema_loaded = false;  // set by loadCheckpoint when the file held EMA weights
};

void saveCheckpoint(const std::string& path, const CheckpointContent& content);

// Loads into the given objects (which must have the checkpoint's architecture).
// Throws FileError naming the file for a missing, truncated or foreign file.
void loadCheckpoint(const std::string& path, CheckpointContent& content);

// The config and model spec stored in a checkpoint, to rebuild its model before loading it.
struct CheckpointHeader {
    std::string config_json;
    ModelSpec spec;
};
CheckpointHeader readCheckpointHeader(const std::string& path);

}  // namespace ferkd

namespace ferkd {

// The model a checkpoint holds, rebuilt from its stored config and spec, in eval mode;
// with `ema`, its EMA weights (FileError when the run kept none).
struct CheckpointModel {
    std::shared_ptr<Classifier> model;
    std::string arch, config_json;
    ModelSpec spec;
};
CheckpointModel loadCheckpointModel(const std::string& path, bool ema = false);

}  // namespace ferkd
