// Soft labels: the store (round trip, resume, damage, wrong data set), marginal-smoothing
// recovery, FerKD's four groups on hand-built examples (boundaries, discarded crops never
// in a batch), generation boxes equal training crops.
#include <QtTest>
#include <filesystem>

#include "batch/batch_builder.h"
#include "data/crop_resize.h"
#include "data/idx_dataset.h"
#include "store/experiment_store.h"
#include "data/mixup.h"
#include "data/selfmix.h"
#include "labels/distill_targets.h"
#include "labels/label_generator.h"
#include "labels/label_recovery.h"
#include "labels/label_set_stats.h"
#include "labels/mining_quality.h"
#include "labels/teacher.h"
#include "models/classifier.h"
#include "models/model_registry.h"
#include "test_suites.h"
#include "test_support.h"
#include "util/error.h"
#include "util/half_float.h"

using namespace ferkd;
namespace fs = std::filesystem;

namespace {

// `count` 28-px images of 4 classes written as an IDX training split in `dir`, and read back.
std::shared_ptr<IdxDataset> writeTrainImages(const std::string& dir, int count) {
    test::writeIdxPair(dir, "train", count, 4, false);
    std::string img, lbl;
    findIdxSplit(dir, "train", img, lbl);
    return std::make_shared<IdxDataset>(img, lbl);
}

// An untrained 4-class teacher whose weights depend on `seed` alone.
Teacher randomTeacher(uint64_t seed) {
    torch::manual_seed(seed);
    return teacherFromModel(createModel("resnet10_small", {4, 1, 28, 0}), 28, 1, 4, "dataset", "random net", torch::kCPU);
}

LabelSetInfo smallInfo(int64_t images, int crops) {
    LabelSetInfo info;
    info.dataset_fingerprint = "test:fp";
    info.num_images = images;
    info.crops_per_image = crops;
    info.num_classes = 10;
    info.topk = 3;
    info.teacher = "hand-made";
    return info;
}

std::vector<CropLabel> imageLabels(int64_t image, int crops) {
    std::vector<CropLabel> out;
    for (int c = 0; c < crops; ++c) {
        CropLabel l;
        l.box = {0.1f * c, 0.05f, 0.5f, 0.25f + 0.01f * float(image), c % 2 == 1};
        l.probs = {0.6f, 0.2f, 0.1f};
        l.classes = {int32_t(image % 10), int32_t((image + 1) % 10), int32_t((image + 2) % 10)};
        out.push_back(l);
    }
    return out;
}

// A data set whose every image has the same object box, over another data set.
class BoxedDataset : public Dataset {
public:
    BoxedDataset(std::shared_ptr<Dataset> base, ObjectBox box) : base_(std::move(base)), box_(box) {}
    int64_t size() const override { return base_->size(); }
    int64_t label(int64_t i) const override { return base_->label(i); }
    torch::Tensor image(int64_t i) const override { return base_->image(i); }
    int channels() const override { return base_->channels(); }
    const std::vector<std::string>& classes() const override { return base_->classes(); }
    torch::Tensor stackedImages() const override { return base_->stackedImages(); }
    const DatasetReport& report() const override { return base_->report(); }
    std::string fingerprint() const override { return base_->fingerprint(); }
    std::optional<ObjectBox> objectBox(int64_t) const override { return box_; }

private:
    std::shared_ptr<Dataset> base_;
    ObjectBox box_;
};

}  // namespace

