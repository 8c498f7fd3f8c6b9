#include "interop/onnx/onnx_families.h"

#include "util/registry.h"

namespace ferkd::onnx_export {

const std::vector<OnnxFamily>& onnxFamilies() {
    static const std::vector<OnnxFamily> families{
        {"resnet", false, emitResNet},
        {"regnet", false, emitRegNet},
        {"vit", true, emitVisionTransformer},
    };
    return families;
}

const OnnxFamily* findOnnxFamily(const std::string& family) {
    return findByName(onnxFamilies(), family);
}

}  // namespace ferkd::onnx_export
