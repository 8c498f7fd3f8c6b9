#pragma once
// The crop browser's view of a label set whose files are on this machine: the training
// split of its data set and the label store made for it.
#include <functional>
#include <memory>

#include "labels/crop_inspector.h"

namespace ferkd {

class LocalCropInspector : public CropInspector {
public:
    // The checkpoint file a student run is shown from (see Workspace::inspectLabelSet).
    using StudentCheckpoint = std::function<std::string(int64_t runId)>;

    // Opens the training split of `dataPath` and the label store made for it (errors
    // name the file: FileError, ConfigError). Without `studentCheckpoint`, no student.
    LocalCropInspector(const std::string& dataPath, const std::string& labelsPath,
                       StudentCheckpoint studentCheckpoint = {});
    ~LocalCropInspector() override;

    int64_t images() const override;
    int cropsPerImage() const override;
    const std::vector<std::string>& classNames() const override;
    int64_t label(int64_t image) const override;
    ImagePixels image(int64_t image) const override;
    std::string imageName(int64_t image) const override;
    std::vector<int64_t> findImages(const std::string& text, int limit) const override;
    void setStudentRun(int64_t runId) override;
    int64_t studentRun() const override;
    std::vector<InspectedCrop> crops(int64_t image, const FerkdConfig& rule) const override;
    std::vector<GroupCounts> groupHistogram(const FerkdConfig& rule, int bins) const override;
    std::vector<UnrecognisedImage> mostUnrecognised(float threshold, int limit) const override;
    // Each crop's coverage is measured once, when the label set is opened.
    bool hasObjectBoxes() const override;
    std::optional<ObjectBox> objectBox(int64_t image) const override;
    MiningQuality mining(const FerkdConfig& rule, const MiningSettings& settings = {},
                         std::vector<CropMining>* crops = nullptr,
                         size_t maxCrops = std::numeric_limits<size_t>::max()) const override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ferkd
