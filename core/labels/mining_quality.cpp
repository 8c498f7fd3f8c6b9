#include "labels/mining_quality.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include <nlohmann/json.hpp>

#include "data/dataset.h"
#include "data/object_box.h"
#include "labels/distill_targets.h"
#include "labels/ferkd_rule_json.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace ferkd {

const char* coverageName(Coverage c) {
    switch (c) {
        case Coverage::None: return "no object";
        case Coverage::Partial: return "partial";
        case Coverage::Most: return "most of it";
    }
    return "?";
}

Coverage coverageOf(double objectCovered, const MiningSettings& s) {
    if (objectCovered < s.no_object_below) return Coverage::None;
    return objectCovered >= s.most_object_from ? Coverage::Most : Coverage::Partial;
}

double MiningQuality::share(CropGroup g, Coverage c) const {
    const auto& row = group_coverage[size_t(g)];
    const int64_t n = row[0] + row[1] + row[2];
    return n > 0 ? double(row[size_t(c)]) / double(n) : 0.0;
}

double MiningQuality::calibratedPrecision() const {
    return share(CropGroup::Calibrated, Coverage::None) + share(CropGroup::Calibrated, Coverage::Partial);
}

double MiningQuality::noObjectRecall() const {
    const int64_t none = coverage[size_t(Coverage::None)];
    return none > 0 ? double(group_coverage[size_t(CropGroup::DiscardedHard)][size_t(Coverage::None)]) / double(none) : 0.0;
}

double rocAuc(std::vector<float> positives, std::vector<float> negatives) {
    if (positives.empty() || negatives.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::sort(positives.begin(), positives.end());
    std::sort(negatives.begin(), negatives.end());
    // For each positive: negatives strictly below it, plus half of those equal.
    double wins = 0;
    size_t below = 0, upTo = 0;
    for (float p : positives) {
        while (below < negatives.size() && negatives[below] < p) ++below;
        upTo = std::max(upTo, below);
        while (upTo < negatives.size() && negatives[upTo] <= p) ++upTo;
        wins += double(below) + 0.5 * double(upTo - below);
    }
    return wins / (double(positives.size()) * double(negatives.size()));
}

namespace {

// Linear interpolation between the closest ranks (numpy's default), of a sorted, non-empty list.
double quantileOfSorted(const std::vector<float>& sorted, double q) {
    const double at = q * double(sorted.size() - 1);
    const size_t lo = size_t(at), hi = std::min(lo + 1, sorted.size() - 1);
    return double(sorted[lo]) + (at - double(lo)) * (double(sorted[hi]) - double(sorted[lo]));
}

}  // namespace

MiningQuality measureMining(const std::vector<CropMining>& crops, const FerkdConfig& rule, const MiningSettings& settings) {
    MiningQuality m;
    m.settings = settings;
    m.rule = rule;
    const int bins = std::max(1, settings.bins);
    std::vector<std::vector<float>> binP(static_cast<size_t>(bins));
    m.bins.resize(size_t(bins));
    std::vector<float> most, none;
    for (const CropMining& c : crops) {
        if (c.object_covered < 0) continue;  // its image has no box
        m.crops++;
        const Coverage cov = coverageOf(c.object_covered, settings);
        m.coverage[size_t(cov)]++;
        m.group_coverage[size_t(c.group)][size_t(cov)]++;
        if (cov == Coverage::Most) most.push_back(c.p_true);
        if (cov == Coverage::None) none.push_back(c.p_true);
        const size_t b = size_t(std::clamp(int(c.object_covered * float(bins)), 0, bins - 1));
        CoverageBin& bin = m.bins[b];
        bin.crops++;
        bin.mean_p += c.p_true;
        bin.mean_crop_is_object += c.crop_is_object;
        bin.groups[size_t(c.group)]++;
        binP[b].push_back(c.p_true);
    }
    for (int b = 0; b < bins; ++b) {
        CoverageBin& bin = m.bins[size_t(b)];
        bin.lo = double(b) / bins;
        bin.hi = double(b + 1) / bins;
        if (bin.crops == 0) continue;
        bin.mean_p /= double(bin.crops);
        bin.mean_crop_is_object /= double(bin.crops);
        auto& ps = binP[size_t(b)];
        std::sort(ps.begin(), ps.end());
        bin.q25_p = quantileOfSorted(ps, 0.25);
        bin.median_p = quantileOfSorted(ps, 0.5);
        bin.q75_p = quantileOfSorted(ps, 0.75);
    }
    m.auc = rocAuc(std::move(most), std::move(none));
    return m;
}

bool hasObjectBoxes(const Dataset& data) {
    for (int64_t i = 0; i < data.size(); ++i)
        if (data.objectBox(i)) return true;
    return false;
}

std::vector<CropMining> mineCrops(const Dataset& data, const DistillTargets& targets) {
    if (!hasObjectBoxes(data))
        throw ConfigError("data", "'" + data.report().path +
                                      "' has no object boxes (make one with `ferkd dataset make-cluttered`, or give an "
                                      "image folder a boxes.csv)");
    const LabelStore& store = targets.store();
    const int n = store.info().crops_per_image;
    const auto& p = targets.trueClassProbs();
    const auto& groups = targets.cropGroups();
    const torch::Tensor stacked = data.stackedImages();  // fixed-size sets: no decoding for the size
    std::vector<CropMining> out;
    out.reserve(size_t(data.size()) * size_t(n));
    for (int64_t i = 0; i < data.size(); ++i) {
        const auto box = data.objectBox(i);
        if (!box) {  // an image folder's images without a line in boxes.csv: kept, so indices stay aligned
            for (int c = 0; c < n; ++c) {
                const size_t k = size_t(i) * size_t(n) + size_t(c);
                out.push_back({i, c, p[k], -1.0f, -1.0f, groups[k]});
            }
            continue;
        }
        int64_t height, width;
        if (stacked.defined()) {
            height = stacked.size(1);
            width = stacked.size(2);
        } else {
            const torch::Tensor image = data.image(i);
            height = image.size(0);
            width = image.size(1);
        }
        for (int c = 0; c < n; ++c) {
            const size_t k = size_t(i) * size_t(n) + size_t(c);
            const BoxOverlap o = overlapOf(store.crop(i, c).box, *box, width, height);
            out.push_back({i, c, p[k], float(o.object_covered), float(o.crop_is_object), groups[k]});
        }
    }
    return out;
}

namespace {

constexpr int kMiningFormat = 1;

double orNull(const nlohmann::json& j) { return j.is_null() ? std::numeric_limits<double>::quiet_NaN() : j.get<double>(); }

}  // namespace

nlohmann::json miningToJson(const MiningQuality& m) {
    nlohmann::json bins = nlohmann::json::array();
    for (const auto& b : m.bins)
        bins.push_back({{"lo", b.lo}, {"hi", b.hi}, {"crops", b.crops}, {"mean_p", b.mean_p}, {"q25_p", b.q25_p}, {"median_p", b.median_p}, {"q75_p", b.q75_p},
                        {"mean_crop_is_object", b.mean_crop_is_object}, {"groups", b.groups}});
    return nlohmann::json{{"format", kMiningFormat},
                          {"no_object_below", m.settings.no_object_below},
                          {"most_object_from", m.settings.most_object_from},
                          {"rule", ruleToJson(m.rule)},
                          {"crops", m.crops},
                          {"coverage", m.coverage},
                          {"auc", std::isnan(m.auc) ? nlohmann::json() : nlohmann::json(m.auc)},
                          {"group_coverage", m.group_coverage},
                          {"bins", bins}};
}

MiningQuality miningFromJson(const nlohmann::json& j) {
    MiningQuality m;
    try {
        if (j.at("format").get<int>() != kMiningFormat) throw Error("mining summary: unknown format");
        m.settings.no_object_below = j.at("no_object_below").get<double>();
        m.settings.most_object_from = j.at("most_object_from").get<double>();
        m.rule = ruleFromJson(j.at("rule"));
        m.crops = j.at("crops").get<int64_t>();
        m.coverage = j.at("coverage").get<CoverageCounts>();
        m.auc = orNull(j.at("auc"));
        m.group_coverage = j.at("group_coverage").get<std::array<CoverageCounts, kCropGroups>>();
        for (const auto& b : j.at("bins")) {
            CoverageBin bin;
            bin.lo = b.at("lo").get<double>();
            bin.hi = b.at("hi").get<double>();
            bin.crops = b.at("crops").get<int64_t>();
            bin.mean_p = b.at("mean_p").get<double>();
            bin.q25_p = b.at("q25_p").get<double>();
            bin.median_p = b.at("median_p").get<double>();
            bin.q75_p = b.at("q75_p").get<double>();
            bin.mean_crop_is_object = b.at("mean_crop_is_object").get<double>();
            bin.groups = b.at("groups").get<GroupCounts>();
            m.bins.push_back(bin);
        }
        m.settings.bins = int(m.bins.size());
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("mining summary: damaged (") + e.what() + ")");
    }
    return m;
}

