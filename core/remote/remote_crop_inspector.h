#pragma once
// A label set of a server's workspace in the crop browser: each question goes to the
// server (remote/workspace_api.h, /label-sets/{id}/...), which opens the set once and
// answers from its files; the images come as PNG. The labels of all images and the
// last images' names and boxes are kept here, so that browsing asks once per image.
#include <map>
#include <atomic>
#include <mutex>

#include "labels/crop_inspector.h"
#include "remote/api_client.h"

namespace ferkd {

class RemoteCropInspector : public CropInspector {
public:
    // Asks the server to open label set `labelSetId` (Error with its reason when it cannot).
    RemoteCropInspector(const std::string& url, const std::string& token, int64_t labelSetId);

    int64_t images() const override { return int64_t(labels_.size()); }
    int cropsPerImage() const override { return cropsPerImage_; }
    const std::vector<std::string>& classNames() const override { return classes_; }
    int64_t label(int64_t image) const override;
    ImagePixels image(int64_t image) const override;
    std::string imageName(int64_t image) const override;
    std::vector<int64_t> findImages(const std::string& text, int limit) const override;
    void setStudentRun(int64_t runId) override;
    int64_t studentRun() const override { return student_; }
    std::vector<InspectedCrop> crops(int64_t image, const FerkdConfig& rule) const override;
    std::vector<GroupCounts> groupHistogram(const FerkdConfig& rule, int bins) const override;
    std::vector<UnrecognisedImage> mostUnrecognised(float threshold, int limit) const override;
    bool hasObjectBoxes() const override { return objectBoxes_; }
    bool remote() const override { return true; }
    std::optional<ObjectBox> objectBox(int64_t image) const override;
    MiningQuality mining(const FerkdConfig& rule, const MiningSettings& settings = {},
                         std::vector<CropMining>* crops = nullptr,
                         size_t maxCrops = std::numeric_limits<size_t>::max()) const override;

private:
    struct ImageInfo {
        std::string name;
        std::optional<ObjectBox> box;
        bool boxKnown = false;  // a name from a search comes without its box
    };
    ImageInfo info(int64_t image, bool needBox) const;
    void keep(int64_t image, ImageInfo info) const;
    std::string path(const std::string& what) const;  // label-sets/{id}/what
    std::string ruleQuery(const FerkdConfig& rule) const;
    void checkImage(int64_t image) const;  // Error for an index outside the set

    ApiClient client_;
    int64_t id_;
    int cropsPerImage_ = 0;
    std::vector<std::string> classes_;
    std::vector<int64_t> labels_;
    bool objectBoxes_ = false;
    std::atomic<int64_t> student_{0};  // set on the GUI thread, read by a window's worker
    mutable std::mutex infoMutex_;
    mutable std::map<int64_t, ImageInfo> info_;  // the last images asked for
};

}  // namespace ferkd
