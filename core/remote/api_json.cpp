#include "remote/api_json.h"

namespace ferkd {

void to_json(nlohmann::json& j, CropGroup g) { j = cropGroupName(g); }

void from_json(const nlohmann::json& j, CropGroup& g) {
    const std::string name = j.get<std::string>();
    for (int k = 0; k < kCropGroups; ++k)
        if (name == cropGroupName(CropGroup(k))) {
            g = CropGroup(k);
            return;
        }
    throw nlohmann::json::other_error::create(501, "'" + name + "' is not a crop group", &j);
}

}  // namespace ferkd
