#pragma once
// How a `ferkd train` or `ferkd labels generate` process takes part in a run: alone; as
// one rank of a launch by torchrun (or any launcher that sets RANK, WORLD_SIZE,
// MASTER_ADDR, MASTER_PORT); or, with --nproc N, as rank 0 of N processes it starts on
// this machine with the same command line.
#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "commands.h"
#include "dist/local_workers.h"
#include "dist/process_group.h"

namespace ferkd::cli {

// The --nproc and --dist-timeout options, shared by the commands that can run distributed.
struct DistributedOptions {
    int nproc = 1;
    double timeoutSeconds = 300;
    void addTo(CLI::App* cmd);
};

class DistributedLaunch {
public:
    // Starts --nproc's workers, then joins the group (none when the process runs alone).
    DistributedLaunch(const CliContext& ctx, const DistributedOptions& options);
    ~DistributedLaunch();

    ProcessGroup* group() const { return group_.get(); }
    bool leader() const { return !group_ || group_->leader(); }
    // --nproc: waits for the workers to end (they end with the run; after a failed run
    // they get 2 s, then are stopped); their failures.
    std::vector<std::string> finish(bool runFailed);

private:
    std::unique_ptr<LocalWorkers> workers_;
    std::unique_ptr<ProcessGroup> group_;
};

}  // namespace ferkd::cli
