#pragma once
// RegNetY with torchvision's module names (stem, trunk_output.blockN.blockN-M.{proj,f.a,
// f.b,f.se,f.c}, fc), so state_dict keys match torchvision.models.regnet_y_*. Stage
// widths and depths come from the quantised linear rule of "Designing Network Design
// Spaces" (Radosavovic et al., 2020), as torchvision's BlockParams computes them.
#include <map>

#include "models/classifier.h"

namespace ferkd {

struct RegNetParams {
    int depth = 16;
    double w_0 = 48, w_a = 27.89, w_m = 2.09;
    int group_width = 8;
    double se_ratio = 0.25;
};

// Per-stage widths, depths and group widths from the design-space parameters.
struct RegNetStages {
    std::vector<int64_t> widths, depths, group_widths;
};
RegNetStages regnetStages(const RegNetParams& params);

struct RegNetStageImpl;

class RegNet : public Classifier {
public:
    std::vector<std::string> headNames() const override { return {"fc.weight", "fc.bias"}; }
    RegNet(const RegNetParams& params, int64_t numClasses, int64_t inChans);
    torch::Tensor forward(torch::Tensor x) override;
    // Stem 0, the blocks in order 1..n, the head n + 1.
    int numLayers() const override { return int(blockLayer_.size()) + 1; }
    int layerId(const std::string& name) const override;

private:
    std::map<std::string, int> blockLayer_;  // "trunk_output.block2.block2-1." -> layer
    torch::nn::Sequential stem{nullptr};
    std::vector<std::shared_ptr<RegNetStageImpl>> stages_;  // registered under trunk_output
    torch::nn::Linear fc{nullptr};
};

}  // namespace ferkd
