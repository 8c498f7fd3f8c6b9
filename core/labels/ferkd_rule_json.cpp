#include "labels/ferkd_rule_json.h"

namespace ferkd {

nlohmann::json ruleToJson(const FerkdConfig& r) {
    return {{"rule", r.rule},
            {"t_low", r.t_low},
            {"t_mid", r.t_mid},
            {"t_top", r.t_top},
            {"eps", r.eps},
            {"hard_fraction", r.hard_fraction},
            {"hard_threshold", r.hard_threshold},
            {"drop_easiest", r.drop_easiest}};
}

FerkdConfig ruleFromJson(const nlohmann::json& j) {
    FerkdConfig r;
    r.rule = j.at("rule").get<std::string>();
    r.t_low = j.at("t_low").get<double>();
    r.t_mid = j.at("t_mid").get<double>();
    r.t_top = j.at("t_top").get<double>();
    r.eps = j.at("eps").get<double>();
    r.hard_fraction = j.at("hard_fraction").get<double>();
    r.hard_threshold = j.at("hard_threshold").get<double>();
    r.drop_easiest = j.at("drop_easiest").get<double>();
    return r;
}

}  // namespace ferkd
