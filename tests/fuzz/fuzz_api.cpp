// The HTTP API's router (remote/workspace_api.h), with control allowed, over a small
// workspace. An input is a request in lines: method, path, query ("k=v&k=v"), the
// Authorization header ("*" stands for the right one), then the body. Every input must
// end in a response: an exception escaping handle() is a finding.
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <sstream>

#include "config/config_request.h"
#include "fuzz_support.h"
#include "remote/server_queue.h"
#include "remote/workspace_api.h"
#include "workspace/local_workspace.h"

namespace {

const std::string kToken(64, '7');

// The queue's decisions without starting processes: configs are resolved and checked as
// the server's are, then refused; nothing waits in it.
class RefusingQueue : public ferkd::RunQueueControl {
public:
    int64_t queueRun(const ferkd::ConfigRequest& request, const std::string&) override {
        (void)ferkd::resolveConfig(request);
        throw ferkd::RunStateError("fuzz: not queued");
    }
    ferkd::PipelineRuns queuePipeline(const ferkd::PipelineRequest& request, const std::string&) override {
        (void)ferkd::planPipeline(request, {"/tmp"}, "/tmp/ferkd-fuzz-pipeline.fkdl");
        throw ferkd::RunStateError("fuzz: not queued");
    }
    void requeue(int64_t, const std::string&) override { throw ferkd::RunStateError("fuzz: not queued"); }
    bool dequeue(int64_t) override { return false; }
    std::vector<int64_t> queued() const override { return {}; }
};

struct Fixture {
    std::string folder = "/tmp/ferkd-fuzz-" + std::to_string(::getpid()) + "-api";
    std::unique_ptr<ferkd::LocalWorkspace> workspace;
    RefusingQueue queue;
    std::unique_ptr<ferkd::WorkspaceApi> api;

    Fixture() {
        std::filesystem::remove_all(folder);
        workspace = ferkd::LocalWorkspace::open(folder);
        auto& store = workspace->store();
        const int64_t id = store.createRun("fuzzed", "train", "", "{}");
        store.addStepMetrics(id, {{1, 0, 1.0, 0.1, 10, 1.0}});
        store.addEvent(id, "info", "hello");
        api = std::make_unique<ferkd::WorkspaceApi>(*workspace, ferkd::ApiOptions{kToken, &queue});
    }
    ~Fixture() {
        api.reset();
        workspace.reset();
        std::filesystem::remove_all(folder);
    }
};

std::string nextLine(std::istringstream& in) {
    std::string line;
    std::getline(in, line);
    return line;
}

}  // namespace

FERKD_FUZZ_TARGET(api) {
    static Fixture fixture;
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    ferkd::ApiRequest request;
    request.method = nextLine(in);
    request.path = nextLine(in);
    std::istringstream query(nextLine(in));
    for (std::string pair; std::getline(query, pair, '&');) {
        const auto eq = pair.find('=');
        request.query[pair.substr(0, eq)] = eq == std::string::npos ? "" : pair.substr(eq + 1);
    }
    const std::string authorization = nextLine(in);
    request.authorization = authorization == "*" ? "Bearer " + kToken : authorization;
    request.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    const ferkd::ApiResponse response = fixture.api->handle(request);
    if (response.status < 200 || response.status > 599) std::abort();
    return 0;
}
