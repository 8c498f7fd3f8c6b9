#pragma once
// A one-machine distributed run started by the app itself (`--nproc N`, the studio's
// process count), as torchrun --nproc-per-node would start it: this process is rank 0,
// ranks 1..N-1 are child processes running `program args` with RANK, WORLD_SIZE,
// LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR and MASTER_PORT set. A child dies with its
// parent (PR_SET_PDEATHSIG), so no rank outlives the run.
#include <chrono>
#include <string>
#include <vector>

#include "dist/dist_env.h"

namespace ferkd {

// Rank 0's place in a run of `nproc` processes on this machine, on a free loopback port.
DistEnv localRunEnv(int nproc);

class LocalWorkers {
public:
    // Starts ranks 1..leader.world_size-1. Throws Error when a process cannot be started.
    LocalWorkers(const std::string& program, const std::vector<std::string>& args, const DistEnv& leader);
    ~LocalWorkers();  // terminate()
    LocalWorkers(const LocalWorkers&) = delete;
    LocalWorkers& operator=(const LocalWorkers&) = delete;

    // Waits up to `timeout` for every worker to end. Returns one line per worker that
    // failed or is still running ("rank 1 was killed by signal 9").
    std::vector<std::string> wait(std::chrono::milliseconds timeout);
    // Throws Error ("rank 1 was killed by signal 9 ...") when a worker has already ended,
    // successfully or not; returns at once otherwise. Rank 0 asks while it waits for the
    // workers to join, so one that died at start fails the run at once.
    void requireAllRunning();
    // SIGTERM to the workers still running, SIGKILL to those alive 5 s later; reaps all.
    void terminate();
    const std::vector<int>& pids() const { return pids_; }

private:
    bool reap();  // records the status of workers that have ended; true while any runs

    std::vector<int> pids_;
    std::vector<int> status_;  // waitpid status, -1 while running
};

}  // namespace ferkd
