#pragma once
// The HTTP API of `ferkd serve`, apart from the sockets: a request (method, path, query,
// body, Authorization header) in, a response out. Every request is authenticated first,
// whatever its path; runs are named by id, never by a path, and no path from a request
// reaches the file system. The fuzz target drives this class directly.
//
//   GET    /api/v1/server                       version, whether control is allowed, the queue
//   GET    /api/v1/runs                         every run (archived ones too)
//   GET    /api/v1/runs/{id}                    one run
//   GET    /api/v1/runs/{id}/config             its config (JSON)
//   GET    /api/v1/runs/{id}/{steps|epochs|system|events}?after=CURSOR   a page of rows
//   GET    /api/v1/runs/{id}/checkpoints        its checkpoints
//   GET    /api/v1/runs/{id}/log                the output of its `ferkd train` (text)
//   GET    /api/v1/runs/{id}/deletion-plan      what deleting it would remove
//   GET    /api/v1/label-sets                   the label sets
//   GET    /api/v1/runs/{id}/test-images/{i}/image.png   a test image of the run's last evaluation here (its
//                                                thumbnails; 409 before one)
// A label set in the crop browser (the server opens it once and keeps the last two open;
// requests are served one at a time, 503 after 30 s of waiting; RULE is a FerKD rule as
// JSON, the fields of distill.ferkd; a crops request without `student` unloads it):
//   GET    /api/v1/label-sets/{id}              its images, crops per image, classes, whether it has object boxes
//   GET    /api/v1/label-sets/{id}/labels       every image's class
//   GET    /api/v1/label-sets/{id}/images/{i}   an image's name and object box
//   GET    /api/v1/label-sets/{id}/images/{i}/image.png               the image
//   GET    /api/v1/label-sets/{id}/images/{i}/crops?rule=RULE[&student=RUN]   its crops with their records
//   GET    /api/v1/label-sets/{id}/students/{run}   loads a run as the student (404/409 when it cannot be one)
//   GET    /api/v1/label-sets/{id}/histogram?rule=RULE&bins=N        crops per bin of p(true class) and group
//   GET    /api/v1/label-sets/{id}/unrecognised?threshold=P&limit=N  images with most crops below P
//   GET    /api/v1/label-sets/{id}/find?text=T&limit=N               images whose name contains T, with their names
//   GET    /api/v1/label-sets/{id}/mining?rule=RULE[&no_object_below=&most_object_from=&bins=&crops=N]
//                                                the mining quality, and N crops with their coverage
// With control allowed (`ferkd serve --allow-control`):
//   POST   /api/v1/runs                         queue a run: {"preset", "config", "sets", "tags"}
//   POST   /api/v1/runs/{id}/{pause|resume|stop}
//   POST   /api/v1/runs/{id}/queue              queue a stopped run again: {"from": "best"|"last"}
//   POST   /api/v1/runs/{id}/evaluate           evaluate a checkpoint on the test split: {"checkpoint", "teacher"}
//   POST   /api/v1/runs/{id}/export             the checkpoint exported there, sent as the body: {"format",
//                                                "precision", "weights", "checkpoint", "opset", "batch", "input_size"}
//   POST   /api/v1/runs/{id}/{rename|tags|notes|archive}   {"name"} {"tags"} {"notes"} {"archived"}
//   DELETE /api/v1/runs/{id}?force=1
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "config/config_request.h"
#include "imaging/image_pixels.h"
#include "remote/pipeline_request.h"
#include "util/error.h"
#include "workspace/workspace.h"

namespace ferkd {

struct ApiRequest {
    std::string method, path;
    std::map<std::string, std::string> query;
    std::string body;
    std::string authorization;  // the Authorization header: "Bearer <token>"
};

struct ApiResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::string summary;  // what was done, for a file sent as the body (WorkspaceApi::kSummaryHeader)
};

// The server's queue, as the control endpoints use it (remote/server_queue.h). Runs in
// training are steered through the workspace (their `ferkd train` process), whoever
// started them.
class RunQueueControl {
public:
    virtual ~RunQueueControl() = default;
    // Resolves, validates and records a queued run; ConfigError listing every problem,
    // and nothing recorded, when the config does not hold.
    virtual int64_t queueRun(const ConfigRequest& request, const std::string& tags) = 0;
    // The three runs of a pipeline, queued one after another; ConfigError naming the part
    // ("teacher: ...", "labels.crops", ...) and nothing recorded when one does not hold.
    virtual PipelineRuns queuePipeline(const PipelineRequest& request, const std::string& tags) = 0;
    // Queues a stopped, failed or interrupted training run again: it resumes from its
    // checkpoint `fromCheckpoint` ("": the last). RunStateError for a run in another state.
    virtual void requeue(int64_t runId, const std::string& fromCheckpoint) = 0;
    // Takes a run that waits in the queue out of it ("stopped"); false when it does not wait here.
    virtual bool dequeue(int64_t runId) = 0;
    virtual std::vector<int64_t> queued() const = 0;
};

struct ApiOptions {
    std::string token;  // required of every request
    // Read-only unless set; the queue then takes runs and control requests.
    RunQueueControl* control = nullptr;
};

class WorkspaceApi {
public:
    WorkspaceApi(Workspace& workspace, ApiOptions options);
    // Never throws: problems become 4xx/5xx responses with {"error": message}.
    ApiResponse handle(const ApiRequest& request) const;

    static constexpr const char* kPrefix = "/api/v1/";
    static constexpr const char* kSummaryHeader = "X-Ferkd-Summary";
    // The most crops one mining reply lists (the coverage plot draws a sample).
    static constexpr size_t kMaxMinedCrops = 100000;

private:
    ApiResponse route(const ApiRequest& request) const;
    ApiResponse runRequest(const ApiRequest& request, const RunRecord& run, const std::string& what) const;
    ApiResponse controlRequest(const ApiRequest& request, int64_t runId, const std::string& what) const;
    ApiResponse labelSetRequest(const ApiRequest& request, const std::vector<std::string>& parts) const;
    ApiResponse testImageRequest(int64_t runId, const std::string& index) const;
    ApiResponse exportRequest(int64_t runId, const nlohmann::json& body) const;
    // Label set `id`, opened once (call with inspecting_ held).
    CropInspector& inspector(int64_t id) const;

    Workspace& workspace_;
    ApiOptions options_;
    mutable std::mutex evaluating_;  // evaluations run one at a time
    // The test images of the last runs evaluated here (their decoders), for thumbnails.
    struct TestImages {
        int64_t run = 0, count = 0;
        std::function<ImagePixels(int64_t)> decode;
    };
    mutable std::mutex testImagesMutex_;
    mutable std::vector<TestImages> testImages_;  // newest last, at most kKeptEvaluations
    static constexpr size_t kKeptEvaluations = 4;
    // Label set requests one at a time: an inspector's student is state, and opening one
    // reads the whole set.
    mutable std::timed_mutex inspecting_;
    mutable std::vector<std::pair<int64_t, std::shared_ptr<CropInspector>>> inspectors_;  // newest last
    static constexpr size_t kOpenLabelSets = 2;
    static constexpr int kLabelSetWaitSeconds = 30;  // then 503
};

}  // namespace ferkd
