#pragma once
// The runs of a sweep (or any selection) as axes for the studio's sweep views: one axis
// per config field whose value differs between the runs (name and seed aside: seeds are
// the repeats a mean is taken over), numeric or categorical, logarithmic where its
// values span a decade or more; and a metric against one field as mean ± std over the runs that
// share the field's value. Free of torch and Qt headers.
#include <optional>
#include <string>
#include <vector>

#include "train/run_comparison.h"
#include "util/statistics.h"

namespace ferkd {

enum class SweepMetric { BestTest, BestVal, LastTest };
std::optional<double> sweepMetricOf(const ComparedRun& run, SweepMetric metric);
const char* sweepMetricName(SweepMetric metric);  // "best test top-1 %", ...

struct SweepAxis {
    std::string field;
    bool numeric = false;  // every run's value is a number
    bool log = false;      // numeric, positive, and max / min >= 10 (a decade or more)
    std::vector<double> values;            // per run: the number, or the category's index
    std::vector<std::string> labels;       // per run: the value as text
    std::vector<std::string> categories;   // categorical axes: the values in first-seen order
};

std::vector<SweepAxis> sweepAxes(const std::vector<ComparedRun>& runs);

struct FieldGroup {
    double x = 0;        // the axis value (number or category index)
    std::string label;   // the field's value as text
    MeanStd metric;      // over the runs with a value of the metric
    int runs = 0;        // runs in the group that have the metric
};

// Groups by the axis value, sorted by x; groups without any metric value are left out.
std::vector<FieldGroup> metricByField(const std::vector<ComparedRun>& runs, const SweepAxis& axis, SweepMetric metric);

}  // namespace ferkd
