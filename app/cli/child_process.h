#pragma once
// A `ferkd` child process whose output goes to a log file, for work the CLI runs side
// by side (`ferkd sweep --jobs N`). The child dies with its parent (PR_SET_PDEATHSIG).
#include <optional>
#include <string>
#include <vector>

namespace ferkd::cli {

class ChildProcess {
public:
    // Starts `program args...` with stdout and stderr appended to `logPath`. Throws Error
    // when it cannot be started.
    ChildProcess(const std::string& program, const std::vector<std::string>& args, const std::string& logPath);
    ~ChildProcess();  // terminates a child still running, and reaps it
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Its exit code once it has ended (128 + signal when killed); empty while it runs.
    std::optional<int> poll();
    void requestStop();  // SIGTERM: a training child checkpoints and ends "stopped"
    int pid() const { return pid_; }

private:
    int pid_ = -1;
    std::optional<int> exit_;
};

// This program's own executable, to start more of it.
std::string selfExecutable();

}  // namespace ferkd::cli
