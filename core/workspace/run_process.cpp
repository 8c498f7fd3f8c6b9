#include "workspace/run_process.h"

#include <signal.h>

#include <fstream>
#include <string>
#include <vector>

namespace ferkd {
namespace {

std::vector<std::string> commandLine(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
    std::vector<std::string> args;
    for (std::string arg; std::getline(in, arg, '\0');) args.push_back(arg);
    return args;
}

bool isFerkd(const std::string& program) {
    const auto slash = program.rfind('/');
    return program.compare(slash == std::string::npos ? 0 : slash + 1, std::string::npos, "ferkd") == 0;
}

}  // namespace

pid_t trainingProcess(const RunRecord& run) {
    if (run.pid <= 0) return 0;
    const pid_t pid = static_cast<pid_t>(run.pid);
    const auto args = commandLine(pid);  // empty when the process is gone
    if (args.size() < 2 || !isFerkd(args[0])) return 0;
    for (size_t i = 1; i < args.size(); ++i)  // after global options such as --workspace
        if (args[i] == "train" || (args[i] == "labels" && i + 1 < args.size() && args[i + 1] == "generate")) return pid;
    return 0;
}

void signalTrainingProcess(const RunRecord& run, RunSignal what) {
    const char* verb = what == RunSignal::Pause ? "pause" : what == RunSignal::Resume ? "resume" : "stop";
    const std::string name = "run " + std::to_string(run.id) + " '" + run.name + "'";
    if (run.status != run_status::kRunning && run.status != run_status::kPaused)
        throw RunStateError(name + " is " + run.status + ": nothing to " + verb);
    const pid_t pid = trainingProcess(run);
    if (pid == 0)
        throw RunStateError(name + " trains in the studio (process " + std::to_string(run.pid) + "): " + verb +
                            " it there");
    const int signal = what == RunSignal::Pause ? SIGUSR1 : what == RunSignal::Resume ? SIGUSR2 : SIGTERM;
    if (::kill(pid, signal) != 0) throw RunStateError(name + ": its process " + std::to_string(pid) + " is gone");
}

}  // namespace ferkd
