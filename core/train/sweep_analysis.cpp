#include "train/sweep_analysis.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "config/config_fields.h"

namespace ferkd {

std::optional<double> sweepMetricOf(const ComparedRun& run, SweepMetric metric) {
    switch (metric) {
    case SweepMetric::BestTest: return run.best_top1;
    case SweepMetric::BestVal: return run.best_val_top1;
    case SweepMetric::LastTest: return run.last_top1;
    }
    return std::nullopt;
}

const char* sweepMetricName(SweepMetric metric) {
    switch (metric) {
    case SweepMetric::BestTest: return "best test top-1 %";
    case SweepMetric::BestVal: return "best val top-1 %";
    case SweepMetric::LastTest: return "last test top-1 %";
    }
    return "";
}

namespace {

bool parseNumber(const std::string& text, double* out) {
    if (text.empty()) return false;
    char* end = nullptr;
    *out = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size();
}

}  // namespace

std::vector<SweepAxis> sweepAxes(const std::vector<ComparedRun>& runs) {
    std::vector<SweepAxis> axes;
    for (const ConfigRow& row : compareConfigs(runs)) {
        if (!row.differs || row.field == "name" || row.field == "seed") continue;
        if (const ConfigField* field = findConfigField(row.field); field && field->execution) continue;
        SweepAxis axis;
        axis.field = row.field;
        axis.labels = row.values;
        axis.numeric = true;
        std::vector<double> numbers;
        for (const auto& v : row.values) {
            double x = 0;
            axis.numeric = axis.numeric && parseNumber(v, &x);
            numbers.push_back(x);
        }
        if (axis.numeric) {
            axis.values = numbers;
            const auto [lo, hi] = std::minmax_element(numbers.begin(), numbers.end());
            axis.log = *lo > 0 && *hi / *lo >= 10;
        } else {
            for (const auto& v : row.values) {
                auto it = std::find(axis.categories.begin(), axis.categories.end(), v);
                if (it == axis.categories.end()) it = axis.categories.insert(axis.categories.end(), v);
                axis.values.push_back(double(it - axis.categories.begin()));
            }
        }
        axes.push_back(std::move(axis));
    }
    return axes;
}

std::vector<FieldGroup> metricByField(const std::vector<ComparedRun>& runs, const SweepAxis& axis, SweepMetric metric) {
    std::map<double, std::pair<std::string, std::vector<double>>> byValue;
    for (size_t i = 0; i < runs.size() && i < axis.values.size(); ++i) {
        auto& group = byValue[axis.values[i]];
        group.first = axis.labels[i];
        if (const auto m = sweepMetricOf(runs[i], metric)) group.second.push_back(*m);
    }
    std::vector<FieldGroup> out;
    for (const auto& [x, group] : byValue) {
        if (group.second.empty()) continue;
        out.push_back({x, group.first, meanStd(group.second), int(group.second.size())});
    }
    return out;
}

}  // namespace ferkd
