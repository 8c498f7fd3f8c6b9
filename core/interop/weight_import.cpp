#include "interop/weight_import.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "util/error.h"

namespace ferkd {

namespace F = torch::nn::functional;

namespace {

std::string shapeText(const torch::Tensor& t) {
    std::ostringstream o;
    o << t.sizes();
    return o.str();
}

// "module." (DataParallel, DDP) or "_orig_mod." (torch.compile) on every name.
std::string commonPrefix(const StateDict& sd) {
    for (const char* p : {"module.", "_orig_mod."}) {
        const std::string prefix = p;
        if (sd.size() > 0 && std::all_of(sd.entries.begin(), sd.entries.end(),
                                          [&](const auto& e) { return e.first.rfind(prefix, 0) == 0; }))
            return prefix;
    }
    return {};
}

int64_t gridSide(int64_t tokens) {
    const auto side = static_cast<int64_t>(std::llround(std::sqrt(double(tokens))));
    return side * side == tokens ? side : -1;
}

struct Plan {
    ImportReport report;
    std::vector<std::pair<torch::Tensor, torch::Tensor>> copies;  // (model tensor, value)
};

Plan makePlan(Classifier& model, const StateDict& weights, const ImportOptions& options) {
    Plan plan;
    ImportReport& r = plan.report;
    r.stripped_prefix = commonPrefix(weights);
    std::map<std::string, torch::Tensor> file;
    for (const auto& [name, t] : weights.entries) file[name.substr(r.stripped_prefix.size())] = t;
    const auto heads = model.headNames();
    const std::string posName = model.positionEmbeddingName();
    const StateDict target = stateDictOf(model);
    for (const auto& [name, param] : target.entries) {
        auto it = file.find(name);
        if (it == file.end()) {
            r.missing.push_back(name);
            continue;
        }
        torch::Tensor value = it->second;
        file.erase(it);
        if (value.sizes() != param.sizes()) {
            const bool isHead = std::find(heads.begin(), heads.end(), name) != heads.end();
            if (isHead && options.replace_head) {
                r.head_replaced.push_back(name + " (file " + shapeText(value) + ", model " + shapeText(param) + ")");
                continue;
            }
            if (name == posName && options.interpolate_pos_embed && value.dim() == 3 && param.dim() == 3 &&
                value.size(0) == 1 && value.size(2) == param.size(2) && gridSide(value.size(1) - 1) > 0 &&
                gridSide(param.size(1) - 1) > 0) {
                r.interpolated.push_back(name + " " + shapeText(value) + " -> " + shapeText(param));
                value = resizePositionEmbedding(value, param.size(1));
            } else {
                r.mismatched.push_back(name + ": file " + shapeText(value) + " vs model " + shapeText(param));
                continue;
            }
        }
        if (value.is_floating_point() != param.is_floating_point()) {  // fp16/bf16/fp32 convert; ints and floats do not
            r.mismatched.push_back(name + ": file dtype " + std::string(c10::toString(value.scalar_type())) +
                                   " vs model " + c10::toString(param.scalar_type()));
            continue;
        }
        plan.copies.emplace_back(param, value);
    }
    for (const auto& [name, t] : file) r.unexpected.push_back(r.stripped_prefix + name);
    r.loaded = static_cast<int64_t>(plan.copies.size());
    return plan;
}

void appendList(std::ostringstream& o, const char* what, const std::vector<std::string>& names) {
    if (names.empty()) return;
    o << "; " << names.size() << ' ' << what << ": ";
    for (size_t i = 0; i < names.size() && i < 8; ++i) o << (i ? ", " : "") << names[i];
    if (names.size() > 8) o << ", ... (" << names.size() - 8 << " more)";
}

}  // namespace

std::string ImportReport::summary() const {
    std::ostringstream o;
    o << loaded << " tensors loaded";
    if (!stripped_prefix.empty()) o << " (prefix '" << stripped_prefix << "' removed)";
    appendList(o, "missing from the file", missing);
    appendList(o, "unexpected in the file", unexpected);
    appendList(o, "with other shapes", mismatched);
    appendList(o, "head tensors left fresh for the new class count", head_replaced);
    appendList(o, "position embeddings resized", interpolated);
    return o.str();
}

torch::Tensor resizePositionEmbedding(const torch::Tensor& posEmbed, int64_t newTokens, int64_t prefixTokens) {
    const int64_t D = posEmbed.size(2);
    const int64_t oldSide = gridSide(posEmbed.size(1) - prefixTokens), newSide = gridSide(newTokens - prefixTokens);
    if (oldSide < 0 || newSide < 0) throw Error("position embeddings do not form a square grid");
    if (oldSide == newSide) return posEmbed;
    auto prefix = posEmbed.narrow(1, 0, prefixTokens);
    auto grid = posEmbed.narrow(1, prefixTokens, oldSide * oldSide).to(torch::kFloat)
                    .reshape({1, oldSide, oldSide, D}).permute({0, 3, 1, 2});
    grid = F::interpolate(grid, F::InterpolateFuncOptions()
                                    .size(std::vector<int64_t>{newSide, newSide})
                                    .mode(torch::kBicubic)
                                    .align_corners(false));
    grid = grid.permute({0, 2, 3, 1}).reshape({1, newSide * newSide, D}).to(posEmbed.scalar_type());
    return torch::cat({prefix, grid}, 1);
}

ImportReport planImport(Classifier& model, const StateDict& weights, const ImportOptions& options) {
    return makePlan(model, weights, options).report;
}

ImportReport importWeights(Classifier& model, const StateDict& weights, const ImportOptions& options) {
    Plan plan = makePlan(model, weights, options);
    if (!plan.report.clean() && options.strict)
        throw Error("the weights do not fit the model: " + plan.report.summary());
    torch::NoGradGuard noGrad;
    for (auto& [param, value] : plan.copies) param.copy_(value.to(param.device(), param.scalar_type()));
    return plan.report;
}

}  // namespace ferkd
