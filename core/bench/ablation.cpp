#include "bench/ablation.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

#include "util/error.h"
#include "util/registry.h"
#include "util/text.h"

namespace ferkd {

const std::vector<AblationVariant>& ablationVariants() {
    static const std::vector<AblationVariant> variants = [] {
        const std::vector<AblationVariant> base = {
            {"fkd", "FKD: stored teacher labels of region crops"},
            {"ferkd", "FerKD's rule as the paper writes it (the thresholds of distill.ferkd.*)"},
            {"ferkd-discard", "the rule's discarding alone: t_mid = t_low, nothing calibrated"},
            {"ferkd-calibrate", "the rule's calibration alone: t_low = 0 and t_top = 1, nothing discarded"},
            {"ferkd-fraction", "the earlier reading: each image's least confident 20% calibrated, nothing discarded"},
        };
        std::vector<AblationVariant> all = {
            {"ce", "ground truth, one crop per image"},
            {"kd", "classic online KD: the teacher run on every batch, one crop per image"},
        };
        for (const auto& v : base) {
            all.push_back(v);
            all.push_back({v.name + "+selfmix", v.description + ", with SelfMix (1.0)"});
        }
        return all;
    }();
    return variants;
}

RunConfig ablationConfig(const RunConfig& base, const std::string& variant, uint64_t seed, const std::string& labels,
                         const std::string& teacher) {
    if (!findByName(ablationVariants(), variant)) {
        std::string near = nearestName(variant, namesOf(ablationVariants()));
        throw ConfigError("variant", "'" + variant + "' is not an ablation variant" +
                                         (near.empty() ? "" : "; did you mean '" + near + "'?"));
    }
    RunConfig c = base;
    c.seed = seed;
    c.name = "ablation " + variant + " s" + std::to_string(seed);
    c.augment.selfmix_prob = 0.0;
    c.distill.labels.clear();
    c.distill.teacher.clear();
    if (variant == "ce" || variant == "kd") {
        c.distill.mode = variant;
        c.distill.num_crops = 1;
        if (variant == "kd") c.distill.teacher = teacher;
        return c;
    }
    c.distill.labels = labels;
    const std::string suffix = "+selfmix";
    const bool selfmix = variant.size() > suffix.size() && variant.compare(variant.size() - suffix.size(), suffix.size(), suffix) == 0;
    const std::string source = selfmix ? variant.substr(0, variant.size() - suffix.size()) : variant;
    if (selfmix) {
        c.augment.selfmix_prob = 1.0;
        c.augment.selfmix_alpha = 1.0;
    }
    c.distill.mode = source == "fkd" ? "fkd" : "ferkd";
    FerkdConfig& rule = c.distill.ferkd;
    if (source == "ferkd" || source == "ferkd-discard" || source == "ferkd-calibrate") rule.rule = "paper";
    if (source == "ferkd-discard") rule.t_mid = rule.t_low;
    if (source == "ferkd-calibrate") {
        rule.t_low = 0.0;
        rule.t_top = 1.0;
    }
    if (source == "ferkd-fraction") {
        const FerkdConfig earlier;  // the earlier reading's own defaults
        rule.rule = "fraction";
        rule.hard_fraction = earlier.hard_fraction;
        rule.drop_easiest = 0.0;
    }
    return c;
}

namespace {

// Top-1 is stored in percent.
std::string pct(const MeanStd& top1, int runs) {
    char buf[64];
    if (runs > 1) std::snprintf(buf, sizeof buf, "%.2f ± %.2f", top1.mean, top1.std);
    else std::snprintf(buf, sizeof buf, "%.2f", top1.mean);
    return buf;
}

}  // namespace

std::vector<AblationSummary> summarizeAblation(const std::vector<AblationCell>& cells,
                                               const std::vector<std::string>& order) {
    std::vector<AblationSummary> out;
    for (const auto& variant : order) {
        AblationSummary s;
        s.variant = variant;
        std::vector<double> finals, bests, seconds;
        std::map<int64_t, std::vector<double>> perEpoch;
        for (const auto& c : cells) {
            if (c.variant != variant || c.status != run_status::kFinished || c.epochs.empty()) continue;
            finals.push_back(c.epochs.back().test_top1);
            // "Best": the test top-1 of the epoch with the best validation top-1 where the
            // runs hold out a validation split (the test split chooses nothing), else the best test top-1.
            double best = 0, bestVal = -1;
            for (size_t e = 0; e < c.epochs.size(); ++e) {
                const EpochMetric& m = c.epochs[e];
                if (m.val_top1) {
                    s.selected_by_val = true;
                    if (*m.val_top1 > bestVal) bestVal = *m.val_top1, best = m.test_top1;
                } else {
                    best = std::max(best, m.test_top1);
                }
                perEpoch[m.epoch].push_back(m.test_top1);
            }
            bests.push_back(best);
            seconds.push_back(c.seconds);
        }
        s.runs = static_cast<int>(finals.size());
        s.final_top1 = meanStd(finals);
        s.best_top1 = meanStd(bests);
        s.seconds_mean = meanStd(seconds).mean;
        for (const auto& [epoch, top1s] : perEpoch) s.epoch_top1[epoch] = meanStd(top1s);
        out.push_back(std::move(s));
    }
    return out;
}

std::string ablationCsv(const std::vector<AblationCell>& cells) {
    std::ostringstream o;
    o << "variant,seed,run_id,status,epoch,step,train_loss,val_loss,val_top1,test_loss,test_top1,test_top5,epoch_seconds,"
         "run_seconds\n";
    auto opt = [](const std::optional<double>& v) { return v ? std::to_string(*v) : std::string(); };
    for (const auto& c : cells)
        for (const auto& e : c.epochs)
            o << c.variant << ',' << c.seed << ',' << c.run_id << ',' << c.status << ',' << e.epoch << ',' << e.step
              << ',' << e.train_loss << ',' << opt(e.val_loss) << ',' << opt(e.val_top1) << ',' << e.test_loss << ','
              << e.test_top1 << ',' << e.test_top5 << ',' << e.seconds << ',' << c.seconds << '\n';
    return o.str();
}

std::string ablationMarkdown(const std::vector<AblationSummary>& summary, const std::string& command,
                             const std::string& setting, const LabelSetStats* stats,
                             const std::vector<std::string>& classNames) {
    std::ostringstream o;
    o << "Produced by:\n\n```\n" << command << "\n```\n\n" << setting << "\n\n";
    const bool byVal = std::any_of(summary.begin(), summary.end(), [](const AblationSummary& s) { return s.selected_by_val; });
    o << "| variant | runs | final test top-1 (%) | " << (byVal ? "test top-1 at the best validation epoch (%)" : "best test top-1 (%)")
      << " | wall time per run |\n|---|---|---|---|---|\n";
    for (const auto& s : summary)
        o << "| " << s.variant << " | " << s.runs << " | " << pct(s.final_top1, s.runs) << " | "
          << pct(s.best_top1, s.runs) << " | " << formatDuration(s.seconds_mean) << " |\n";
    std::set<int64_t> epochs;
    for (const auto& s : summary)
        for (const auto& kv : s.epoch_top1) epochs.insert(kv.first);
    o << "\nTest top-1 (%) after each epoch (FKD's epochs, counted in crop-views: equal numbers are equal "
         "training), mean ± sample standard deviation over seeds:\n\n| variant |";
    for (int64_t e : epochs) o << " epoch " << e << " |";
    o << "\n|---|";
    for (size_t e = 0; e < epochs.size(); ++e) o << "---|";
    o << "\n";
    for (const auto& s : summary) {
        o << "| " << s.variant << " |";
        for (int64_t e : epochs) {
            const auto top1 = s.epoch_top1.find(e);
            if (top1 != s.epoch_top1.end()) o << ' ' << pct(top1->second, s.runs);
            o << " |";
        }
        o << "\n";
    }
    if (stats) {
        const int bins = static_cast<int>(stats->histogram.size());
        char line[200];
        o << "\nThe label set's crops under the ferkd variant's rule: " << stats->describeGroups() << ".\n\n";
        o << "| teacher p(true class) | share of crops |\n|---|---|\n";
        for (int b = 0; b < bins; ++b) {
            std::snprintf(line, sizeof line, "| [%.2f, %.2f) | %.2f%% |\n", double(b) / bins, double(b + 1) / bins,
                          100.0 * double(stats->histogram[b]) / double(std::max<int64_t>(1, stats->crops())));
            o << line;
        }
        o << "\n| class | discarded-hard | calibrated | teacher | discarded-easy |\n|---|---|---|---|---|\n";
        for (size_t c = 0; c < stats->class_crops.size(); ++c) {
            std::snprintf(line, sizeof line, "| %s | %.1f%% | %.1f%% | %.1f%% | %.1f%% |\n",
                          c < classNames.size() ? classNames[c].c_str() : std::to_string(c).c_str(),
                          100 * stats->share(int(c), CropGroup::DiscardedHard),
                          100 * stats->share(int(c), CropGroup::Calibrated), 100 * stats->share(int(c), CropGroup::Teacher),
                          100 * stats->share(int(c), CropGroup::DiscardedEasy));
            o << line;
        }
    }
    return o.str();
}

}  // namespace ferkd
