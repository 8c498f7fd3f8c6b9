#pragma once
// Look-ups shared by the name-keyed registries (config fields, models, presets).
#include <string>
#include <vector>

namespace ferkd {

template <class T>
const T* findByName(const std::vector<T>& items, const std::string& name) {
    for (const auto& item : items)
        if (item.name == name) return &item;
    return nullptr;
}

template <class T>
std::vector<std::string> namesOf(const std::vector<T>& items) {
    std::vector<std::string> names;
    names.reserve(items.size());
    for (const auto& item : items) names.push_back(item.name);
    return names;
}

}  // namespace ferkd
