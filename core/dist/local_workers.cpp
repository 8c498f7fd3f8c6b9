#include "dist/local_workers.h"

#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <thread>

#include "util/error.h"

extern char** environ;

namespace ferkd {
namespace {

// A port the kernel reports free now (bound to port 0, then released), as torchrun picks one.
int freeLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw Error(std::string("cannot open a socket to find a free port: ") + std::strerror(errno));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        const std::string reason = std::strerror(errno);
        ::close(fd);
        throw Error("cannot find a free loopback port: " + reason);
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

std::string describeStatus(int rank, int status) {
    if (WIFEXITED(status)) return "rank " + std::to_string(rank) + " exited with " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return "rank " + std::to_string(rank) + " was killed by signal " + std::to_string(WTERMSIG(status));
    return "rank " + std::to_string(rank) + " ended";
}

}  // namespace

DistEnv localRunEnv(int nproc) {
    if (nproc < 1) throw Error("--nproc " + std::to_string(nproc) + ": expected 1 or more processes");
    DistEnv env;
    env.world_size = env.local_world_size = nproc;
    env.master_addr = "127.0.0.1";
    env.master_port = nproc > 1 ? freeLoopbackPort() : env.master_port;
    return env;
}

LocalWorkers::LocalWorkers(const std::string& program, const std::vector<std::string>& args, const DistEnv& leader) {
    const std::vector<std::string> ours{"RANK", "WORLD_SIZE", "LOCAL_RANK", "LOCAL_WORLD_SIZE", "MASTER_ADDR",
                                        "MASTER_PORT"};
    for (int rank = 1; rank < leader.world_size; ++rank) {
        // Everything exec needs is built before fork: the child only calls async-signal-safe functions.
        std::vector<std::string> envText;
        for (char** e = environ; *e; ++e) {
            const std::string entry = *e;
            bool replaced = false;
            for (const auto& name : ours) replaced |= entry.rfind(name + "=", 0) == 0;
            if (!replaced) envText.push_back(entry);
        }
        envText.push_back("RANK=" + std::to_string(rank));
        envText.push_back("WORLD_SIZE=" + std::to_string(leader.world_size));
        envText.push_back("LOCAL_RANK=" + std::to_string(rank));
        envText.push_back("LOCAL_WORLD_SIZE=" + std::to_string(leader.world_size));
        envText.push_back("MASTER_ADDR=" + leader.master_addr);
        envText.push_back("MASTER_PORT=" + std::to_string(leader.master_port));
        std::vector<char*> envp, argv;
        for (auto& s : envText) envp.push_back(s.data());
        envp.push_back(nullptr);
        std::vector<std::string> argText{program};
        argText.insert(argText.end(), args.begin(), args.end());
        for (auto& s : argText) argv.push_back(s.data());
        argv.push_back(nullptr);

        const pid_t parent = ::getpid();
        const pid_t pid = ::fork();
        if (pid < 0) {
            terminate();
            throw Error("cannot start rank " + std::to_string(rank) + ": " + std::strerror(errno));
        }
        if (pid == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (::getppid() != parent) ::_exit(127);  // the parent died before prctl
            ::execve(program.c_str(), argv.data(), envp.data());
            ::_exit(127);
        }
        pids_.push_back(pid);
        status_.push_back(-1);
    }
}

LocalWorkers::~LocalWorkers() { terminate(); }

bool LocalWorkers::reap() {
    bool running = false;
    for (size_t i = 0; i < pids_.size(); ++i) {
        if (status_[i] != -1) continue;
        int status = 0;
        if (::waitpid(pids_[i], &status, WNOHANG) == pids_[i]) status_[i] = status;
        else running = true;
    }
    return running;
}

void LocalWorkers::requireAllRunning() {
    reap();
    for (size_t i = 0; i < pids_.size(); ++i)
        if (status_[i] != -1)
            throw Error(describeStatus(int(i) + 1, status_[i]) + " before every process had joined (its output says why)");
}

std::vector<std::string> LocalWorkers::wait(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (reap() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::vector<std::string> problems;
    for (size_t i = 0; i < pids_.size(); ++i) {
        const int rank = int(i) + 1;
        if (status_[i] == -1) problems.push_back("rank " + std::to_string(rank) + " is still running");
        else if (!WIFEXITED(status_[i]) || WEXITSTATUS(status_[i]) != 0) problems.push_back(describeStatus(rank, status_[i]));
    }
    return problems;
}

void LocalWorkers::terminate() {
    bool any = false;
    for (size_t i = 0; i < pids_.size(); ++i)
        if (status_[i] == -1) {
            ::kill(pids_[i], SIGTERM);
            ::kill(pids_[i], SIGCONT);  // a stopped process gets the SIGTERM only when continued
            any = true;
        }
    if (!any) return;
    wait(std::chrono::seconds(5));
    for (size_t i = 0; i < pids_.size(); ++i)
        if (status_[i] == -1) {
            ::kill(pids_[i], SIGKILL);
            ::waitpid(pids_[i], &status_[i], 0);
        }
}

}  // namespace ferkd