class TestLabels : public QObject {
    Q_OBJECT
private slots:
    void storeRoundTrip() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("l.fkdl").toStdString();
        LabelStoreWriter w(path, smallInfo(5, 4));
        for (int64_t i = 0; i < 5; ++i) w.writeImage(i, imageLabels(i, 4));
        w.finish();
        QVERIFY(!fs::exists(path + ".partial"));
        LabelStore s(path, /*verifyChecksum=*/true);
        QCOMPARE(s.info().num_images, int64_t(5));
        QCOMPARE(int(s.info().recordBytes()), 10 + 4 * 3);  // 22 bytes per crop for top-3
        for (int64_t i = 0; i < 5; ++i) {
            auto want = imageLabels(i, 4);
            auto got = s.image(i);
            for (int c = 0; c < 4; ++c) {
                QVERIFY(std::abs(got[c].box.x - want[c].box.x) < 1e-4f);
                QVERIFY(std::abs(got[c].box.h - want[c].box.h) < 1e-4f);
                QCOMPARE(got[c].box.flip, want[c].box.flip);
                QCOMPARE(got[c].classes, want[c].classes);
                QVERIFY(std::abs(got[c].probs[0] - 0.6f) < 1e-3f);  // fp16
            }
        }
    }

    void halfValuesDecodeExactly() {
        // Every fp16 bit pattern, from an odd address and an odd count: the 8-wide F16C
        // path, its unaligned loads and the scalar tail, against c10::Half.
        std::vector<unsigned char> bytes(2 * 65536 + 1);
        for (uint32_t b = 0; b < 65536; ++b) {
            const uint16_t bits = static_cast<uint16_t>(b);
            std::memcpy(&bytes[1 + 2 * b], &bits, 2);
        }
        std::vector<float> out(65535);
        halfBitsToFloats(bytes.data() + 1, out.size(), out.data());
        for (uint32_t b = 0; b < out.size(); ++b) {
            const float want = static_cast<float>(c10::Half(static_cast<uint16_t>(b), c10::Half::from_bits()));
            if (std::isnan(want)) {
                QVERIFY2(std::isnan(out[b]), qPrintable(QString::number(b, 16)));
            } else {
                QVERIFY2(std::memcmp(&want, &out[b], 4) == 0, qPrintable(QString::number(b, 16)));
            }
        }
    }

    void imageReadsMatchCropReads() {
        // Top-10 (the vector path) and a full-distribution store: readImage's one span and
        // readCrop's single records decode the same values.
        QTemporaryDir dir;
        for (const auto type : {LabelType::MarginalSmoothing, LabelType::Full}) {
            const std::string path = dir.filePath(QString("l%1.fkdl").arg(int(type))).toStdString();
            LabelSetInfo info = smallInfo(7, 5);
            info.type = type;
            info.topk = 10;
            info.num_classes = 12;
            LabelStoreWriter w(path, info);
            std::mt19937 rng(3);
            std::uniform_real_distribution<float> unit(0.0f, 1.0f);
            std::vector<std::vector<CropLabel>> written;
            for (int64_t i = 0; i < 7; ++i) {
                std::vector<CropLabel> crops(5);
                for (auto& c : crops) {
                    c.box = {unit(rng) * 0.5f, unit(rng) * 0.5f, 0.5f, 0.5f, unit(rng) < 0.5f};
                    c.probs.resize(static_cast<size_t>(info.valuesPerCrop()));
                    for (auto& v : c.probs) v = unit(rng);
                    if (type != LabelType::Full)
                        for (int k = 0; k < 10; ++k) c.classes.push_back((k + int(i)) % 12);
                }
                w.writeImage(i, crops);
                written.push_back(crops);
            }
            w.finish();
            LabelStore s(path);
            std::vector<CropLabel> image;
            for (int64_t i = 0; i < 7; ++i) {
                s.readImage(i, image);
                QCOMPARE(int(image.size()), 5);
                for (int c = 0; c < 5; ++c) {
                    const CropLabel one = s.crop(i, c);
                    QCOMPARE(image[c].probs, one.probs);
                    QCOMPARE(image[c].classes, one.classes);
                    QCOMPARE(image[c].box.x, one.box.x);
                    QCOMPARE(image[c].box.flip, one.box.flip);
                    QCOMPARE(image[c].classes, written[i][c].classes);
                    QCOMPARE(image[c].probs.size(), written[i][c].probs.size());
                    for (size_t k = 0; k < one.probs.size(); ++k)
                        QVERIFY(std::abs(one.probs[k] - written[i][c].probs[k]) <= 1e-3f);  // fp16
                }
            }
        }
    }

    void interruptedGenerationContinues() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("l.fkdl").toStdString();
        {
            LabelStoreWriter w(path, smallInfo(6, 2));
            for (int64_t i = 0; i < 3; ++i) w.writeImage(i, imageLabels(i, 2));
            w.flush();
            w.writeImage(3, imageLabels(3, 2));  // not flushed: lost with the "crash"
        }
        LabelStoreWriter again(path, smallInfo(6, 2));
        QCOMPARE(again.imagesDone(), int64_t(3));
        for (int64_t i = 3; i < 6; ++i) again.writeImage(i, imageLabels(i, 2));
        again.finish();
        LabelStore s(path, true);
        QCOMPARE(s.crop(5, 1).classes[0], 5);
        QCOMPARE(s.crop(1, 0).classes[0], 1);
        // Other settings start afresh instead of mixing two label sets.
        LabelSetInfo other = smallInfo(6, 3);
        LabelStoreWriter fresh(dir.filePath("m.fkdl").toStdString(), other);
        QCOMPARE(fresh.imagesDone(), int64_t(0));
    }

    void damagedOrForeignStoresAreRefused() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("l.fkdl").toStdString();
        LabelStoreWriter w(path, smallInfo(4, 2));
        for (int64_t i = 0; i < 4; ++i) w.writeImage(i, imageLabels(i, 2));
        w.finish();
        std::string bytes = test::readFile(path);
        test::writeFile(path + ".cut", bytes.substr(0, bytes.size() - 30));
        try {
            LabelStore s(path + ".cut");
            QFAIL("no error");
        } catch (const FileError& e) {
            QVERIFY2(QString(e.what()).contains("truncated"), e.what());
        }
        test::writeFile(path + ".junk", std::string(200, 'x'));
        QVERIFY_THROWS_EXCEPTION(FileError, LabelStore(path + ".junk"));
        LabelStore s(path);
        try {
            s.requireDataset("idx:other", 4);
            QFAIL("no error");
        } catch (const FileError& e) {
            QVERIFY2(QString(e.what()).contains("another data set"), e.what());
        }
    }

    void marginalSmoothingSumsToOne() {
        CropLabel l;
        l.probs = {0.5f, 0.3f};
        l.classes = {4, 7};
        auto d = recoverDistributions({l}, LabelType::MarginalSmoothing, 10);
        QVERIFY(std::abs(d.sum().item<float>() - 1.0f) < 1e-6f);
        QVERIFY(std::abs(d[0][4].item<float>() - 0.5f) < 1e-6f);
        QVERIFY(std::abs(d[0][0].item<float>() - 0.2f / 8) < 1e-6f);  // the rest spread over 8 classes
        QVERIFY(std::abs(recoveredProbability(l, LabelType::MarginalSmoothing, 10, 1) - 0.025f) < 1e-6f);
    }

    void earlierRuleOnAHandBuiltImage() {
        const std::vector<float> p = {0.90f, 0.05f, 0.50f, 0.20f, 0.70f};
        FerkdConfig rule;
        rule.rule = "fraction";  // 0.2 of 5 crops: the least confident one calibrated
        auto g = groupCrops(p, rule);
        QCOMPARE(g, (std::vector<CropGroup>{CropGroup::Teacher, CropGroup::Calibrated, CropGroup::Teacher,
                                            CropGroup::Teacher, CropGroup::Teacher}));
        rule.rule = "threshold";
        rule.hard_threshold = 0.25;
        g = groupCrops(p, rule);
        QCOMPARE(g[1], CropGroup::Calibrated);
        QCOMPARE(g[3], CropGroup::Calibrated);
        QCOMPARE(g[4], CropGroup::Teacher);
        rule.drop_easiest = 0.4;  // the two most confident left out
        g = groupCrops(p, rule);
        QCOMPARE(g[0], CropGroup::DiscardedEasy);
        QCOMPARE(g[4], CropGroup::DiscardedEasy);
        QCOMPARE(g[2], CropGroup::Teacher);
    }

    void paperRuleFourGroupsAndBoundaries() {
        FerkdConfig rule;
        rule.rule = "paper";
        rule.t_low = 0.125f;
        rule.t_mid = 0.25f;
        rule.t_top = 0.75f;
        // Exactly at a threshold: T_L calibrated, T_M and T_T the teacher's label.
        const std::vector<float> p = {0.0f, 0.1f, 0.125f, 0.2f, 0.25f, 0.5f, 0.75f, 0.76f, 1.0f};
        const std::vector<CropGroup> want = {CropGroup::DiscardedHard, CropGroup::DiscardedHard, CropGroup::Calibrated,
                                             CropGroup::Calibrated,    CropGroup::Teacher,       CropGroup::Teacher,
                                             CropGroup::Teacher,       CropGroup::DiscardedEasy, CropGroup::DiscardedEasy};
        QCOMPARE(groupCrops(p, rule), want);
        // Its halves: discard only (t_mid = t_low) calibrates nothing; calibrate only discards nothing.
        FerkdConfig discard = rule;
        discard.t_mid = discard.t_low;
        for (CropGroup g : groupCrops(p, discard)) QVERIFY(g != CropGroup::Calibrated);
        FerkdConfig calibrate = rule;
        calibrate.t_low = 0;
        calibrate.t_top = 1;
        for (CropGroup g : groupCrops(p, calibrate)) QVERIFY(isKept(g));
        // The calibrated target is (1 - eps) onehot + eps / K.
        std::vector<float> t(5);
        calibratedTarget(2, 5, 0.1, t.data());
        for (int k = 0; k < 5; ++k) QVERIFY(std::abs(t[k] - (k == 2 ? 0.9f + 0.02f : 0.02f)) < 1e-7f);
    }

    void discardedCropsAreNeverTrainedOn() {
        // Four stored crops per image, one per group; the boxes differ, so the pixels of a
        // trained crop tell which stored crop it is.
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        auto data = writeTrainImages(d, 16);
        const std::string path = test::writeHandLabelStore(d + "/groups.fkdl", *data, {0.00390625f, 0.0625f, 0.5f, 0.998046875f});
        RunConfig cfg = test::smallRunConfig(d);
        cfg.distill.mode = "ferkd";
        cfg.distill.labels = path;
        cfg.distill.num_crops = 2;
        cfg.distill.ferkd.rule = "paper";
        cfg.distill.ferkd.t_low = 0.01;
        cfg.distill.ferkd.t_mid = 0.1;
        cfg.distill.ferkd.t_top = 0.99;
        cfg.distill.ferkd.eps = 0.2;
        cfg.augment.hflip = false;
        cfg.schedule.batch_size = 16;  // crops: 8 images x 2
        auto targets = std::make_shared<DistillTargets>(*data, cfg.distill);
        QCOMPARE(targets->keptCrops(0), 2);
        const CropGroupSummary summary = summarizeCropGroups(*targets, {0, 1, 2, 3}, 2);
        QCOMPARE(summary.groups, (GroupCounts{4, 4, 4, 4}));
        QCOMPARE(summary.without_kept, int64_t(0));
        BatchBuilder builder(data, cfg, targets);
        Normalizer norm(1, "dataset");
        for (int64_t step = 0; step < builder.stepsPerEpoch(); ++step) {
            const auto order = builder.epochOrder(0);
            Batch b = builder.trainBatch(order, 0, step);
            for (int64_t j = 0; j < 8; ++j) {
                const int64_t image = order[step * 8 + j];
                const int64_t y = data->label(image);
                auto x = data->image(image).permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat);
                std::vector<CropBox> boxes;
                for (int c = 0; c < 4; ++c) boxes.push_back(LabelStore(path).crop(image, c).box);
                auto stored = norm(cropAndResizeMany(x, boxes, 28));
                std::vector<bool> seen(4, false);
                for (int64_t r = 0; r < 2; ++r) {
                    auto trained = b.images[j * 2 + r];
                    int nearest = 0;
                    double best = 1e9;
                    for (int c = 0; c < 4; ++c) {
                        const double dist = (stored[c] - trained).abs().max().item<double>();
                        if (dist < best) best = dist, nearest = c;
                    }
                    QVERIFY2(best < 1e-4, std::to_string(best).c_str());
                    QVERIFY2(nearest == 1 || nearest == 2, ("trained on stored crop " + std::to_string(nearest)).c_str());
                    seen[nearest] = true;
                    // Crop 1 is calibrated: (1 - eps) onehot + eps / K; crop 2 keeps the teacher's 0.5.
                    const float expected = nearest == 1 ? 0.8f + 0.05f : 0.5f;
                    QVERIFY(std::abs(b.targets[j * 2 + r][y].item<float>() - expected) < 1e-3f);
                }
                QVERIFY(seen[1] && seen[2]);  // two kept crops, drawn without replacement
            }
        }
    }

    void imagesWithoutKeptCropsAreCounted() {
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        const auto images = writeTrainImages(d, 8);
        const IdxDataset& data = *images;
        // Images 0-3: one kept crop; images 4-7: every crop too easy.
        const std::string path = test::writeHandLabelStore(d + "/h.fkdl", data, [](int64_t i) {
            return i < 4 ? std::vector<float>{0.5f, 0.998046875f, 0.998046875f} : std::vector<float>{0.998046875f, 0.998046875f, 0.998046875f};
        });
        DistillConfig cfg;
        cfg.mode = "ferkd";
        cfg.labels = path;
        cfg.num_crops = 2;
        cfg.ferkd.t_top = 0.99;
        DistillTargets t(data, cfg);
        const CropGroupSummary s = summarizeCropGroups(t, {0, 1, 2, 3, 4, 5, 6, 7}, 2);
        QCOMPARE(s.without_kept, int64_t(4));
        QCOMPARE(s.fewer_than_num_crops, int64_t(4));
        QCOMPARE(s.groups[size_t(CropGroup::DiscardedEasy)], int64_t(20));
        QVERIFY(!t.hasKeptCrops(5));
        std::mt19937_64 rng(1);
        QCOMPARE(t.chooseCrops(2, rng), (std::vector<int>{0, 0}));  // the one kept crop, repeated
        QVERIFY_THROWS_EXCEPTION(Error, t.chooseCrops(5, rng));
    }

    void generatedBoxesAreTheCropsTrainedOn() {
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        auto data = writeTrainImages(d, 16);
        torch::manual_seed(1);
        std::shared_ptr<Classifier> net = createModel("resnet10_small", {4, 1, 28, 0});
        net->eval();
        Teacher teacher;
        teacher.forward = [net](const torch::Tensor& x) { return net->forward(x); };
        teacher.description = "random net";
        teacher.input_size = 28;
        teacher.normalize = "dataset";
        teacher.num_classes = 4;
        teacher.in_chans = 1;
        LabelGenerationOptions g;
        g.crops_per_image = 6;
        g.topk = 2;
        g.seed = 5;
        const std::string path = d + "/labels.fkdl";
        QVERIFY(generateLabels(*data, teacher, g, path));

        RunConfig cfg = test::smallRunConfig(d);
        cfg.distill.mode = "fkd";
        cfg.distill.labels = path;
        cfg.distill.num_crops = 6;
        cfg.schedule.batch_size = 24;  // crops: 4 images x 6
        auto targets = std::make_shared<DistillTargets>(*data, cfg.distill);
        BatchBuilder builder(data, cfg, targets);
        auto order = builder.epochOrder(0);
        Batch b = builder.trainBatch(order, 0, 0);
        QCOMPARE(b.images.size(0), int64_t(24));
        QCOMPARE(b.targets.sizes(), (torch::IntArrayRef{24, 4}));
        QVERIFY(torch::allclose(b.targets.sum(1), torch::ones({24}), 1e-5, 1e-5));
        // Every crop trained on is one of the regions the teacher labelled: cut the
        // generation-time boxes of that image and find an equal crop.
        Normalizer norm(1, "dataset");
        for (int64_t j = 0; j < 4; ++j) {
            const int64_t image = order[j];
            auto x = data->image(image).permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat);
            auto labelled = norm(cropAndResizeMany(x, sampleImageCrops(g, image, 28, 28), 28));
            for (int64_t c = 0; c < 6; ++c) {
                auto trained = b.images[j * 6 + c];
                double best = 1e9;
                for (int64_t k = 0; k < 6; ++k) best = std::min(best, (labelled[k] - trained).abs().max().item<double>());
                // Boxes are stored as 16-bit shares: at most 1/65535 of the side off.
                QVERIFY2(best < 0.02, std::to_string(best).c_str());
            }
            QCOMPARE(b.labels[j * 6].item<int64_t>(), data->label(image));
        }
    }

    // The teacher's inputs are made ahead by workers: the store's bytes are the same for
    // any number of them (10 forward passes of 4 images here).
    void generatedStoreIsTheSameForAnyWorkerCount() {
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        auto data = writeTrainImages(d, 40);
        const Teacher teacher = randomTeacher(3);
        LabelGenerationOptions g;
        g.crops_per_image = 4;
        g.batch_size = 16;
        g.data_workers = 1;
        QVERIFY(generateLabels(*data, teacher, g, d + "/one.fkdl"));
        g.data_workers = 3;
        QVERIFY(generateLabels(*data, teacher, g, d + "/three.fkdl"));
        const std::string one = test::readFile(d + "/one.fkdl");
        QVERIFY(one.size() > 40 * 4 * 8);
        QVERIFY(one == test::readFile(d + "/three.fkdl"));
    }

    void bf16TeacherLabelsLikeFp32() {
        // `labels generate --precision bf16`: the teacher under autocast labels the same
        // boxes with probabilities within bf16's precision, and the header says so.
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        auto data = writeTrainImages(d, 32);
        const Teacher teacher = randomTeacher(2);
        LabelGenerationOptions g;
        g.crops_per_image = 4;
        g.topk = 4;
        g.type = LabelType::Full;
        QVERIFY(generateLabels(*data, teacher, g, d + "/fp32.fkdl"));
        g.precision = "bf16";
        QVERIFY(generateLabels(*data, teacher, g, d + "/bf16.fkdl"));
        LabelStore fp32(d + "/fp32.fkdl"), bf16(d + "/bf16.fkdl");
        QVERIFY(!fp32.info().generation.contains("precision"));
        QCOMPARE(bf16.info().generation.value("precision", ""), std::string("bf16"));
        double worst = 0;
        for (int64_t i = 0; i < 32; ++i)
            for (int c = 0; c < 4; ++c) {
                const CropLabel a = fp32.crop(i, c), b = bf16.crop(i, c);
                QCOMPARE(a.box.x, b.box.x);
                for (size_t k = 0; k < a.probs.size(); ++k) worst = std::max(worst, double(std::abs(a.probs[k] - b.probs[k])));
            }
        QVERIFY2(worst > 0, "bf16 made no difference: autocast did not act");
        QVERIFY2(worst < 0.05, qPrintable(QString("largest probability difference %1").arg(worst)));
    }

    void selfMixStaysInsideEachImage() {
        // Two images, three crops each; every crop is one constant value, every target one-hot.
        const int64_t n = 3, S = 16;
        auto images = torch::empty({2 * n, 1, S, S});
        auto targets = torch::zeros({2 * n, 6});
        for (int64_t r = 0; r < 2 * n; ++r) {
            images[r].fill_(float(r));
            targets[r][r] = 1.0f;
        }
        std::mt19937_64 rng(4);
        auto kept = applySelfMix(images, targets, n, {1.0, 1.0}, rng);
        for (int64_t r = 0; r < 2 * n; ++r) {
            const int64_t group = r / n, partner = group * n + (r % n + 1) % n;
            auto own = images[r].eq(float(r)).sum().item<int64_t>();
            auto pasted = images[r].eq(float(partner)).sum().item<int64_t>();
            QCOMPARE(own + pasted, S * S);  // nothing from another image
            // The label weights are the areas.
            QVERIFY(std::abs(targets[r][r].item<float>() - float(own) / float(S * S)) < 1e-6f);
            QVERIFY(std::abs(targets[r][partner].item<float>() - float(pasted) / float(S * S)) < 1e-6f);
            QVERIFY(std::abs(kept[r] - float(own) / float(S * S)) < 1e-6f);
            QVERIFY(std::abs(targets[r].sum().item<float>() - 1.0f) < 1e-6f);
        }
        QVERIFY(*std::min_element(kept.begin(), kept.end()) < 1.0f);  // something was mixed
    }

    void mixupAndCutMixMixLabelsByShare() {
        const int64_t B = 4, S = 16;
        for (bool cutmix : {false, true}) {
            auto images = torch::empty({B, 1, S, S});
            auto targets = torch::zeros({B, B});
            for (int64_t r = 0; r < B; ++r) {
                images[r].fill_(float(r));
                targets[r][r] = 1.0f;
            }
            MixupParams p;
            (cutmix ? p.cutmix_alpha : p.mixup_alpha) = 1.0;
            std::mt19937_64 rng(cutmix ? 3 : 9);
            const double lambda = applyMixup(images, targets, p, rng);
            QVERIFY(lambda > 0 && lambda < 1);
            for (int64_t r = 0; r < B; ++r) {
                const int64_t partner = B - 1 - r;  // the batch mixes with itself reversed
                if (cutmix) {
                    auto own = images[r].eq(float(r)).sum().item<double>();
                    QVERIFY(std::abs(own / double(S * S) - lambda) < 1e-9 || r == partner);
                } else {
                    QVERIFY(std::abs(images[r][0][0][0].item<double>() - (lambda * r + (1 - lambda) * partner)) < 1e-5);
                }
                QVERIFY(std::abs(targets[r].sum().item<double>() - 1.0) < 1e-6);
                if (r != partner) QVERIFY(std::abs(targets[r][r].item<double>() - lambda) < 1e-6);
            }
        }
    }

    void ferkdCalibratesHardCrops() {
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        const auto images = writeTrainImages(d, 8);
        const IdxDataset& data = *images;
        const std::string path = test::writeHandLabelStore(d + "/hand.fkdl", data, {0.9f, 0.05f, 0.5f, 0.2f, 0.7f});
        DistillConfig cfg;
        cfg.mode = "ferkd";
        cfg.labels = path;
        cfg.ferkd.rule = "paper";
        cfg.ferkd.t_low = 0.01;
        cfg.ferkd.t_mid = 0.1;
        cfg.ferkd.t_top = 1.0;
        cfg.ferkd.eps = 0.2;
        DistillTargets t(data, cfg);
        std::vector<float> row(4);
        const int64_t y = data.label(3);
        t.crop(3, 1, y, row.data());  // crop 1 (p = 0.05) is calibrated
        QVERIFY(std::abs(row[y] - (0.8f + 0.05f)) < 1e-6f);
        QVERIFY(std::abs(row[(y + 2) % 4] - 0.05f) < 1e-6f);
        t.crop(3, 0, y, row.data());  // p = 0.9: the teacher's label as stored
        QVERIFY(std::abs(row[y] - 0.9f) < 1e-3f);
        cfg.mode = "fkd";
        DistillTargets plain(data, cfg);
        plain.crop(3, 1, y, row.data());
        QVERIFY(std::abs(row[y] - 0.05f) < 1e-3f);
        cfg.labels = d + "/missing.fkdl";
        try {
            DistillTargets missing(data, cfg);
            QFAIL("no error");
        } catch (const ConfigError& e) {
            QCOMPARE(e.field(), std::string("distill.labels"));
        }
    }

    void rocAucCountsTiesHalf() {
        // 0.9 and 0.8 beat all three negatives; 0.3 beats two and ties one: 8.5 of 9 pairs.
        QVERIFY(std::abs(rocAuc({0.9f, 0.8f, 0.3f}, {0.1f, 0.3f, 0.05f}) - 8.5 / 9.0) < 1e-12);
        QCOMPARE(rocAuc({0.6f, 0.7f}, {0.1f, 0.2f}), 1.0);
        QCOMPARE(rocAuc({0.1f}, {0.6f, 0.7f}), 0.0);
        QCOMPARE(rocAuc({0.5f, 0.5f}, {0.5f}), 0.5);
        QVERIFY(std::isnan(rocAuc({}, {0.5f})) && std::isnan(rocAuc({0.5f}, {})));
    }

    // 28 px images with the object in [0, 7) x [0, 8); the hand-made store's crop c is
    // [2.8c, 2.8c + 14) x [2.8, 16.8), so it covers 0.65, 0.39, 0.13, 0, 0 of the object.
    // p(true class), exact in fp16, and the groups of t_low 0.1, t_mid 0.4, t_top 0.95:
    //   crop 0: 0.25 calibrated, most of it     crop 1: 0.5 teacher, partial
    //   crop 2: 0.125 calibrated, partial      crop 3: 0.0625 discarded-hard, no object
    //   crop 4: 0.375 calibrated, no object
    void miningQualityOnAHandMadeCase() {
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        auto base = writeTrainImages(d, 8);
        BoxedDataset data(base, ObjectBox{0, 0, 7, 8});
        const std::string path = test::writeHandLabelStore(d + "/mine.fkdl", data, {0.25f, 0.5f, 0.125f, 0.0625f, 0.375f});
        FerkdConfig rule;
        rule.rule = "paper";
        rule.t_low = 0.1;
        rule.t_mid = 0.4;
        rule.t_top = 0.95;
        DistillConfig cfg;
        cfg.mode = "ferkd";
        cfg.labels = path;
        cfg.ferkd = rule;
        const auto crops = mineCrops(data, DistillTargets(data, cfg));
        QCOMPARE(crops.size(), size_t(40));
        const double covered[5] = {0.65, 0.39, 0.13, 0, 0};
        for (int c = 0; c < 5; ++c) QVERIFY2(std::abs(crops[size_t(5 + c)].object_covered - covered[c]) < 1e-3, qPrintable(QString::number(c)));
        QVERIFY(std::abs(crops[0].crop_is_object - 36.4 / 196.0) < 1e-3);

        const MiningQuality m = measureMining(crops, rule, MiningSettings{});
        QCOMPARE(m.crops, int64_t(40));
        QCOMPARE(m.coverage, (CoverageCounts{16, 16, 8}));
        QCOMPARE(m.auc, 0.5);  // 0.25 against 0.0625 and 0.375
        QCOMPARE(m.hardPrecision(), 1.0);
        QVERIFY(std::abs(m.calibratedPrecision() - 2.0 / 3.0) < 1e-12);
        QCOMPARE(m.noObjectRecall(), 0.5);
        QCOMPARE(m.bins.size(), size_t(10));
        QCOMPARE(m.bins[0].crops, int64_t(16));
        QCOMPARE(m.bins[0].mean_p, 0.21875);
        QCOMPARE(m.bins[0].median_p, 0.21875);
        QCOMPARE(m.bins[0].q25_p, 0.0625);
        QCOMPARE(m.bins[0].q75_p, 0.375);
        QCOMPARE(m.bins[0].groups, (GroupCounts{8, 8, 0, 0}));
        QCOMPARE(m.bins[6].crops, int64_t(8));
        QCOMPARE(m.bins[6].mean_p, 0.25);
        QVERIFY(std::abs(m.bins[6].mean_crop_is_object - 36.4 / 196.0) < 1e-3);
        for (int b : {2, 4, 5, 7, 8, 9}) QCOMPARE(m.bins[size_t(b)].crops, int64_t(0));

        // A stricter "no object" cut moves crop 2 (0.13) out of partial.
        MiningSettings strict;
        strict.no_object_below = 0.2;
        QCOMPARE(measureMining(crops, rule, strict).coverage, (CoverageCounts{24, 8, 8}));

        // Stored with the statistics (same rule) and read back; the CSVs are whole.
        const LabelSetStats stats = computeLabelSetStats(data, path, rule);
        QVERIFY(stats.mining.has_value());
        QCOMPARE(stats.mining->coverage, m.coverage);
        ExperimentStore store(d + "/ws");
        store.saveLabelSet(labelSetRecord(path, stats, 0));
        const LabelSetStats back = labelSetStatsFrom(*store.labelSet(fs::absolute(path).lexically_normal().string()));
        QVERIFY(back.mining.has_value());
        QCOMPARE(back.mining->auc, 0.5);
        QCOMPARE(back.mining->group_coverage, m.group_coverage);
        QCOMPARE(back.mining->bins[0].median_p, 0.21875);
        QCOMPARE(back.mining->rule.t_mid, 0.4);
        writeMiningBinsCsv(d + "/bins.csv", m);
        QCOMPARE(QString::fromStdString(test::readFile(d + "/bins.csv")).count('\n'), 11);
        writeCropMiningCsv(d + "/crops.csv", crops);
        const QString all = QString::fromStdString(test::readFile(d + "/crops.csv"));
        QCOMPARE(all.count('\n'), 41);
        QVERIFY2(all.contains("\n0,3,0.062500,0.000000,0.000000,discarded-hard\n"), qPrintable(all.left(400)));

        // A data set without boxes has no mining, and asking for it names the data.
        QVERIFY(!computeLabelSetStats(*base, path, rule).mining.has_value());
        try {
            mineCrops(*base, DistillTargets(*base, cfg));
            QFAIL("no error");
        } catch (const ConfigError& e) {
            QCOMPARE(e.field(), std::string("data"));
        }
    }

    // Five crops per image with p(true class) exact in fp16, so the bins are known:
    // 0.0625 -> bin 1, 0.25 -> 5, 0.5 -> 10, 0.75 -> 15, 0.875 -> 17 of 20.
    void labelSetStatisticsGoToTheStore() {
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        const auto images = writeTrainImages(d, 8);
        const IdxDataset& data = *images;
        const std::string path =
            test::writeHandLabelStore(d + "/stats.fkdl", data, {0.0625f, 0.875f, 0.5f, 0.25f, 0.75f});

        FerkdConfig rule;
        rule.rule = "paper";
        rule.t_low = 0.1;   // 0.0625 discarded
        rule.t_mid = 0.3;   // 0.25 calibrated
        rule.t_top = 0.8;   // 0.875 discarded
        LabelSetStats s = computeLabelSetStats(data, path, rule);
        QCOMPARE(s.histogram.size(), size_t(20));
        for (int bin : {1, 5, 10, 15, 17}) QCOMPARE(s.histogram[bin], int64_t(8));
        QCOMPARE(s.crops(), int64_t(40));
        QCOMPARE(s.totals, (GroupCounts{8, 8, 16, 8}));
        QCOMPARE(s.crop_groups.size(), size_t(40));
        for (int64_t i = 0; i < 8; ++i) {
            QCOMPARE(CropGroup(s.crop_groups[i * 5 + 0]), CropGroup::DiscardedHard);
            QCOMPARE(CropGroup(s.crop_groups[i * 5 + 1]), CropGroup::DiscardedEasy);
            QCOMPARE(CropGroup(s.crop_groups[i * 5 + 3]), CropGroup::Calibrated);
            QCOMPARE(CropGroup(s.crop_groups[i * 5 + 4]), CropGroup::Teacher);
        }
        for (int c = 0; c < 4; ++c)
            if (s.class_crops[c] > 0) {
                QCOMPARE(s.share(c, CropGroup::Calibrated), 0.2);
                QCOMPARE(s.share(c, CropGroup::Teacher), 0.4);
            }
        FerkdConfig threshold;
        threshold.rule = "threshold";
        threshold.hard_threshold = 0.3;  // 0.0625 and 0.25
        QCOMPARE(computeLabelSetStats(data, path, threshold).totals[size_t(CropGroup::Calibrated)], int64_t(16));

        // The first images of the data set (train_limit) use the same records.
        QCOMPARE(computeLabelSetStats(*limitDataset(images, 3), path, rule).crops(), int64_t(15));

        ExperimentStore store(d + "/ws");
        const int64_t id = store.saveLabelSet(labelSetRecord(path, s, 0));
        QCOMPARE(store.saveLabelSet(labelSetRecord(path, s, 0)), id);  // same file: the row is replaced
        QCOMPARE(store.labelSets().size(), size_t(1));
        auto record = store.labelSet(store.labelSets()[0].path);
        QVERIFY(record.has_value());
        QCOMPARE(record->crops_per_image, int64_t(5));
        QCOMPARE(record->bytes, int64_t(LabelStore(path).fileBytes()));
        LabelSetStats back = labelSetStatsFrom(*record);
        QCOMPARE(back.histogram, s.histogram);
        QCOMPARE(back.class_groups, s.class_groups);
        QCOMPARE(back.totals, s.totals);
        QCOMPARE(back.crop_groups, s.crop_groups);
        QCOMPARE(back.rule.t_mid, 0.3);
        record->stats_json = "{\"format\": 2, \"rule\": 3}";
        QVERIFY_THROWS_EXCEPTION(Error, labelSetStatsFrom(*record));
        // Statistics an earlier version stored (three crop classes) say how to recompute them.
        record->stats_json = R"({"rule": {"hard_rule": "fraction"}, "totals": [1, 2, 3]})";
        try {
            labelSetStatsFrom(*record);
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("labels info") != std::string::npos, e.what());
        }
    }
};

FERKD_TEST_SUITE("labels", TestLabels)
#include "moc_test_labels.cpp"
