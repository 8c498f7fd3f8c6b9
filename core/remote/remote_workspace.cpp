#include "remote/remote_workspace.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "remote/api_json.h"
#include "remote/workspace_api.h"
#include "util/error.h"
#include "util/text.h"

namespace ferkd {
namespace {

using nlohmann::json;

json parseReply(const std::string& body, const std::string& where) {
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded()) throw Error(where + ": the server's reply is not JSON");
    return j;
}

template <typename T>
T decode(const std::string& body, const std::string& where) {
    try {
        return parseReply(body, where).get<T>();
    } catch (const json::exception& e) {
        throw Error(where + ": unexpected reply from the server (" + e.what() + "); is it the same version of ferkd?");
    }
}

std::string serverMessage(const std::string& body) {
    const json j = json::parse(body, nullptr, false);
    if (j.is_object() && j.contains("error") && j["error"].is_string()) return j["error"].get<std::string>();
    return body.substr(0, 200);
}

constexpr int kReadTimeout = 120;
constexpr int kEvaluationTimeout = 6 * 3600;  // a large test split on a busy server

}  // namespace

RemoteWorkspace::RemoteWorkspace(const std::string& url, const std::string& token) : url_(url), token_(token) {
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
        throw ConfigError("--server", "'" + url + "' is not a server URL; expected http://host:port or https://host:port");
    while (!url_.empty() && url_.back() == '/') url_.pop_back();
    client_ = makeClient(kReadTimeout);  // queueing a run may plan its memory first
    if (!client_->is_valid()) throw ConfigError("--server", "'" + url + "' is not a server URL");
}

std::unique_ptr<httplib::Client> RemoteWorkspace::makeClient(int readTimeout) const {
    auto client = std::make_unique<httplib::Client>(url_);
    client->set_bearer_token_auth(token_);
    client->set_connection_timeout(5);
    client->set_read_timeout(readTimeout);
    return client;
}

RemoteWorkspace::~RemoteWorkspace() = default;

RemoteWorkspace::Reply RemoteWorkspace::send(const char* method, const std::string& path, const std::string& body,
                                             bool notFoundIsEmpty, bool lengthy) const {
    const std::string full = std::string(WorkspaceApi::kPrefix) + path;
    const std::string m = method;
    const auto issue = [&](httplib::Client& client) {
        return m == "GET" ? client.Get(full) : m == "POST" ? client.Post(full, body, "application/json") : client.Delete(full);
    };
    // A lengthy request has a connection of its own: the others (a window's polling) go on meanwhile.
    httplib::Result result = lengthy ? issue(*makeClient(kEvaluationTimeout)) : [&] {
        std::lock_guard<std::mutex> lock(mutex_);
        return issue(*client_);
    }();
    if (!result) throw Error("cannot reach " + url_ + ": " + httplib::to_string(result.error()));
    const int status = result->status;
    if (status >= 200 && status < 300) return {status, result->body};
    if (status == 404 && notFoundIsEmpty) return {status, ""};
    const std::string message = serverMessage(result->body);
    if (status == 401) throw Error(url_ + " refused the token (401): check --token-file");
    if (status == 422) throw ConfigError("", message);  // the message names the fields
    if (status == 409) throw RunStateError(message);
    throw Error(url_ + ": " + message + " (" + std::to_string(status) + ")");
}

std::string RemoteWorkspace::runPath(int64_t runId, const std::string& what) const {
    return "runs/" + std::to_string(runId) + (what.empty() ? "" : "/" + what);
}

ServerInfo RemoteWorkspace::serverInfo() const {
    const json j = parseReply(send("GET", "server").body, url_);
    try {
        return {j.at("version").get<std::string>(), j.at("allow_control").get<bool>(),
                j.at("queue").get<std::vector<int64_t>>()};
    } catch (const json::exception& e) {
        throw Error(url_ + ": unexpected reply from the server (" + e.what() + ")");
    }
}

int64_t RemoteWorkspace::queueRun(const ConfigRequest& request, const std::string& tags) const {
    if (!request.file.empty()) throw ConfigError("--config", "a server takes the config's content, not its file name");
    json body = {{"tags", tags}, {"sets", request.sets}};
    if (!request.preset.empty()) body["preset"] = request.preset;
    json config = request.json.is_object() ? request.json : json::object();
    for (const auto& [field, value] : request.fields) config[field] = value;
    if (!config.empty()) body["config"] = config;
    return decode<json>(send("POST", "runs", body.dump()).body, url_).at("id").get<int64_t>();
}

