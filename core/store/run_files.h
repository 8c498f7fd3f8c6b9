#pragma once
// A stored run's config and checkpoint files, for everything that reads a run: the
// trainer, evaluation, export, teachers, the studio.
#include <string>

#include "config/run_config.h"
#include "store/experiment_store.h"

namespace ferkd {

// The config a run was created with (defaults under the stored JSON). A run stored
// before schedule.accounting existed counted its batch in images and an epoch as one
// pass, and keeps that accounting.
// Error for a label generation's run (its config is the job's, not a RunConfig).
RunConfig runConfigOf(const RunRecord& run);
// Whether the run trains a model (its config is a RunConfig): not a label generation.
bool trainsAModel(const RunRecord& run);

// Path of a run's checkpoint of the given kind ("last", "best").
std::string checkpointPath(const ExperimentStore& store, int64_t runId, const std::string& kind);
// The file of checkpoint `kind` ("best" or "last") that exists; "best" falls back to
// "last" (a run with no validated epoch yet). Error naming the run when it has neither.
// ConfigError unless `kind` is "best" or "last": the two checkpoints a run keeps by name
// (a kind becomes a file name, and a server passes on a client's).
void requireCheckpointKind(const std::string& kind);
std::string existingCheckpoint(const ExperimentStore& store, int64_t runId, const std::string& kind);

// Makes checkpoint `kind` the one the run resumes from (copied over "last", atomically);
// its metrics after that point are dropped when it resumes. The run must not be active.
void rewindToCheckpoint(ExperimentStore& store, int64_t runId, const std::string& kind);

}  // namespace ferkd
