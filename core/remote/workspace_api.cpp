#include "remote/workspace_api.h"

#include <algorithm>
#include <charconv>
#include <sstream>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "config/config_io.h"
#include "imaging/png_codec.h"
#include "labels/crop_inspector.h"
#include "labels/ferkd_rule_json.h"
#include "labels/label_job_json.h"
#include "train/weights_export.h"
#include "remote/access_token.h"
#include "remote/api_json.h"
#include "util/text.h"

namespace ferkd {
namespace {

using nlohmann::json;

// A response's problem, with its HTTP status.
struct ApiError {
    int status;
    std::string message;
};

// A file name that is not UTF-8 is sent with U+FFFD in place of its bad bytes, not refused.
ApiResponse jsonResponse(const json& body, int status = 200) {
    return {status, "application/json", body.dump(-1, ' ', false, json::error_handler_t::replace)};
}

ApiResponse errorResponse(int status, const std::string& message) { return jsonResponse({{"error", message}}, status); }

int64_t cursorOf(const ApiRequest& request) {
    const auto it = request.query.find("after");
    if (it == request.query.end()) return 0;
    const auto cursor = parseRowId(it->second);
    if (!cursor)
        throw ApiError{400, "query 'after': expected a cursor (the 'cursor' of the previous page), got '" + it->second + "'"};
    return *cursor;
}

std::vector<std::string> segmentsOf(const std::string& path) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= path.size()) {
        const size_t slash = path.find('/', start);
        const size_t end = slash == std::string::npos ? path.size() : slash;
        out.push_back(path.substr(start, end - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    if (!out.empty() && out.back().empty()) out.pop_back();  // a trailing slash
    return out;
}

json bodyOf(const ApiRequest& request) {
    if (request.body.empty()) return json::object();
    std::istringstream text(request.body);
    json body;
    try {
        body = parseConfigJson(text, "the request body", 20);  // a config, two levels down
    } catch (const FileError& e) {
        throw ApiError{400, e.what()};
    }
    if (!body.is_object()) throw ApiError{400, "the request body is not a JSON object"};
    return body;
}

template <typename T>
T field(const json& body, const char* name, const char* expected) {
    const auto it = body.find(name);
    if (it == body.end()) throw ApiError{400, std::string("the body needs '") + name + "' (" + expected + ")"};
    try {
        return it->get<T>();
    } catch (const json::exception&) {
        throw ApiError{400, std::string("body field '") + name + "': expected " + expected};
    }
}

// Query parameter `name` as a number in [lo, hi]; `fallback` when absent.
template <typename T>
T queryNumber(const ApiRequest& request, const char* name, T fallback, T lo, T hi) {
    const auto it = request.query.find(name);
    if (it == request.query.end()) return fallback;
    T value{};
    const char* end = it->second.data() + it->second.size();
    const auto [stop, problem] = std::from_chars(it->second.data(), end, value);
    if (problem != std::errc() || stop != end || !(value >= lo && value <= hi))
        throw ApiError{400, std::string("query '") + name + "': expected a number from " + json(lo).dump() + " to " + json(hi).dump() +
                                ", got '" + it->second + "'"};
    return value;
}

// Query 'rule': a FerKD rule as JSON, checked as a run's distill.ferkd is (422 naming the field).
FerkdConfig ruleOf(const ApiRequest& request) {
    const auto it = request.query.find("rule");
    if (it == request.query.end()) throw ApiError{400, "query 'rule' is missing: a FerKD rule as JSON (distill.ferkd)"};
    std::istringstream text(it->second);
    json rule;
    try {
        rule = parseConfigJson(text, "query 'rule'", 4);
    } catch (const FileError& e) {
        throw ApiError{400, e.what()};
    }
    RunConfig config;
    applyConfigJson(config, json{{"distill", {{"ferkd", rule}}}}, "query 'rule'");
    for (const auto& [name, message] : validationErrors(config))
        if (name.rfind("distill.ferkd.", 0) == 0) throw ConfigError(name, message);
    return config.distill.ferkd;
}

int64_t imageOf(const std::string& text, const CropInspector& inspector) {
    const auto image = parseRowId(text);
    if (!image || *image >= inspector.images())
        throw ApiError{404, "no image '" + text + "' (the set has " + std::to_string(inspector.images()) + ")"};
    return *image;
}

void requireMethod(const ApiRequest& request, const char* method) {
    if (request.method != method) throw ApiError{405, request.method + " is not allowed here; use " + method};
}

ConfigRequest configRequestOf(const json& body) {
    ConfigRequest request;
    if (body.contains("preset")) request.preset = field<std::string>(body, "preset", "a preset name");
    if (body.contains("config")) {
        request.json = body.at("config");
        if (!request.json.is_object()) throw ApiError{400, "body field 'config': expected a JSON object"};
    }
    if (body.contains("sets")) request.sets = field<std::vector<std::string>>(body, "sets", "a list of field=value");
    return request;
}

// POST /pipeline's body: {"teacher": {config request}, "student": {...}, "labels": {settings}}.
PipelineRequest pipelineRequestOf(const json& body) {
    PipelineRequest request;
    for (const char* part : {"teacher", "student"}) {
        if (!body.contains(part) || !body.at(part).is_object())
            throw ApiError{400, std::string("body field '") + part + "': expected a JSON object (preset, config, sets)"};
        (std::string(part) == "teacher" ? request.teacher : request.student) = configRequestOf(body.at(part));
    }
    const json labels = body.contains("labels") ? body.at("labels") : json::object();
    if (!labels.is_object()) throw ApiError{400, "body field 'labels': expected a JSON object"};
    static const std::vector<std::string> kSettings = {"crops", "type", "topk", "temperature", "scale_min",
                                                       "scale_max", "seed", "batch_size", "precision"};
    for (const auto& [key, value] : labels.items())
        if (std::find(kSettings.begin(), kSettings.end(), key) == kSettings.end())
            throw ConfigError("labels." + key, key == "data" || key == "out" || key == "teacher"
                                                   ? "the server chooses the generation's data (the teacher's), "
                                                     "teacher and file"
                                                   : "not a label generation setting");
    request.labels = labelJobFromJson(labels);
    return request;
}

}  // namespace

WorkspaceApi::WorkspaceApi(Workspace& workspace, ApiOptions options) : workspace_(workspace), options_(std::move(options)) {}

ApiResponse WorkspaceApi::handle(const ApiRequest& request) const {
    static const std::string kBearer = "Bearer ";
    const bool bearer = request.authorization.compare(0, kBearer.size(), kBearer) == 0;
    if (!bearer || !tokensEqual(options_.token, std::string_view(request.authorization).substr(kBearer.size())))
        return errorResponse(401, "this server needs its token: Authorization: Bearer <token> (see docs/REMOTE.md)");
    try {
        return route(request);
    } catch (const ApiError& e) {
        return errorResponse(e.status, e.message);
    } catch (const ConfigError& e) {
        return jsonResponse({{"error", e.what()}, {"field", e.field()}}, 422);
    } catch (const RunStateError& e) {
        return errorResponse(409, e.what());
    } catch (const std::exception& e) {
        return errorResponse(500, e.what());
    }
}

ApiResponse WorkspaceApi::route(const ApiRequest& request) const {
    const std::string prefix = kPrefix;
    if (request.path.compare(0, prefix.size(), prefix) != 0) throw ApiError{404, "no such endpoint (the API is under /api/v1/)"};
    const auto parts = segmentsOf(request.path.substr(prefix.size()));
    if (parts.size() == 1 && parts[0] == "server") {
        requireMethod(request, "GET");
        json queue = options_.control ? json(options_.control->queued()) : json::array();
        return jsonResponse({{"version", FERKD_VERSION}, {"allow_control", options_.control != nullptr}, {"queue", queue}});
    }
    if (!parts.empty() && parts[0] == "label-sets") {
        if (parts.size() > 1) return labelSetRequest(request, parts);
        requireMethod(request, "GET");
        return jsonResponse(workspace_.labelSets());
    }
    if (parts.size() == 1 && parts[0] == "pipeline") {
        requireMethod(request, "POST");
        if (!options_.control) throw ApiError{403, "this server is read-only (start it with --allow-control to queue runs)"};
        const json body = bodyOf(request);
        const std::string tags = body.contains("tags") ? field<std::string>(body, "tags", "comma-separated tags") : "";
        const PipelineRuns runs = options_.control->queuePipeline(pipelineRequestOf(body), tags);
        return jsonResponse({{"teacher", runs.teacher}, {"labels", runs.labels}, {"student", runs.student}}, 201);
    }
    if (parts.empty() || parts[0] != "runs") throw ApiError{404, "no such endpoint: " + request.path};
    if (parts.size() == 1) {
        if (request.method == "GET") return jsonResponse(workspace_.listRuns());
        requireMethod(request, "POST");
        if (!options_.control) throw ApiError{403, "this server is read-only (start it with --allow-control to queue runs)"};
        const json body = bodyOf(request);
        const std::string tags = body.contains("tags") ? field<std::string>(body, "tags", "comma-separated tags") : "";
        const int64_t id = options_.control->queueRun(configRequestOf(body), tags);
        return jsonResponse({{"id", id}}, 201);
    }
    const bool testImage = parts.size() == 5 && parts[2] == "test-images" && parts[4] == "image.png";
    if (parts.size() > 3 && !testImage) throw ApiError{404, "no such endpoint: " + request.path};
    const auto runId = parseRowId(parts[1]);
    const auto run = runId ? workspace_.run(*runId) : std::nullopt;
    if (!run) throw ApiError{404, "no run '" + parts[1] + "'"};
    if (testImage) {
        requireMethod(request, "GET");
        return testImageRequest(run->id, parts[3]);
    }
    return runRequest(request, *run, parts.size() == 3 ? parts[2] : "");
}

ApiResponse WorkspaceApi::runRequest(const ApiRequest& request, const RunRecord& run, const std::string& what) const {
    const int64_t runId = run.id;
    if (request.method != "GET") return controlRequest(request, runId, what);
    if (what.empty()) return jsonResponse(run);
    if (what == "config") return {200, "application/json", run.config_json};
    if (what == "steps") return jsonResponse(workspace_.stepMetricsAfter(runId, cursorOf(request)));
    if (what == "epochs") return jsonResponse(workspace_.epochMetricsAfter(runId, cursorOf(request)));
    if (what == "system") return jsonResponse(workspace_.systemMetricsAfter(runId, cursorOf(request)));
    if (what == "events") return jsonResponse(workspace_.eventsAfter(runId, cursorOf(request)));
    if (what == "checkpoints") return jsonResponse(workspace_.checkpoints(runId));
    if (what == "log") return {200, "text/plain; charset=utf-8", workspace_.runLog(runId)};
    if (what == "deletion-plan") return jsonResponse(workspace_.planDeletion(runId));
    throw ApiError{404, "no such endpoint: " + request.path};
}

ApiResponse WorkspaceApi::controlRequest(const ApiRequest& request, int64_t runId, const std::string& what) const {
    if (request.method != "POST" && request.method != "DELETE")
        throw ApiError{405, request.method + " is not allowed here"};
    if (request.method == "DELETE" && !what.empty()) throw ApiError{404, "no such endpoint: " + request.path};
    if (!options_.control) throw ApiError{403, "this server is read-only (start it with --allow-control to change runs)"};
    if (request.method == "DELETE") {
        const auto force = request.query.find("force");
        const bool forced = force != request.query.end() && force->second == "1";
        const RunDeletionPlan plan = workspace_.planDeletion(runId);
        if (!plan.blocker.empty()) throw RunStateError(plan.blocker);
        if (!plan.used_by.empty() && !forced)
            throw RunStateError("a label set of run " + std::to_string(runId) + " is still used by other runs; add ?force=1");
        return jsonResponse({{"left", workspace_.deleteRun(runId, forced)}});
    }
    const json body = bodyOf(request);
    if (what == "pause") workspace_.pause(runId);
    else if (what == "resume") workspace_.resume(runId);
    else if (what == "stop") {
        if (!options_.control->dequeue(runId)) workspace_.stop(runId);
    }
    else if (what == "evaluate") {
        // One at a time: each takes the server's cores (or GPU) for a while.
        std::lock_guard<std::mutex> lock(evaluating_);
        const std::string checkpoint =
            body.contains("checkpoint") ? field<std::string>(body, "checkpoint", "best or last") : "best";
        const bool teacher = body.contains("teacher") && field<bool>(body, "teacher", "true or false");
        RunEvaluation result = workspace_.evaluate(runId, checkpoint, teacher, {});
        if (result.image) {
            std::lock_guard<std::mutex> kept(testImagesMutex_);
            testImages_.erase(std::remove_if(testImages_.begin(), testImages_.end(),
                                             [&](const TestImages& t) { return t.run == runId; }),
                              testImages_.end());
            if (testImages_.size() >= kKeptEvaluations) testImages_.erase(testImages_.begin());
            testImages_.push_back({runId, result.images, result.image});
        }
        return jsonResponse(result);
    }
    else if (what == "export") {
        std::lock_guard<std::mutex> lock(evaluating_);  // one lengthy job at a time
        return exportRequest(runId, body);
    }
    else if (what == "queue")
        options_.control->requeue(runId, body.contains("from") ? field<std::string>(body, "from", "a checkpoint kind (last, best)") : "");
    else if (what == "rename") workspace_.renameRun(runId, field<std::string>(body, "name", "the new name"));
    else if (what == "tags") workspace_.setTags(runId, field<std::string>(body, "tags", "comma-separated tags"));
    else if (what == "notes") workspace_.setNotes(runId, field<std::string>(body, "notes", "text"));
    else if (what == "archive") workspace_.setArchived(runId, field<bool>(body, "archived", "true or false"));
    else throw ApiError{404, "no such endpoint: " + request.path};
    return jsonResponse(*workspace_.run(runId));
}

ApiResponse WorkspaceApi::exportRequest(int64_t runId, const json& body) const {
    WeightsExport request;
    auto optional = [&](const char* name, auto& value, const char* expected) {
        if (body.contains(name)) value = field<std::decay_t<decltype(value)>>(body, name, expected);
    };
    optional("format", request.format, "state_dict, safetensors, checkpoint or onnx");
    optional("precision", request.precision, "fp32, fp16 or bf16");
    optional("weights", request.weights, "model or ema");
    optional("checkpoint", request.checkpoint, "best or last");
    optional("opset", request.opset, "an ONNX opset");
    optional("batch", request.batch, "a batch size, 0 for dynamic");
    optional("input_size", request.input_size, "pixels, 0 for the run's");
    // The server's own file, sent and removed: nothing from the request names it.
    static std::atomic<uint64_t> exports{0};
    const auto file = std::filesystem::temp_directory_path() /
                      ("ferkd-export-" + std::to_string(::getpid()) + "-" + std::to_string(++exports) +
                       weightsExportSuffix(request.format));
    struct Removed {
        std::filesystem::path path;
        ~Removed() {
            std::error_code ignored;
            std::filesystem::remove(path, ignored);
        }
    } removed{file};
    std::string summary;
    try {
        summary = workspace_.exportWeights(runId, request, file.string());
    } catch (const ConfigError&) {
        throw;
    } catch (const Error& e) {  // no such checkpoint, a model the format cannot take
        throw ApiError{409, e.what()};
    }
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return {200, "application/octet-stream", std::move(bytes), summary};
}

ApiResponse WorkspaceApi::testImageRequest(int64_t runId, const std::string& index) const {
    std::function<ImagePixels(int64_t)> decode;
    int64_t count = 0;
    {
        std::lock_guard<std::mutex> lock(testImagesMutex_);
        for (const auto& t : testImages_)
            if (t.run == runId) decode = t.decode, count = t.count;
    }
    if (!decode)
        throw ApiError{409, "run " + std::to_string(runId) + " has not been evaluated on this server since it started "
                            "(POST /runs/" + std::to_string(runId) + "/evaluate)"};
    const auto image = parseRowId(index);
    if (!image || *image >= count) throw ApiError{404, "no test image '" + index + "' (" + std::to_string(count) + ")"};
    return {200, "image/png", encodePng(decode(*image))};
}

CropInspector& WorkspaceApi::inspector(int64_t id) const {
    const auto sets = workspace_.labelSets();  // first: a set deleted since it was opened is gone
    if (std::none_of(sets.begin(), sets.end(), [&](const LabelSetRecord& s) { return s.id == id; }))
        throw ApiError{404, "no label set " + std::to_string(id)};
    for (auto it = inspectors_.begin(); it != inspectors_.end(); ++it)
        if (it->first == id) {
            std::rotate(it, it + 1, inspectors_.end());
            return *inspectors_.back().second;
        }
    if (inspectors_.size() >= kOpenLabelSets) inspectors_.erase(inspectors_.begin());  // before: two in memory at most
    std::shared_ptr<CropInspector> opened;
    try {
        opened = workspace_.inspectLabelSet(id);
    } catch (const Error& e) {  // its data set is not known, or its files are gone
        throw ApiError{409, e.what()};
    }
    inspectors_.emplace_back(id, std::move(opened));
    return *inspectors_.back().second;
}

ApiResponse WorkspaceApi::labelSetRequest(const ApiRequest& request, const std::vector<std::string>& parts) const {
    const auto id = parseRowId(parts[1]);
    if (!id || parts.size() > 5) throw ApiError{404, "no such endpoint: " + request.path};
    requireMethod(request, "GET");
    // Waiting requests hold the server's threads: past a while, the client is told to come back.
    std::unique_lock<std::timed_mutex> lock(inspecting_, std::defer_lock);
    if (!lock.try_lock_for(std::chrono::seconds(kLabelSetWaitSeconds)))
        throw ApiError{503, "the server is busy with another label-set request (opening a set reads all of it); "
                            "try again"};
    CropInspector& set = inspector(*id);
    const std::string what = parts.size() > 2 ? parts[2] : "";
    auto setStudent = [&](int64_t run) {
        if (run != 0 && !workspace_.run(run)) throw ApiError{404, "no run " + std::to_string(run)};
        if (run != 0 && workspace_.checkpoints(run).empty())
            throw ApiError{409, "run " + std::to_string(run) + " has no checkpoint to show as a student"};
        try {
            set.setStudentRun(run);
        } catch (const Error& e) {  // its model does not fit the data set, its file is damaged
            throw ApiError{409, e.what()};
        }
    };
    if (parts.size() == 2)
        return jsonResponse({{"id", *id},
                             {"images", set.images()},
                             {"crops_per_image", set.cropsPerImage()},
                             {"classes", set.classNames()},
                             {"object_boxes", set.hasObjectBoxes()}});
    if (parts.size() == 3 && what == "labels") {
        std::vector<int64_t> labels(size_t(set.images()));
        for (int64_t i = 0; i < set.images(); ++i) labels[size_t(i)] = set.label(i);
        return jsonResponse(labels);
    }
    if (parts.size() == 3 && what == "find") {
        const auto text = request.query.find("text");
        json found = json::array();
        for (int64_t image : set.findImages(text == request.query.end() ? "" : text->second,
                                            queryNumber(request, "limit", 100, 0, 1000)))
            found.push_back({{"image", image}, {"name", set.imageName(image)}});
        return jsonResponse(found);
    }
    if (parts.size() == 3 && what == "histogram")
        return jsonResponse(set.groupHistogram(ruleOf(request), queryNumber(request, "bins", 20, 1, 1000)));
    if (parts.size() == 3 && what == "unrecognised")
        return jsonResponse(set.mostUnrecognised(queryNumber(request, "threshold", 0.1f, 0.0f, 1.0f),
                                                 queryNumber(request, "limit", 50, 0, 1000)));
    if (parts.size() == 3 && what == "mining") {
        MiningSettings settings;
        settings.no_object_below = queryNumber(request, "no_object_below", settings.no_object_below, 0.0, 1.0);
        settings.most_object_from = queryNumber(request, "most_object_from", settings.most_object_from, 0.0, 1.0);
        settings.bins = queryNumber(request, "bins", settings.bins, 1, 1000);
        const size_t wanted = queryNumber<size_t>(request, "crops", 0, 0, kMaxMinedCrops);
        std::vector<CropMining> crops;
        const MiningQuality quality = set.mining(ruleOf(request), settings, &crops, wanted);
        return jsonResponse({{"quality", miningToJson(quality)}, {"crops", crops}});
    }
    if (parts.size() == 4 && what == "students") {
        const auto run = parseRowId(parts[3]);
        if (!run) throw ApiError{404, "no run '" + parts[3] + "'"};
        setStudent(*run);
        return jsonResponse({{"student", *run}});
    }
    if (what == "images" && parts.size() >= 4 && parts.size() <= 5) {
        const int64_t image = imageOf(parts[3], set);
        if (parts.size() == 4)
            return jsonResponse({{"image", image},
                                 {"label", set.label(image)},
                                 {"name", set.imageName(image)},
                                 {"object_box", set.objectBox(image)}});
        if (parts[4] == "image.png") return {200, "image/png", encodePng(set.image(image))};
        if (parts[4] == "crops") {
            const FerkdConfig rule = ruleOf(request);
            setStudent(queryNumber<int64_t>(request, "student", 0, 0, std::numeric_limits<int64_t>::max()));
            return jsonResponse(set.crops(image, rule));
        }
    }
    throw ApiError{404, "no such endpoint: " + request.path};
}

}  // namespace ferkd