RunEvaluation RemoteWorkspace::evaluate(int64_t runId, const std::string& checkpoint, bool withTeacher) const {
    const json body = {{"checkpoint", checkpoint}, {"teacher", withTeacher}};
    return decode<RunEvaluation>(send("POST", runPath(runId, "evaluate"), body.dump(), false, true).body, url_);
}

void RemoteWorkspace::requeueRun(int64_t runId, const std::string& fromCheckpoint) const {
    json body = json::object();
    if (!fromCheckpoint.empty()) body["from"] = fromCheckpoint;
    send("POST", runPath(runId, "queue"), body.dump());
}

void RemoteWorkspace::pause(int64_t runId) { send("POST", runPath(runId, "pause"), "{}"); }
void RemoteWorkspace::resume(int64_t runId) { send("POST", runPath(runId, "resume"), "{}"); }
void RemoteWorkspace::stop(int64_t runId) { send("POST", runPath(runId, "stop"), "{}"); }

std::vector<RunRecord> RemoteWorkspace::listRuns() const {
    return decode<std::vector<RunRecord>>(send("GET", "runs").body, url_);
}

std::optional<RunRecord> RemoteWorkspace::run(int64_t runId) const {
    const Reply reply = send("GET", runPath(runId), "", true);
    if (reply.status == 404) return std::nullopt;
    return decode<RunRecord>(reply.body, url_);
}

std::optional<RunRecord> RemoteWorkspace::findRun(const std::string& idOrName) const {
    if (const auto id = parseRowId(idOrName))
        if (auto r = run(*id)) return r;
    std::optional<RunRecord> newest;
    for (auto& r : listRuns())
        if (r.name == idOrName && (!newest || r.id > newest->id)) newest = std::move(r);
    return newest;
}

RowsPage<StepMetric> RemoteWorkspace::stepMetricsAfter(int64_t runId, int64_t after) const {
    return decode<RowsPage<StepMetric>>(send("GET", runPath(runId, "steps?after=" + std::to_string(after))).body, url_);
}

RowsPage<EpochMetric> RemoteWorkspace::epochMetricsAfter(int64_t runId, int64_t after) const {
    return decode<RowsPage<EpochMetric>>(send("GET", runPath(runId, "epochs?after=" + std::to_string(after))).body, url_);
}

RowsPage<SystemMetric> RemoteWorkspace::systemMetricsAfter(int64_t runId, int64_t after) const {
    return decode<RowsPage<SystemMetric>>(send("GET", runPath(runId, "system?after=" + std::to_string(after))).body, url_);
}

RowsPage<EventRecord> RemoteWorkspace::eventsAfter(int64_t runId, int64_t after) const {
    return decode<RowsPage<EventRecord>>(send("GET", runPath(runId, "events?after=" + std::to_string(after))).body, url_);
}

std::vector<CheckpointRecord> RemoteWorkspace::checkpoints(int64_t runId) const {
    return decode<std::vector<CheckpointRecord>>(send("GET", runPath(runId, "checkpoints")).body, url_);
}

std::vector<LabelSetRecord> RemoteWorkspace::labelSets() const {
    return decode<std::vector<LabelSetRecord>>(send("GET", "label-sets").body, url_);
}

std::string RemoteWorkspace::runLog(int64_t runId) const { return send("GET", runPath(runId, "log")).body; }

void RemoteWorkspace::renameRun(int64_t runId, const std::string& name) {
    send("POST", runPath(runId, "rename"), json{{"name", name}}.dump());
}

void RemoteWorkspace::setTags(int64_t runId, const std::string& tags) {
    send("POST", runPath(runId, "tags"), json{{"tags", tags}}.dump());
}

void RemoteWorkspace::setNotes(int64_t runId, const std::string& notes) {
    send("POST", runPath(runId, "notes"), json{{"notes", notes}}.dump());
}

void RemoteWorkspace::setArchived(int64_t runId, bool archived) {
    send("POST", runPath(runId, "archive"), json{{"archived", archived}}.dump());
}

RunDeletionPlan RemoteWorkspace::planDeletion(int64_t runId) const {
    return decode<RunDeletionPlan>(send("GET", runPath(runId, "deletion-plan")).body, url_);
}

std::vector<std::string> RemoteWorkspace::deleteRun(int64_t runId, bool force) {
    const json reply = decode<json>(send("DELETE", runPath(runId) + (force ? "?force=1" : "")).body, url_);
    return reply.at("left").get<std::vector<std::string>>();
}

}  // namespace ferkd
