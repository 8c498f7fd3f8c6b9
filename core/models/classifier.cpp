#include "models/classifier.h"

namespace ferkd {

int64_t countParameters(const torch::nn::Module& module) {
    int64_t n = 0;
    for (const auto& p : module.parameters()) n += p.numel();
    return n;
}

int indexAfter(const std::string& name, const std::string& prefix) {
    if (name.rfind(prefix, 0) != 0) return -1;
    size_t end = name.find('.', prefix.size());
    try {
        return std::stoi(name.substr(prefix.size(), end - prefix.size()));
    } catch (const std::exception&) {
        return -1;
    }
}

}  // namespace ferkd
