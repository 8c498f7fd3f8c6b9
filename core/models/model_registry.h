#pragma once
// Models registered by name with metadata a UI can list (like timm's register_model).
// Kept free of torch headers so the UI can include it.
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ferkd {

class Classifier;  // models/classifier.h

struct ModelSpec {
    int num_classes = 1000;
    int in_chans = 3;
    int input_size = 224;
    double drop_path = 0.0;
};

struct ModelInfo {
    std::string name;         // "resnet50"
    std::string family;       // "resnet", "vit"
    std::string description;
    std::string source;       // whose parameter names it follows: "torchvision", "timm"
    int default_input_size;   // the size it was designed for
    std::function<std::shared_ptr<Classifier>(const ModelSpec&)> create;
};

const std::vector<ModelInfo>& modelRegistry();
const ModelInfo* findModel(const std::string& name);
std::vector<std::string> modelNames();

// Throws ferkd::Error naming the nearest registered name when `name` is unknown.
std::shared_ptr<Classifier> createModel(const std::string& name, const ModelSpec& spec);

}  // namespace ferkd
