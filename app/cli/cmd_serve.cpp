// `ferkd serve`: a workspace over HTTP for the studio and the CLI on other machines
// (docs/REMOTE.md). Read-only unless --allow-control; then it also runs its queue.
#include <signal.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <thread>

#include "commands.h"
#include "remote/access_token.h"
#include "remote/server_queue.h"
#include "remote/workspace_api.h"
#include "remote/workspace_server.h"
#include "util/error.h"
#include "workspace/local_workspace.h"

namespace ferkd::cli {
namespace {

struct ServeOptions {
    std::string listen = "127.0.0.1:8765";
    bool allowControl = false;
    int nproc = 1;
    std::vector<std::string> dataRoots;
    std::string cert, key;
    int rateLimit = 1000;
};

// "HOST:PORT", ":PORT" (loopback) or "[V6]:PORT".
std::pair<std::string, int> parseListen(const std::string& text) {
    const auto colon = text.rfind(':');
    auto fail = [&] {
        return ConfigError("--listen", "'" + text + "': expected HOST:PORT, e.g. 127.0.0.1:8765 (0 for any free port)");
    };
    if (colon == std::string::npos) throw fail();
    std::string host = text.substr(0, colon);
    const std::string port = text.substr(colon + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) throw fail();
    const int number = std::stoi(port);
    if (number > 65535) throw fail();
    if (host.empty()) host = "127.0.0.1";
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    return {host, number};
}

std::string thisProgram() {
    char path[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0) throw Error("cannot find this program's file (/proc/self/exe) to start runs with");
    return std::string(path, static_cast<size_t>(n));
}

int serve(const CliContext& ctx, const ServeOptions& o) {
    const auto [host, port] = parseListen(o.listen);
    if (o.nproc < 1) throw ConfigError("--nproc", "expected 1 or more processes per run");
    // SIGINT and SIGTERM end the server through one thread that waits for them; every
    // other thread (and so the HTTP workers) has them blocked.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    const std::string folder = ctx.workspaceFolder();
    ExperimentStore store(folder);
    LocalWorkspace workspace(store);
    const std::string tokenFile = ctx.tokenFile.empty() ? defaultTokenPath(folder) : ctx.tokenFile;
    const std::string token = loadOrCreateAccessToken(tokenFile);

    std::unique_ptr<ServerQueue> queue;
    if (o.allowControl) queue = std::make_unique<ServerQueue>(store, ServerQueueOptions{thisProgram(), o.nproc, o.dataRoots});
    WorkspaceApi api(workspace, {token, queue.get()});
    ServerOptions options;
    options.host = host;
    options.port = port;
    options.cert = o.cert;
    options.key = o.key;
    options.requests_per_second = o.rateLimit;
    WorkspaceServer server(api, options);
    server.bind();
    if (!isLoopbackHost(host) && o.cert.empty())
        std::fprintf(stderr, "warning: serving plain HTTP on %s: the token travels unencrypted; use --cert/--key, or "
                             "listen on 127.0.0.1 and reach it through `ssh -L` (docs/REMOTE.md)\n", host.c_str());
    std::printf("serving %s at %s (%s)\ntoken: %s (give a client a copy: --token-file)\n", folder.c_str(), server.url().c_str(),
                queue ? "runs may be queued and steered" : "read-only; --allow-control takes runs", tokenFile.c_str());
    std::fflush(stdout);

    std::thread signals([&] {
        int received = 0;
        sigwait(&stopSignals, &received);
        server.stop();
    });
    server.serve();
    // A stop() from elsewhere than the signal thread: wake it so it can be joined.
    ::kill(::getpid(), SIGTERM);
    signals.join();
    std::printf("server stopped%s\n", queue && queue->active() ? "; the run in training goes on" : "");
    return kOk;
}

}  // namespace

void addServeCommand(CLI::App& app, CliContext& ctx) {
    auto o = std::make_shared<ServeOptions>();
    auto* cmd = app.add_subcommand("serve", "Serve the workspace over HTTP to the studio and `ferkd --server` elsewhere");
    cmd->add_option("--listen", o->listen, "HOST:PORT to listen on (default 127.0.0.1:8765: this machine only)");
    cmd->add_flag("--allow-control", o->allowControl, "Take runs into the server's queue and pause, resume, stop, "
                                                      "rename, tag, note, archive and delete runs");
    cmd->add_option("--nproc", o->nproc, "Processes per queued run (data parallel on this machine)");
    cmd->add_option("--data-root", o->dataRoots, "A folder queued runs may read data, weights and labels from, "
                                                 "besides the workspace (repeatable)");
    cmd->add_option("--cert", o->cert, "PEM certificate: serve HTTPS (with --key)");
    cmd->add_option("--key", o->key, "PEM private key of --cert");
    cmd->add_option("--rate-limit", o->rateLimit, "Requests per second per client address (bursts of twice that)");
    cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return serve(ctx, *o); }; });
}

}  // namespace ferkd::cli
