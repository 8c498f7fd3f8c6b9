#include "distributed_launch.h"

#include "child_process.h"
#include "util/error.h"

namespace ferkd::cli {
namespace {

// The command line without --nproc: the workers run what rank 0 runs.
std::vector<std::string> workerArgs(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--nproc") {
            ++i;
            continue;
        }
        if (args[i].rfind("--nproc=", 0) == 0) continue;
        out.push_back(args[i]);
    }
    return out;
}

}  // namespace

void DistributedOptions::addTo(CLI::App* cmd) {
    cmd->add_option("--nproc", nproc,
                    "Processes to start on this machine, as one data-parallel run (torchrun launches need none)")
        ->check(CLI::Range(1, 1024));
    cmd->add_option("--dist-timeout", timeoutSeconds,
                    "Seconds a process waits for the others before it fails the run (several processes only)")
        ->check(CLI::Range(1.0, 86400.0));
}

DistributedLaunch::DistributedLaunch(const CliContext& ctx, const DistributedOptions& o) {
    DistEnv env = distEnvFromEnvironment();
    if (o.nproc > 1) {
        if (env.distributed())
            throw Error("--nproc " + std::to_string(o.nproc) + " starts its own processes, but this one is already rank " +
                        std::to_string(env.rank) + " of " + std::to_string(env.world_size) +
                        " of a launch (RANK/WORLD_SIZE are set); leave --nproc out under torchrun");
        env = localRunEnv(o.nproc);
        workers_ = std::make_unique<LocalWorkers>(selfExecutable(), workerArgs(ctx.args), env);
    }
    const auto timeout = std::chrono::milliseconds(static_cast<int64_t>(o.timeoutSeconds * 1000));
    std::function<void()> whileWaiting;
    if (workers_) whileWaiting = [this] { workers_->requireAllRunning(); };
    group_ = joinProcessGroup(env, timeout, /*cuda=*/torch::cuda::is_available(), whileWaiting);
}

DistributedLaunch::~DistributedLaunch() {
    group_.reset();  // closes the connections: workers still waiting on rank 0 fail at once
    if (workers_) workers_->terminate();
}

std::vector<std::string> DistributedLaunch::finish(bool runFailed) {
    if (!workers_) return {};
    const auto grace = runFailed ? std::chrono::milliseconds(2000) : group_->timeout();
    auto problems = workers_->wait(grace);
    if (!problems.empty()) {
        workers_->terminate();
        problems = workers_->wait(std::chrono::milliseconds(0));
    }
    return problems;
}

}  // namespace ferkd::cli
