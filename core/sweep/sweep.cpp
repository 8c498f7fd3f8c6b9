#include "sweep/sweep.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "config/config_fields.h"
#include "config/config_io.h"
#include "util/error.h"
#include "util/registry.h"
#include "util/text.h"

namespace ferkd {

SweepAxis parseSweepAxis(const std::string& text) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        throw ConfigError("--grid", "'" + text + "' must look like field=v1,v2,... (e.g. distill.ferkd.t_low=0.01,0.05)");
    SweepAxis axis;
    axis.field = text.substr(0, eq);
    std::stringstream values(text.substr(eq + 1));
    for (std::string v; std::getline(values, v, ',');)
        if (!v.empty()) axis.values.push_back(v);
    if (axis.values.empty()) throw ConfigError(axis.field, "--grid gives it no values");
    RunConfig probe;  // each value is checked now, before anything trains
    for (const auto& v : axis.values) applyOverride(probe, axis.field + "=" + v);
    return axis;
}

std::string SweepPoint::label() const {
    std::vector<std::string> parts;
    for (const auto& [field, value] : settings) parts.push_back(field.substr(field.rfind('.') + 1) + "=" + value);
    return joinStrings(parts, " ");
}

std::vector<SweepPoint> sweepGrid(const std::vector<SweepAxis>& axes) {
    std::vector<SweepPoint> points(1);
    for (const auto& axis : axes) {
        std::vector<SweepPoint> next;
        for (const auto& p : points)
            for (const auto& v : axis.values) {
                SweepPoint q = p;
                q.settings.emplace_back(axis.field, v);
                next.push_back(std::move(q));
            }
        points = std::move(next);
    }
    return points;
}

const std::vector<SweepMetric>& sweepMetrics() {
    static const std::vector<SweepMetric> metrics = {
        {"val_top1", "validation top-1 after the last epoch", true},
        {"best_val_top1", "the best validation top-1 over the epochs", true},
        {"val_loss", "validation loss after the last epoch", false},
    };
    return metrics;
}

