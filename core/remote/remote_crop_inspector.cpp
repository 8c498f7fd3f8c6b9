#include "remote/remote_crop_inspector.h"

#include "imaging/png_codec.h"
#include "labels/ferkd_rule_json.h"
#include "remote/api_json.h"
#include "remote/workspace_api.h"

namespace ferkd {
namespace {

using nlohmann::json;

// Opening a large label set on the server reads every crop's record once; the other
// requests answer at once or after the server's 30 s wait for another client's.
constexpr int kLabelSetOpenTimeout = 600;
constexpr int kLabelSetReadTimeout = 60;
constexpr size_t kKeptImages = 4096;  // names and boxes kept here

}  // namespace

RemoteCropInspector::RemoteCropInspector(const std::string& url, const std::string& token, int64_t labelSetId)
    : client_(url, token, kLabelSetReadTimeout), id_(labelSetId) {
    const json summary = ApiClient(url, token, kLabelSetOpenTimeout).getJson(path(""));
    try {
        cropsPerImage_ = summary.at("crops_per_image").get<int>();
        classes_ = summary.at("classes").get<std::vector<std::string>>();
        objectBoxes_ = summary.at("object_boxes").get<bool>();
    } catch (const json::exception& e) {
        throw decodeError(url, e);
    }
    labels_ = client_.get<std::vector<int64_t>>(path("labels"));
    for (int64_t y : labels_)
        if (y < 0 || y >= int64_t(classes_.size())) throw Error(url + ": label set " + std::to_string(id_) + " names class " + std::to_string(y) + " of " + std::to_string(classes_.size()));
}

std::string RemoteCropInspector::path(const std::string& what) const {
    return "label-sets/" + std::to_string(id_) + (what.empty() ? "" : "/" + what);
}

std::string RemoteCropInspector::ruleQuery(const FerkdConfig& rule) const {
    return "rule=" + queryValue(ruleToJson(rule).dump());
}

void RemoteCropInspector::checkImage(int64_t image) const {
    if (image < 0 || image >= images())
        throw Error("image " + std::to_string(image) + " is outside the label set (" + std::to_string(images()) +
                    " images)");
}

int64_t RemoteCropInspector::label(int64_t image) const {
    checkImage(image);
    return labels_[size_t(image)];
}

RemoteCropInspector::ImageInfo RemoteCropInspector::info(int64_t image, bool needBox) const {
    checkImage(image);
    {
        std::lock_guard<std::mutex> lock(infoMutex_);
        if (const auto it = info_.find(image); it != info_.end() && (it->second.boxKnown || !needBox)) return it->second;
    }
    const json j = client_.getJson(path("images/" + std::to_string(image)));
    ImageInfo fetched;
    try {
        fetched.name = j.at("name").get<std::string>();
        fetched.box = j.at("object_box").get<std::optional<ObjectBox>>();
        fetched.boxKnown = true;
    } catch (const json::exception& e) {
        throw decodeError(client_.url(), e);
    }
    keep(image, fetched);
    return fetched;
}

void RemoteCropInspector::keep(int64_t image, ImageInfo info) const {
    std::lock_guard<std::mutex> lock(infoMutex_);
    if (info_.size() >= kKeptImages) info_.clear();  // browsing comes back to few images
    info_[image] = std::move(info);
}

std::string RemoteCropInspector::imageName(int64_t image) const { return info(image, false).name; }

std::optional<ObjectBox> RemoteCropInspector::objectBox(int64_t image) const { return info(image, true).box; }

ImagePixels RemoteCropInspector::image(int64_t image) const {
    checkImage(image);
    const std::string where = client_.url() + " image " + std::to_string(image);
    return decodePng(client_.send("GET", path("images/" + std::to_string(image) + "/image.png")).body, where);
}

std::vector<int64_t> RemoteCropInspector::findImages(const std::string& text, int limit) const {
    const json reply = client_.getJson(path("find?text=" + queryValue(text) + "&limit=" + std::to_string(limit)));
    std::vector<int64_t> found;
    try {
        for (const auto& match : reply) {  // each with its name: the browser lists them next
            const int64_t image = match.at("image").get<int64_t>();
            checkImage(image);
            keep(image, {match.at("name").get<std::string>(), std::nullopt, false});
            found.push_back(image);
        }
    } catch (const json::exception& e) {
        throw decodeError(client_.url(), e);
    }
    return found;
}

void RemoteCropInspector::setStudentRun(int64_t runId) {
    student_ = 0;  // a failed switch leaves none, as the local inspector does
    if (runId != 0) client_.send("GET", path("students/" + std::to_string(runId)));  // the server loads and checks it now
    student_ = runId;
}

std::vector<InspectedCrop> RemoteCropInspector::crops(int64_t image, const FerkdConfig& rule) const {
    checkImage(image);
    std::string query = "images/" + std::to_string(image) + "/crops?" + ruleQuery(rule);
    if (const int64_t student = student_; student != 0) query += "&student=" + std::to_string(student);
    auto crops = client_.get<std::vector<InspectedCrop>>(path(query));
    const int classes = int(classes_.size());
    for (const auto& c : crops) {  // the browser indexes the class names with the teacher's
        for (const auto& [cls, p] : c.top5)
            if (cls < 0 || cls >= classes)
                throw Error(client_.url() + ": a crop of image " + std::to_string(image) + " names class " +
                            std::to_string(cls) + " of " + std::to_string(classes));
        if (c.student_class < -1) throw Error(client_.url() + ": a crop of image " + std::to_string(image) + " names no class");
    }
    return crops;
}

std::vector<GroupCounts> RemoteCropInspector::groupHistogram(const FerkdConfig& rule, int bins) const {
    return client_.get<std::vector<GroupCounts>>(path("histogram?" + ruleQuery(rule) + "&bins=" + std::to_string(bins)));
}

std::vector<UnrecognisedImage> RemoteCropInspector::mostUnrecognised(float threshold, int limit) const {
    return client_.get<std::vector<UnrecognisedImage>>(
        path("unrecognised?threshold=" + json(threshold).dump() + "&limit=" + std::to_string(limit)));
}

MiningQuality RemoteCropInspector::mining(const FerkdConfig& rule, const MiningSettings& settings,
                                          std::vector<CropMining>* crops, size_t maxCrops) const {
    std::string query = "mining?" + ruleQuery(rule) + "&no_object_below=" + json(settings.no_object_below).dump() +
                        "&most_object_from=" + json(settings.most_object_from).dump() +
                        "&bins=" + std::to_string(settings.bins);
    query += "&crops=" + std::to_string(crops ? std::min(maxCrops, WorkspaceApi::kMaxMinedCrops) : 0);
    const json reply = client_.getJson(path(query));
    try {
        if (crops) *crops = reply.at("crops").get<std::vector<CropMining>>();
        return miningFromJson(reply.at("quality"));
    } catch (const std::exception& e) {
        throw decodeError(client_.url(), e);
    }
}

}  // namespace ferkd
