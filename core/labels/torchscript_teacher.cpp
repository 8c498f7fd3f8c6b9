// TorchScript teachers: checked in a child process before this process loads them.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <torch/script.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include "labels/teacher.h"
#include "util/error.h"

namespace ferkd {
namespace {

torch::Tensor runScript(torch::jit::script::Module& module, const torch::Tensor& x) {
    torch::NoGradGuard noGrad;
    c10::IValue out = module.forward({x});
    if (!out.isTensor()) throw std::runtime_error("its forward() returns a " + out.tagKind() + ", not a tensor of logits");
    return out.toTensor();
}

// Loads the file and checks one dummy batch; returns "" when all is well, else why not.
std::string checkScript(const TorchScriptTeacherSpec& s) {
    try {
        auto module = torch::jit::load(s.path, torch::kCPU);
        module.eval();
        auto out = runScript(module, torch::zeros({2, s.in_chans, s.input_size, s.input_size}));
        if (out.dim() != 2 || out.size(0) != 2 || out.size(1) != s.num_classes) {
            std::string shape;
            for (int64_t i = 0; i < out.dim(); ++i) shape += (i ? "x" : "") + std::to_string(out.size(i));
            return "gives output of shape [" + shape + "] for a batch of 2; expected [2, " +
                   std::to_string(s.num_classes) + "] (batch, classes)";
        }
        return "";
    } catch (const c10::Error& e) {
        std::string msg = e.msg();
        return "is not a loadable TorchScript model (" + msg.substr(0, msg.find('\n')) + ")";
    } catch (const std::exception& e) {
        return std::string("is not a usable TorchScript model: ") + e.what();
    }
}

// Runs checkScript in a forked child so a crash or hang there cannot take this process down.
void checkInChildProcess(const TorchScriptTeacherSpec& s) {
    int fds[2];
    if (::pipe(fds) != 0) throw Error("cannot create a pipe to check the TorchScript file");
    const pid_t pid = ::fork();
    if (pid < 0) throw Error("cannot start a process to check the TorchScript file");
    if (pid == 0) {
        ::close(fds[0]);
        at::set_num_threads(1);  // no thread pools in the child of a threaded process
        const std::string problem = checkScript(s);
        ssize_t ignored = ::write(fds[1], problem.data(), problem.size());
        (void)ignored;
        ::_exit(problem.empty() ? 0 : 3);
    }
    ::close(fds[1]);
    std::string message;
    char buf[4096];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
    pollfd pfd{fds[0], POLLIN, 0};
    while (true) {
        int ready = ::poll(&pfd, 1, 200);
        if (ready > 0) {
            ssize_t n = ::read(fds[0], buf, sizeof buf);
            if (n <= 0) break;
            message.append(buf, static_cast<size_t>(n));
        } else if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            break;
        }
    }
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        throw FileError(s.path, std::string("checking the TorchScript model crashed or hung (") +
                                    ::strsignal(WTERMSIG(status)) + "); the file is malformed or hostile");
    if (!message.empty()) throw FileError(s.path, message);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw FileError(s.path, "checking the TorchScript model failed (exit " + std::to_string(WEXITSTATUS(status)) + ")");
}

}  // namespace

Teacher loadTorchScriptTeacher(const TorchScriptTeacherSpec& s, torch::Device device) {
    if (!std::filesystem::exists(s.path)) throw FileError(s.path, "TorchScript file does not exist");
    if (std::filesystem::file_size(s.path) == 0) throw FileError(s.path, "empty file (0 bytes); expected a TorchScript model");
    checkInChildProcess(s);
    auto module = std::make_shared<torch::jit::script::Module>(torch::jit::load(s.path, device));
    module->eval();
    Teacher t;
    t.forward = [module](const torch::Tensor& x) { return runScript(*module, x); };
    t.device = device;
    t.input_size = s.input_size;
    t.normalize = s.normalize;
    t.num_classes = s.num_classes;
    t.in_chans = s.in_chans;
    t.description = "TorchScript " + s.path;
    return t;
}

}  // namespace ferkd
