#include "remote/remote_workspace.h"

#include <nlohmann/json.hpp>

#include "imaging/png_codec.h"
#include "labels/label_job_json.h"
#include "remote/api_json.h"
#include "remote/remote_crop_inspector.h"
#include "remote/workspace_api.h"
#include "train/weights_export.h"
#include "util/atomic_file.h"
#include "util/error.h"
#include "util/text.h"

namespace ferkd {
namespace {

using nlohmann::json;

constexpr int kWorkspaceReadTimeout = 120;  // queueing a run may plan its memory first
constexpr int kEvaluationTimeout = 6 * 3600;  // a large test split on a busy server

}  // namespace

RemoteWorkspace::RemoteWorkspace(const std::string& url, const std::string& token)
    : token_(token), client_(url, token, kWorkspaceReadTimeout) {}

RemoteWorkspace::~RemoteWorkspace() = default;

ApiClient::Reply RemoteWorkspace::send(const char* method, const std::string& path, const std::string& body,
                                       bool notFoundIsEmpty, bool lengthy) const {
    if (lengthy) return ApiClient(client_.url(), token_, kEvaluationTimeout).send(method, path, body, notFoundIsEmpty);
    return client_.send(method, path, body, notFoundIsEmpty);
}

template <typename T>
T RemoteWorkspace::decode(const ApiClient::Reply& reply) const {
    return decodeReply<T>(parseReply(reply.body, client_.url()), client_.url());
}

std::string RemoteWorkspace::runPath(int64_t runId, const std::string& what) const {
    return "runs/" + std::to_string(runId) + (what.empty() ? "" : "/" + what);
}

ServerInfo RemoteWorkspace::serverInfo() const {
    const json j = client_.getJson("server");
    try {
        return {j.at("version").get<std::string>(), j.at("allow_control").get<bool>(),
                j.at("queue").get<std::vector<int64_t>>()};
    } catch (const json::exception& e) {
        throw Error(client_.url() + ": unexpected reply from the server (" + e.what() + ")");
    }
}

namespace {
// A config request as the server takes it: the preset, the config's content, the sets.
json configRequestBody(const ConfigRequest& request) {
    if (!request.file.empty()) throw ConfigError("--config", "a server takes the config's content, not its file name");
    json body = {{"sets", request.sets}};
    if (!request.preset.empty()) body["preset"] = request.preset;
    json config = request.json.is_object() ? request.json : json::object();
    for (const auto& [field, value] : request.fields) config[field] = value;
    if (!config.empty()) body["config"] = config;
    return body;
}
}  // namespace

int64_t RemoteWorkspace::queueRun(const ConfigRequest& request, const std::string& tags) const {
    json body = configRequestBody(request);
    body["tags"] = tags;
    return decode<json>(send("POST", "runs", body.dump())).at("id").get<int64_t>();
}

PipelineRuns RemoteWorkspace::queuePipeline(const PipelineRequest& request, const std::string& tags) const {
    json labels = labelJobToJson(request.labels);
    for (const char* chosenByTheServer : {"data", "out", "teacher"}) labels.erase(chosenByTheServer);
    const json body = {{"teacher", configRequestBody(request.teacher)},
                       {"student", configRequestBody(request.student)},
                       {"labels", labels},
                       {"tags", tags}};
    const json ids = decode<json>(send("POST", "pipeline", body.dump()));
    return {ids.at("teacher").get<int64_t>(), ids.at("labels").get<int64_t>(), ids.at("student").get<int64_t>()};
}

RunEvaluation RemoteWorkspace::evaluate(int64_t runId, const std::string& checkpoint, bool withTeacher,
                                        const EvaluationProgress&) const {
    const json body = {{"checkpoint", checkpoint}, {"teacher", withTeacher}};
    RunEvaluation result = decode<RunEvaluation>(send("POST", runPath(runId, "evaluate"), body.dump(), false, true));
    // Thumbnails from the server, on a connection of their own (they load on a worker thread).
    auto client = std::make_shared<ApiClient>(client_.url(), token_, kWorkspaceReadTimeout);
    result.image = [client, path = runPath(runId, "test-images/")](int64_t image) {
        const std::string where = client->url() + " test image " + std::to_string(image);
        return decodePng(client->send("GET", path + std::to_string(image) + "/image.png").body, where);
    };
    return result;
}

std::string RemoteWorkspace::exportWeights(int64_t runId, const WeightsExport& r, const std::string& out) const {
    requireWritableFolder(out);  // before the server does the work
    const json body = {{"format", r.format}, {"precision", r.precision}, {"weights", r.weights}, {"checkpoint", r.checkpoint},
                       {"opset", r.opset}, {"batch", r.batch}, {"input_size", r.input_size}};
    const ApiClient::Reply reply = send("POST", runPath(runId, "export"), body.dump(), false, true);
    writeTextFileAtomically(out, reply.body);  // binary-safe: whole or absent
    return reply.summary + " (exported on the server)";
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
    return client_.get<std::vector<RunRecord>>("runs");
}

std::optional<RunRecord> RemoteWorkspace::run(int64_t runId) const {
    const ApiClient::Reply reply = send("GET", runPath(runId), "", true);
    if (reply.status == 404) return std::nullopt;
    return decode<RunRecord>(reply);
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
    return client_.get<RowsPage<StepMetric>>(runPath(runId, "steps?after=" + std::to_string(after)));
}

RowsPage<EpochMetric> RemoteWorkspace::epochMetricsAfter(int64_t runId, int64_t after) const {
    return client_.get<RowsPage<EpochMetric>>(runPath(runId, "epochs?after=" + std::to_string(after)));
}

RowsPage<SystemMetric> RemoteWorkspace::systemMetricsAfter(int64_t runId, int64_t after) const {
    return client_.get<RowsPage<SystemMetric>>(runPath(runId, "system?after=" + std::to_string(after)));
}

RowsPage<EventRecord> RemoteWorkspace::eventsAfter(int64_t runId, int64_t after) const {
    return client_.get<RowsPage<EventRecord>>(runPath(runId, "events?after=" + std::to_string(after)));
}

std::vector<CheckpointRecord> RemoteWorkspace::checkpoints(int64_t runId) const {
    return client_.get<std::vector<CheckpointRecord>>(runPath(runId, "checkpoints"));
}

std::vector<LabelSetRecord> RemoteWorkspace::labelSets() const {
    return client_.get<std::vector<LabelSetRecord>>("label-sets");
}

std::shared_ptr<CropInspector> RemoteWorkspace::inspectLabelSet(int64_t labelSetId) const {
    return std::make_shared<RemoteCropInspector>(client_.url(), token_, labelSetId);
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
    return client_.get<RunDeletionPlan>(runPath(runId, "deletion-plan"));
}

std::vector<std::string> RemoteWorkspace::deleteRun(int64_t runId, bool force) {
    const json reply = decode<json>(send("DELETE", runPath(runId) + (force ? "?force=1" : "")));
    return reply.at("left").get<std::vector<std::string>>();
}

}  // namespace ferkd
