#pragma once
// `ferkd serve`'s HTTP side: cpp-httplib's server (TLS with --cert/--key) handing every
// request to WorkspaceApi, after the limits: a body over `max_body_bytes` is refused
// (413) and a client address over `requests_per_second` waits (429).
#include <cstddef>
#include <memory>
#include <string>

#include "remote/workspace_api.h"

namespace httplib {
class Server;
}

namespace ferkd {

struct ServerOptions {
    std::string host = "127.0.0.1";  // loopback unless told otherwise
    int port = 8765;                 // 0: any free port (tests)
    std::string cert, key;           // PEM files: HTTPS when both are given
    size_t max_body_bytes = 1 << 20;
    int requests_per_second = 1000;  // per client address, with bursts of twice that
    int threads = 16;                // requests handled at once
};

class WorkspaceServer {
public:
    WorkspaceServer(const WorkspaceApi& api, ServerOptions options);
    ~WorkspaceServer();

    // Binds the address; returns the port (the chosen one for port 0). Error when the
    // address is taken or the certificate cannot be loaded.
    int bind();
    void serve();  // until stop(), from any thread
    void stop();
    std::string url() const;  // http(s)://host:port

private:
    class RateLimiter;
    const WorkspaceApi& api_;
    ServerOptions options_;
    std::unique_ptr<httplib::Server> server_;
    std::unique_ptr<RateLimiter> limiter_;
    int port_ = 0;
};

// Whether `host` names this machine only (127.0.0.0/8, ::1, localhost).
bool isLoopbackHost(const std::string& host);

}  // namespace ferkd
