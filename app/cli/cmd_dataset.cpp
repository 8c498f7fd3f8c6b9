// `ferkd dataset info PATH`, `ferkd dataset pack SRC OUT` and `ferkd dataset
// make-cluttered SRC OUT`.
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <unistd.h>

#include "commands.h"
#include "data/cluttered_dataset.h"
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
    if (!r.generation.empty()) std::printf("  made by: %s\n", r.generation.c_str());
    const BoxStatistics& b = s.boxes;
    if (b.images > 0)
        std::printf("  object boxes: %lld of %lld images, mean %.1f x %.1f px (sides %d-%d), %.1f%% of the image on average\n",
                    (long long)b.images, (long long)s.images, b.mean_width, b.mean_height, b.min_side, b.max_side,
                    100.0 * b.mean_area_share);
}

struct DatasetOptions {
    std::string path, format = "auto", out;
    int size = 0;
    bool quick = false;
    ClutterOptions clutter;
};

int info(const DatasetOptions& o) {
    const DatasetInspection inspection = inspectDataset(o.path, o.format, /*decodeAll=*/!o.quick, /*samplesPerClass=*/0);
    for (const auto& split : inspection.splits) printReport(split);
    std::printf("fingerprint: %s\n", inspection.fingerprint.c_str());
    return kOk;
}

// Progress on stderr: one line rewritten on a terminal, a line per tenth in a log.
std::function<void(int64_t, int64_t)> progressLine(const std::string& what) {
    const bool tty = ::isatty(::fileno(stderr));
    auto lastTenth = std::make_shared<int64_t>(-1);
    return [what, tty, lastTenth](int64_t done, int64_t total) {
        if (tty) {
            std::fprintf(stderr, "\r%s: %lld/%lld", what.c_str(), (long long)done, (long long)total);
            if (done == total) std::fprintf(stderr, "\n");
            return;
        }
        const int64_t tenth = done * 10 / std::max<int64_t>(1, total);
        if (tenth == *lastTenth) return;
        *lastTenth = tenth;
        std::fprintf(stderr, "%s: %lld/%lld\n", what.c_str(), (long long)done, (long long)total);
    };
}

int pack(const DatasetOptions& o) {
    DataSplits s = openDataSplits(o.path, o.format, /*decodeAll=*/true);
    std::filesystem::create_directories(o.out);
    auto packOne = [&](const Dataset& d, const char* name) {
        std::string path = (std::filesystem::path(o.out) / (std::string(name) + ".fkpack")).string();
        writePackedDataset(d, path, {o.size}, progressLine(std::string("packing ") + name));
        std::printf("wrote %s (%lld images, %zu left out)\n", path.c_str(), (long long)d.size(),
                    d.report().problems.size());
    };
    packOne(*s.train, "train");
    if (s.test) packOne(*s.test, "test");
    return kOk;
}

int makeCluttered(const DatasetOptions& o) {
    DataSplits s = openDataSplits(o.path, o.format);
    auto makeOne = [&](std::shared_ptr<Dataset> source, const char* name) {
        const ClutteredDataset cluttered(std::move(source), o.clutter, name);  // checks the settings first
        std::filesystem::create_directories(o.out);
        const std::string path = (std::filesystem::path(o.out) / (std::string(name) + ".fkpack")).string();
        PackOptions options;
        options.generation_json = cluttered.report().generation;
        writePackedDataset(cluttered, path, options, progressLine(std::string("making ") + name));
        std::printf("wrote %s (%lld images on %d x %d px canvases, with object boxes)\n", path.c_str(),
                    (long long)cluttered.size(), o.clutter.canvas, o.clutter.canvas);
    };
    makeOne(s.train, "train");
    if (s.test) makeOne(s.test, "test");
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

    auto* clutter = ds->add_subcommand(
        "make-cluttered",
        "Paste every image at a random scale and place on a larger canvas with fragments of other images as "
        "clutter (cluttered MNIST); writes OUT/train.fkpack and OUT/test.fkpack with each object's box");
    ClutterOptions& c = o->clutter;
    clutter->add_option("path", o->path, "Source data set: fashion-mnist, an IDX, image or packed folder")->required();
    clutter->add_option("out", o->out, "Output folder")->required();
    clutter->add_option("--format", o->format, "auto, idx, folder or packed");
    clutter->add_option("--canvas", c.canvas, "Side of the canvas in pixels (default 48)");
    clutter->add_option("--scale-min", c.scale_min, "Smallest object side as a share of the source side (default 0.8)");
    clutter->add_option("--scale-max", c.scale_max, "Largest object side as a share of the source side (default 1.2)");
    clutter->add_option("--fragments", c.fragments, "Clutter pieces per canvas, from other images of the split (default 4)");
    clutter->add_option("--fragment-size", c.fragment_size, "Side of a clutter piece in pixels (default 8)");
    clutter->add_option("--noise", c.noise, "Std of Gaussian noise on every pixel, in grey levels (default 0)");
    clutter->add_option("--seed", c.seed, "Seed of every draw: the same seed makes the same bytes (default 0)");
    clutter->callback([&ctx, o] { ctx.action = [o] { return makeCluttered(*o); }; });
}

}  // namespace ferkd::cli
