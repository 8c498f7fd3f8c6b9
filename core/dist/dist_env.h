#pragma once
// Where this process sits in a distributed run, as torchrun describes it: RANK,
// WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR, MASTER_PORT. Without RANK and
// WORLD_SIZE the process runs alone (world size 1).
#include <string>

namespace ferkd {

struct DistEnv {
    int rank = 0, world_size = 1;
    int local_rank = 0, local_world_size = 1;  // processes of this run on this machine
    std::string master_addr = "127.0.0.1";
    int master_port = 29500;
    // torchrun's agent already serves the TCPStore at MASTER_PORT: every rank is its
    // client, under the agent's prefix for this restart (as torch.distributed does).
    bool agent_store = false;
    std::string restart_count = "0";

    bool distributed() const { return world_size > 1; }
    bool leader() const { return rank == 0; }
};

// Reads the launcher's variables. Throws Error naming the variable and what was
// expected when one is malformed or inconsistent (RANK >= WORLD_SIZE, a port out of range).
DistEnv distEnvFromEnvironment();

// Threads for one process when `requested` is 0 ("all cores"): the machine's cores
// shared by the run's processes on it, so two ranks on two cores do not fight.
int threadsPerProcess(int requested, const DistEnv& env);

}  // namespace ferkd