void writeMiningBinsCsv(const std::string& path, const MiningQuality& m) {
    std::string csv = "coverage_lo,coverage_hi,crops,mean_p_true,q25_p_true,median_p_true,q75_p_true,mean_crop_is_object,discarded_hard,"
                      "calibrated,teacher,discarded_easy\n";
    char row[256];
    for (const auto& b : m.bins) {
        std::snprintf(row, sizeof row, "%.3f,%.3f,%lld,%.6f,%.6f,%.6f,%.6f,%.6f,%lld,%lld,%lld,%lld\n", b.lo, b.hi,
                      (long long)b.crops, b.mean_p, b.q25_p, b.median_p, b.q75_p, b.mean_crop_is_object, (long long)b.groups[0], (long long)b.groups[1],
                      (long long)b.groups[2], (long long)b.groups[3]);
        csv += row;
    }
    writeTextFileAtomically(path, csv);
}

void writeCropMiningCsv(const std::string& path, const std::vector<CropMining>& crops) {
    writeFileAtomically(path, [&](const std::string& tmp) {
        std::FILE* f = std::fopen(tmp.c_str(), "w");
        if (!f) throw FileError(path, "cannot be written");
        std::fputs("image,crop,p_true,object_covered,crop_is_object,group\n", f);
        for (const auto& c : crops)
            std::fprintf(f, "%lld,%d,%.6f,%.6f,%.6f,%s\n", (long long)c.image, c.crop, c.p_true, c.object_covered,
                         c.crop_is_object, cropGroupName(c.group));
        const bool failed = std::ferror(f) != 0;
        if (std::fclose(f) != 0 || failed) throw FileError(path, "could not be written completely (disk full?)");
    });
}

std::string describeMining(const MiningQuality& m) {
    char text[400];
    std::snprintf(text, sizeof text,
                  "AUC %.3f (%lld no-object vs %lld most-of-it crops); discarded-hard = no object %.1f%%, "
                  "calibrated = context %.1f%%, no-object crops discarded %.1f%%",
                  m.auc, (long long)m.coverage[size_t(Coverage::None)], (long long)m.coverage[size_t(Coverage::Most)],
                  100.0 * m.hardPrecision(), 100.0 * m.calibratedPrecision(), 100.0 * m.noObjectRecall());
    return text;
}

}  // namespace ferkd
