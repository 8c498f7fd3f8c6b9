#pragma once
// A data set where most of the frame is not the object: every image of a source set
// pasted at a random scale and place onto a larger black canvas, with fragments of other
// images of the same split as clutter (cluttered MNIST, Mnih et al. 2014, built from any
// set), and the pasted object's box kept. Images are made when asked, deterministically
// from (seed, split, index); `ferkd dataset make-cluttered` packs them.
#include <memory>
#include <random>
#include <string>

#include "data/dataset.h"

namespace ferkd {

struct ClutterOptions {
    int canvas = 48;                          // side of the square canvas, pixels
    double scale_min = 0.8, scale_max = 1.2;  // object side = source side x U(scale_min, scale_max)
    int fragments = 4;                        // clutter pieces per canvas
    int fragment_size = 8;                    // side of a piece, cut at random from another image
    double noise = 0.0;                       // std of Gaussian noise added to every pixel, grey levels
    uint64_t seed = 0;
};

class ClutteredDataset : public Dataset {
public:
    // `split` salts the draws so train and test differ; clutter comes from `source` itself.
    // Settings that cannot work are a ConfigError naming the option (canvas, scale_min, ...);
    // report().generation holds them as the JSON `dataset info` shows.
    ClutteredDataset(std::shared_ptr<const Dataset> source, ClutterOptions options, const std::string& split);

    int64_t size() const override { return source_->size(); }
    int64_t label(int64_t i) const override { return source_->label(i); }
    torch::Tensor image(int64_t i) const override;
    int channels() const override { return source_->channels(); }
    const std::vector<std::string>& classes() const override { return source_->classes(); }
    const DatasetReport& report() const override { return report_; }
    std::string fingerprint() const override { return fingerprint_; }
    std::optional<ObjectBox> objectBox(int64_t i) const override;

private:
    struct Made {
        torch::Tensor pixels;
        ObjectBox box;
    };
    Made make(int64_t i) const;

    std::shared_ptr<const Dataset> source_;
    ClutterOptions o_;
    uint64_t salt_;
    DatasetReport report_;
    std::string fingerprint_;
};

}  // namespace ferkd
