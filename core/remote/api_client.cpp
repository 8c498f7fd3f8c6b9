#include "remote/api_client.h"

#include <httplib.h>

#include "remote/workspace_api.h"
#include "workspace/workspace.h"

namespace ferkd {
namespace {

std::string serverMessage(const std::string& body) {
    const auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_object() && j.contains("error") && j["error"].is_string()) return j["error"].get<std::string>();
    return body.substr(0, 200);
}

}  // namespace

ApiClient::ApiClient(const std::string& url, const std::string& token, int readTimeoutSeconds) : url_(url) {
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
        throw ConfigError("--server", "'" + url + "' is not a server URL; expected http://host:port or https://host:port");
    while (!url_.empty() && url_.back() == '/') url_.pop_back();
    client_ = std::make_unique<httplib::Client>(url_);
    if (!client_->is_valid()) throw ConfigError("--server", "'" + url + "' is not a server URL");
    client_->set_bearer_token_auth(token);
    client_->set_connection_timeout(5);
    client_->set_read_timeout(readTimeoutSeconds);
}

ApiClient::~ApiClient() = default;

ApiClient::Reply ApiClient::send(const char* method, const std::string& path, const std::string& body,
                                 bool notFoundIsEmpty) const {
    const std::string full = std::string(WorkspaceApi::kPrefix) + path;
    const std::string m = method;
    httplib::Result result = [&] {
        std::lock_guard<std::mutex> lock(mutex_);
        return m == "GET"    ? client_->Get(full)
               : m == "POST" ? client_->Post(full, body, "application/json")
                             : client_->Delete(full);
    }();
    if (!result) throw Error("cannot reach " + url_ + ": " + httplib::to_string(result.error()));
    const int status = result->status;
    if (status >= 200 && status < 300) return {status, result->body, result->get_header_value(WorkspaceApi::kSummaryHeader)};
    if (status == 404 && notFoundIsEmpty) return {status, "", ""};
    const std::string message = serverMessage(result->body);
    if (status == 401) throw Error(url_ + " refused the token (401): check --token-file");
    if (status == 422) throw ConfigError("", message);  // the message names the fields
    if (status == 409) throw RunStateError(message);
    throw Error(url_ + ": " + message + " (" + std::to_string(status) + ")");
}

nlohmann::json ApiClient::getJson(const std::string& path) const { return parseReply(send("GET", path).body, url_); }

nlohmann::json parseReply(const std::string& body, const std::string& where) {
    auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded()) throw Error(where + ": the server's reply is not JSON");
    return j;
}

Error decodeError(const std::string& where, const std::exception& e) {
    return Error(where + ": unexpected reply from the server (" + e.what() + "); is it the same version of ferkd?");
}

std::string queryValue(const std::string& value) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : value) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(char(c));
        } else {
            out += {'%', kHex[c >> 4], kHex[c & 15]};
        }
    }
    return out;
}

}  // namespace ferkd
