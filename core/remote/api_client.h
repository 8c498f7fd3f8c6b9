#pragma once
// One connection to `ferkd serve` with its token: a request under /api/v1/ out, the
// reply back, and every failure as the app's errors (Error naming the server,
// ConfigError for a config it refused, RunStateError for a run in the wrong state).
// Safe to call from several threads: one request at a time.
#include <memory>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "util/error.h"

namespace httplib {
class Client;
}

namespace ferkd {

class ApiClient {
public:
    // `url`: http(s)://host:port (ConfigError on --server otherwise). Nothing is sent until
    // the first request; a reply may take up to `readTimeoutSeconds`.
    ApiClient(const std::string& url, const std::string& token, int readTimeoutSeconds);
    ~ApiClient();

    struct Reply {
        int status;
        std::string body;
        std::string summary;  // X-Ferkd-Summary: what the server did (an export)
    };
    // `path` below /api/v1/, with its query. Error for a connection that fails and for
    // every status but 2xx (and 404 where `notFoundIsEmpty`), with the server's message.
    Reply send(const char* method, const std::string& path, const std::string& body = "",
               bool notFoundIsEmpty = false) const;
    // The reply's JSON, or Error naming the server.
    nlohmann::json getJson(const std::string& path) const;
    // The reply as T (nlohmann's conversions), or Error naming the server.
    template <typename T>
    T get(const std::string& path) const;
    const std::string& url() const { return url_; }

private:
    std::string url_;
    std::unique_ptr<httplib::Client> client_;
    mutable std::mutex mutex_;
};

Error decodeError(const std::string& where, const std::exception& e);

// A reply's body as JSON, or Error naming `where`.
nlohmann::json parseReply(const std::string& body, const std::string& where);

// `reply` as T, or Error naming `where` (a reply from another version of ferkd).
template <typename T>
T decodeReply(const nlohmann::json& reply, const std::string& where) {
    try {
        return reply.get<T>();
    } catch (const nlohmann::json::exception& e) {
        throw decodeError(where, e);
    }
}

// `value` percent-encoded for a query string.
std::string queryValue(const std::string& value);

template <typename T>
T ApiClient::get(const std::string& path) const {
    return decodeReply<T>(getJson(path), url_);
}

}  // namespace ferkd
