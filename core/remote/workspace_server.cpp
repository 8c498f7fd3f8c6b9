#include "remote/workspace_server.h"

#include <httplib.h>

#include <sys/socket.h>

#include <chrono>
#include <map>
#include <mutex>

#include "util/error.h"

namespace ferkd {
namespace {

// The library listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, fixed in Debian's
// compiled library): a sixth client connecting at once had its SYN dropped and waited
// the 1 s of a TCP retransmission. Its socket is reachable here to listen again with a
// longer queue (Linux takes a new backlog on a listening socket).
template <typename Base>
class ListeningServer : public Base {
public:
    using Base::Base;
    int socket() const { return this->svr_sock_; }
};

int listeningSocket(httplib::Server& server) {
    if (auto* tls = dynamic_cast<ListeningServer<httplib::SSLServer>*>(&server)) return tls->socket();
    return static_cast<ListeningServer<httplib::Server>&>(server).socket();
}

}  // namespace

// A token bucket per client address: `rate` tokens a second, up to twice that saved.
class WorkspaceServer::RateLimiter {
public:
    explicit RateLimiter(int rate) : rate_(rate) {}

    bool admit(const std::string& address) {
        using Clock = std::chrono::steady_clock;
        std::lock_guard<std::mutex> lock(mutex_);
        const auto now = Clock::now();
        auto [it, fresh] = buckets_.try_emplace(address, Bucket{2.0 * rate_, now});
        Bucket& b = it->second;
        if (!fresh) {
            b.tokens = std::min(2.0 * rate_, b.tokens + rate_ * std::chrono::duration<double>(now - b.last).count());
            b.last = now;
        }
        if (buckets_.size() > 4096) buckets_.clear();  // many addresses: forget, rather than grow
        if (b.tokens < 1) return false;
        b.tokens -= 1;
        return true;
    }

private:
    struct Bucket {
        double tokens;
        std::chrono::steady_clock::time_point last;
    };
    const double rate_;
    std::mutex mutex_;
    std::map<std::string, Bucket> buckets_;
};

bool isLoopbackHost(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

WorkspaceServer::WorkspaceServer(const WorkspaceApi& api, ServerOptions options)
    : api_(api), options_(std::move(options)), limiter_(std::make_unique<RateLimiter>(options_.requests_per_second)) {
    if (options_.cert.empty() != options_.key.empty()) throw ConfigError("--cert", "HTTPS needs both --cert and --key");
    if (!options_.cert.empty()) {
        auto tls = std::make_unique<ListeningServer<httplib::SSLServer>>(options_.cert.c_str(), options_.key.c_str());
        if (!tls->is_valid())
            throw FileError(options_.cert, "cannot load this certificate with key " + options_.key + " (PEM files expected)");
        server_ = std::move(tls);
    } else {
        server_ = std::make_unique<ListeningServer<httplib::Server>>();
    }
    const int threads = options_.threads;
    server_->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    server_->set_payload_max_length(options_.max_body_bytes);
    // One request per connection: the library's kept-alive connection holds a worker
    // that wakes every 10 ms to look for the next request, which cost more CPU under 20
    // polling clients than connecting anew (bench/remote/load.py, docs/REMOTE.md).
    server_->set_keep_alive_max_count(1);
    server_->set_tcp_nodelay(true);
    server_->set_read_timeout(10);
    server_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (limiter_->admit(req.remote_addr)) return httplib::Server::HandlerResponse::Unhandled;
        res.status = 429;
        res.set_header("Retry-After", "1");
        res.set_content("{\"error\":\"too many requests from this address; try again in a second\"}", "application/json");
        return httplib::Server::HandlerResponse::Handled;
    });
    auto handler = [this](const httplib::Request& req, httplib::Response& res) {
        ApiRequest request{req.method, req.path, {}, req.body, req.get_header_value("Authorization")};
        for (const auto& [key, value] : req.params) request.query.emplace(key, value);
        const ApiResponse response = api_.handle(request);
        res.status = response.status;
        if (response.status == 401) res.set_header("WWW-Authenticate", "Bearer");
        if (!response.summary.empty()) res.set_header(WorkspaceApi::kSummaryHeader, response.summary);
        res.set_content(response.body, response.content_type.c_str());
    };
    const std::string any = ".*";
    server_->Get(any, handler);
    server_->Post(any, handler);
    server_->Put(any, handler);
    server_->Patch(any, handler);
    server_->Delete(any, handler);
    server_->set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (res.status == 413) res.set_content("{\"error\":\"the request body is too large\"}", "application/json");
        else res.set_content("{\"error\":\"" + std::to_string(res.status) + "\"}", "application/json");
    });
}

WorkspaceServer::~WorkspaceServer() = default;

int WorkspaceServer::bind() {
    if (options_.port == 0) {
        port_ = server_->bind_to_any_port(options_.host);
        if (port_ < 0) throw Error("cannot listen on " + options_.host + ": no free port");
    } else {
        if (!server_->bind_to_port(options_.host, options_.port))
            throw Error("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                        " (in use by another program? --listen chooses another port)");
        port_ = options_.port;
    }
    ::listen(listeningSocket(*server_), SOMAXCONN);
    return port_;
}

void WorkspaceServer::serve() { server_->listen_after_bind(); }

void WorkspaceServer::stop() { server_->stop(); }

std::string WorkspaceServer::url() const {
    const std::string host = options_.host.find(':') != std::string::npos ? "[" + options_.host + "]" : options_.host;
    return std::string(options_.cert.empty() ? "http" : "https") + "://" + host + ":" + std::to_string(port_);
}

}  // namespace ferkd
