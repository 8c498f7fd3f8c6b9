#include "child_process.h"

#include <climits>
#include <csignal>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/error.h"

namespace ferkd::cli {

ChildProcess::ChildProcess(const std::string& program, const std::vector<std::string>& args, const std::string& logPath) {
    const int log = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (log < 0) throw FileError(logPath, "cannot open the log file for writing");
    std::vector<std::string> argv{program};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> raw;
    for (auto& a : argv) raw.push_back(a.data());
    raw.push_back(nullptr);
    const pid_t parent = ::getpid();
    pid_ = ::fork();
    if (pid_ < 0) {
        ::close(log);
        throw Error("cannot start " + program + ": fork failed");
    }
    if (pid_ == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) ::_exit(127);  // the parent died before prctl
        ::dup2(log, STDOUT_FILENO);
        ::dup2(log, STDERR_FILENO);
        ::execv(program.c_str(), raw.data());
        ::_exit(127);
    }
    ::close(log);
}

ChildProcess::~ChildProcess() {
    if (exit_ || pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
}

std::optional<int> ChildProcess::poll() {
    if (exit_ || pid_ <= 0) return exit_;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_)
        exit_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    return exit_;
}

void ChildProcess::requestStop() {
    if (!exit_ && pid_ > 0) ::kill(pid_, SIGTERM);
}

std::string selfExecutable() {
    char buf[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) throw Error("cannot find this program's file (/proc/self/exe) to start more of it");
    return std::string(buf, size_t(n));
}

}  // namespace ferkd::cli