const SweepMetric& findSweepMetric(const std::string& name) {
    if (const SweepMetric* m = findByName(sweepMetrics(), name)) return *m;
    const std::string near = nearestName(name, namesOf(sweepMetrics()));
    throw ConfigError("--select", "'" + name + "' is not a validation metric; expected one of " +
                                      joinStrings(namesOf(sweepMetrics()), ", ") +
                                      (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                                      "; settings are never chosen on the test split");
}

std::string sweepTag(const std::string& sweepName) { return "sweep:" + sweepName; }

RunConfig sweepRunConfig(const RunConfig& base, const SweepPoint& point, uint64_t seed, const std::string& sweepName) {
    RunConfig c = base;
    for (const auto& [field, value] : point.settings) applyOverride(c, field + "=" + value);
    c.seed = seed;
    c.name = sweepName + (point.settings.empty() ? "" : " " + point.label()) + " s" + std::to_string(seed);
    return c;
}

bool sameTraining(const RunConfig& a, const RunConfig& b) {
    RunConfig x = a, y = b;
    x.runtime.threads = y.runtime.threads;
    x.runtime.log_every = y.runtime.log_every;
    return configToJsonText(x) == configToJsonText(y);
}

std::optional<double> sweepMetricOf(const SweepCell& cell, const SweepMetric& metric) {
    if (cell.status != run_status::kFinished || cell.epochs.empty()) return std::nullopt;
    if (metric.name == "val_top1") return cell.epochs.back().val_top1;
    if (metric.name == "val_loss") return cell.epochs.back().val_loss;
    std::optional<double> best;
    for (const auto& e : cell.epochs)
        if (e.val_top1 && (!best || *e.val_top1 > *best)) best = e.val_top1;
    return best;
}

namespace {

// Test top-1 of the epoch with the best validation top-1 (what the "best" checkpoint scores).
std::optional<double> testAtBestVal(const SweepCell& cell) {
    std::optional<double> bestVal, test;
    for (const auto& e : cell.epochs)
        if (e.val_top1 && (!bestVal || *e.val_top1 > *bestVal)) {
            bestVal = e.val_top1;
            test = e.test_top1;
        }
    return test;
}

std::string meanSd(const MeanStd& m, int runs, int decimals = 2) {
    char buf[64];
    if (runs > 1) std::snprintf(buf, sizeof buf, "%.*f ± %.*f", decimals, m.mean, decimals, m.std);
    else std::snprintf(buf, sizeof buf, "%.*f", decimals, m.mean);
    return runs > 0 ? buf : "-";
}

}  // namespace

std::vector<SweepPointSummary> summarizeSweep(const std::vector<SweepPoint>& points, const std::vector<SweepCell>& cells,
                                              const SweepMetric& metric) {
    std::vector<SweepPointSummary> out;
    for (size_t p = 0; p < points.size(); ++p) {
        std::vector<double> values, finals, atBest, seconds;
        for (const auto& c : cells) {
            if (c.point != p) continue;
            const auto v = sweepMetricOf(c, metric);
            if (!v) continue;
            values.push_back(*v);
            finals.push_back(c.epochs.back().test_top1);
            if (auto t = testAtBestVal(c)) atBest.push_back(*t);
            seconds.push_back(c.seconds);
        }
        SweepPointSummary s;
        s.point = p;
        s.runs = static_cast<int>(values.size());
        s.metric = meanStd(values);
        s.test_final = meanStd(finals);
        s.test_best_val = meanStd(atBest);
        s.seconds = meanStd(seconds);
        out.push_back(s);
    }
    return out;
}

std::optional<size_t> selectedSweepPoint(const std::vector<SweepPointSummary>& summary, const SweepMetric& metric) {
    std::optional<size_t> best;
    for (size_t i = 0; i < summary.size(); ++i) {
        if (summary[i].runs == 0) continue;
        const double v = summary[i].metric.mean, b = best ? summary[*best].metric.mean : 0;
        if (!best || (metric.higherIsBetter ? v > b : v < b)) best = i;
    }
    return best;
}

std::string sweepCsv(const std::vector<SweepPoint>& points, const std::vector<SweepCell>& cells) {
    std::ostringstream o;
    o << "point,settings,seed,run_id,status,epoch,train_loss,val_loss,val_top1,val_top5,test_loss,test_top1,test_top5,"
         "epoch_seconds,run_seconds\n";
    auto opt = [](const std::optional<double>& v) { return v ? std::to_string(*v) : std::string(); };
    for (const auto& c : cells)
        for (const auto& e : c.epochs)
            o << c.point << ",\"" << points[c.point].label() << "\"," << c.seed << ',' << c.run_id << ',' << c.status
              << ',' << e.epoch << ',' << e.train_loss << ',' << opt(e.val_loss) << ',' << opt(e.val_top1) << ','
              << opt(e.val_top5) << ',' << e.test_loss << ',' << e.test_top1 << ',' << e.test_top5 << ',' << e.seconds
              << ',' << c.seconds << '\n';
    return o.str();
}

std::string sweepMarkdown(const std::vector<SweepPoint>& points, const std::vector<SweepPointSummary>& summary,
                          const SweepMetric& metric, const std::string& command, const std::string& setting) {
    std::ostringstream o;
    o << "Produced by:\n\n```\n" << command << "\n```\n\n" << setting << "\n\n";
    o << "Selected by " << metric.name << " (" << metric.description << "), mean over seeds; the test columns are "
      << "reported only.\n\n";
    o << "| point | runs | " << metric.name << " | test top-1, last epoch (%) | test top-1 at best val epoch (%) | "
      << "wall time per run |\n|---|---|---|---|---|---|\n";
    const auto chosen = selectedSweepPoint(summary, metric);
    for (const auto& s : summary)
        o << "| " << (chosen && *chosen == s.point ? "**" + points[s.point].label() + "** (selected)" : points[s.point].label())
          << " | " << s.runs << " | " << meanSd(s.metric, s.runs, metric.name == "val_loss" ? 4 : 2) << " | "
          << meanSd(s.test_final, s.runs) << " | " << meanSd(s.test_best_val, s.runs) << " | "
          << (s.runs ? formatDuration(s.seconds.mean) : "-") << " |\n";
    if (chosen) o << "\nSelected point: " << points[*chosen].label() << "\n";
    return o.str();
}

}  // namespace ferkd
