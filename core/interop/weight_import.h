#pragma once
// Pretrained weights into a model, all or nothing: strict by default (every parameter
// and buffer found, nothing left over, every shape equal), with the usual exceptions a
// finetuning user asks for: a new classification head for another class count, ViT
// position embeddings resized to another input size (Table 2 finetunes at 336 px), and
// the "module." prefix DataParallel/DDP leave on every name.
#include <string>
#include <vector>

#include "interop/state_dict.h"
#include "models/classifier.h"

namespace ferkd {

struct ImportOptions {
    bool strict = true;                  // missing, unexpected or mis-shaped keys are an error
    bool replace_head = true;            // a head of another class count keeps its fresh initialisation
    bool interpolate_pos_embed = true;   // bicubic resize of the patch grid, as timm does
};

struct ImportReport {
    std::vector<std::string> missing;      // in the model, not in the file
    std::vector<std::string> unexpected;   // in the file, not in the model
    std::vector<std::string> mismatched;   // "name: file [..] vs model [..]"
    std::vector<std::string> head_replaced, interpolated;
    std::string stripped_prefix;           // "module." when the file's names carried it
    int64_t loaded = 0;                    // tensors copied into the model

    bool clean() const { return missing.empty() && unexpected.empty() && mismatched.empty(); }
    std::string summary() const;  // one paragraph for logs and errors
};

// What importWeights would do, without touching the model.
ImportReport planImport(Classifier& model, const StateDict& weights, const ImportOptions& options = {});

// Copies the weights in. With options.strict an unclean plan throws Error with the
// report's summary and leaves the model exactly as it was.
ImportReport importWeights(Classifier& model, const StateDict& weights, const ImportOptions& options = {});

// timm's resample_abs_pos_embed: [1, prefix + g0*g0, D] to [1, prefix + g1*g1, D],
// the prefix (class token) kept, the grid resized bicubically.
torch::Tensor resizePositionEmbedding(const torch::Tensor& posEmbed, int64_t newTokens, int64_t prefixTokens = 1);

}  // namespace ferkd
