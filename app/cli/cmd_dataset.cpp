// `ferkd dataset info PATH` and `ferkd dataset pack SRC OUT`.
#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "data/dataset_factory.h"
#include "data/dataset_inspection.h"
#include "data/packed_dataset.h"
#include "util/error.h"

namespace ferkd::cli {
namespace {

void printReport(const SplitInspection& s) {
    const DatasetReport& r = s.report;
    std::printf("%s: %s (%s), %lld images, %zu classes, first image %dx%dx%d\n", s.split.c_str(), r.path.c_str(),
                r.format.c_str(), (long long)s.images, r.classes.size(), s.first_height, s.first_width, s.channels);
    for (size_t c = 0; c < r.classes.size(); ++c)
        std::printf("  %3zu %-24s %lld\n", c, r.classes[c].c_str(), (long long)r.per_class[c]);
    std::printf("  problems: %zu file(s) left out\n", r.problems.size());
    for (const auto& p : r.problems) std::printf("    %s: %s\n", p.file.c_str(), p.reason.c_str());
}

struct DatasetOptions {
    std::string path, format = "auto", out;
    int size = 0;
    bool quick = false;
};

int info(const DatasetOptions& o) {
    const DatasetInspection inspection = inspectDataset(o.path, o.format, /*decodeAll=*/!o.quick, /*samplesPerClass=*/0);
    for (const auto& split : inspection.splits) printReport(split);
    std::printf("fingerprint: %s\n", inspection.fingerprint.c_str());
    return kOk;
}

int pack(const DatasetOptions& o) {
    DataSplits s = openDataSplits(o.path, o.format, /*decodeAll=*/true);
    std::filesystem::create_directories(o.out);
    auto packOne = [&](const Dataset& d, const char* name) {
        std::string path = (std::filesystem::path(o.out) / (std::string(name) + ".fkpack")).string();
        writePackedDataset(d, path, {o.size}, [&](int64_t done, int64_t total) {
            std::fprintf(stderr, "\rpacking %s: %lld/%lld", name, (long long)done, (long long)total);
        });
        std::fprintf(stderr, "\n");
        std::printf("wrote %s (%lld images, %zu left out)\n", path.c_str(), (long long)d.size(),
                    d.report().problems.size());
    };
    packOne(*s.train, "train");
    if (s.test) packOne(*s.test, "test");
    return kOk;
}

}  // namespace

void addDatasetCommand(CLI::App& app, CliContext& ctx) {
    auto* ds = app.add_subcommand("dataset", "Inspect and pack data sets");
    ds->require_subcommand(1);
    auto o = std::make_shared<DatasetOptions>();
    auto* info_ = ds->add_subcommand("info", "Classes, counts and unreadable files of a data set");
    info_->add_option("path", o->path, "fashion-mnist, an IDX folder, an image folder or a packed folder")->required();
    info_->add_option("--format", o->format, "auto, idx, folder or packed");
    info_->add_flag("--quick", o->quick, "Check file structure only, do not decode every image");
    info_->callback([&ctx, o] { ctx.action = [o] { return info(*o); }; });

    auto* pack_ = ds->add_subcommand("pack", "Write the packed, pre-decoded form (OUT/train.fkpack, OUT/test.fkpack)");
    pack_->add_option("path", o->path, "Source data set")->required();
    pack_->add_option("out", o->out, "Output folder")->required();
    pack_->add_option("--size", o->size, "Side of the packed images (shorter side resized, centre crop); 0 = keep");
    pack_->add_option("--format", o->format, "auto, idx, folder or packed");
    pack_->callback([&ctx, o] { ctx.action = [o] { return pack(*o); }; });
}

}  // namespace ferkd::cli
