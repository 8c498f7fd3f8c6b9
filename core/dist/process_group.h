#pragma once
// This process's membership of a c10d process group, the engine torch.distributed runs
// on: a TCPStore at MASTER_ADDR:MASTER_PORT (served by rank 0) for the rendezvous, and
// Gloo for the collectives (NCCL for CUDA tensors when LibTorch was built with it and
// FERKD_NCCL is on). The c10d headers stay in the .cpp; callers see tensors and errors.
//
// Every collective waits at most `timeout`: a rank that died or stopped answering makes
// the others throw a DistributedError saying so instead of hanging.
#include <torch/torch.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dist/dist_env.h"
#include "util/error.h"

namespace ferkd {

class DistributedError : public Error {
public:
    using Error::Error;
};

class ProcessGroup {
public:
    // Joins the group of `env` (blocks until every rank has joined, or `timeout`).
    // `cuda`: the ranks have GPUs; NCCL then carries the collectives where LibTorch has
    // it and FERKD_NCCL is on (CPU tensors pass through the rank's GPU), else Gloo.
    // `whileWaiting`: rank 0 calls it every few milliseconds until all have joined; it
    // throws to give up (a rank started by this process has already died).
    ProcessGroup(const DistEnv& env, std::chrono::milliseconds timeout, bool cuda = false,
                 const std::function<void()>& whileWaiting = {});
    ~ProcessGroup();
    ProcessGroup(const ProcessGroup&) = delete;
    ProcessGroup& operator=(const ProcessGroup&) = delete;

    int rank() const { return env_.rank; }
    int size() const { return env_.world_size; }
    bool leader() const { return env_.rank == 0; }
    const DistEnv& env() const { return env_; }
    std::chrono::milliseconds timeout() const { return timeout_; }
    std::string backendName() const;

    // In place: every rank ends with the element-wise sum over ranks. (c10d's list is one
    // tensor per local device: pass one tensor.)
    void allReduceSum(std::vector<torch::Tensor>& tensors);
    // In place: every rank ends with rank `root`'s values.
    void broadcast(std::vector<torch::Tensor>& tensors, int root = 0);
    void barrier();
    // True on every rank when `flag` is true on any.
    bool any(bool flag);

    // Small values (a run id, a file name) shared through the rendezvous store: one rank
    // publishes, the others fetch, waiting up to the timeout.
    void publish(const std::string& key, const std::string& value);
    std::string fetch(const std::string& key);
    // Rank 0 computes a value that every rank then gets. When rank 0's computation
    // throws, the others throw too, saying so, instead of waiting.
    std::string shareFromLeader(const std::string& key, const std::function<std::string()>& leaderValue);

private:
    struct Impl;
    [[noreturn]] void fail(const std::string& what, const std::exception& e) const;

    DistEnv env_;
    std::chrono::milliseconds timeout_;
    std::unique_ptr<Impl> impl_;
};

// A ProcessGroup for `env`, or none when the process runs alone.
std::unique_ptr<ProcessGroup> joinProcessGroup(const DistEnv& env, std::chrono::milliseconds timeout, bool cuda = false,
                                               const std::function<void()>& whileWaiting = {});

}  // namespace ferkd
