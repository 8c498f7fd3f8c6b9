// Data: IDX (gzip or not), image folders with damaged files, the packed form, crops.
#include <QtTest>
#include <sys/stat.h>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "batch/batch_builder.h"
#include "data/cluttered_dataset.h"
#include "data/crop_resize.h"
#include "data/dataset_factory.h"
#include "data/idx_dataset.h"
#include "data/image_folder_dataset.h"
#include "data/packed_dataset.h"
#include "data/validation_split.h"
#include "imaging/png_codec.h"
#include "test_suites.h"
#include <zlib.h>
#include "test_support.h"
#include "util/error.h"

using namespace ferkd;
namespace fs = std::filesystem;

namespace {
// 64 IDX training images of 4 classes written to `dir`, opened.
std::shared_ptr<IdxDataset> sixtyFourIdxImages(const std::string& dir) {
    test::writeIdxPair(dir, "train", 64, 4, false);
    std::string img, lbl;
    findIdxSplit(dir, "train", img, lbl);
    return std::make_shared<IdxDataset>(img, lbl);
}
}  // namespace

class TestData : public QObject {
    Q_OBJECT
private:
    // An image folder: a/ with good images of several kinds, b/ with good and damaged ones.
    static void makeImageFolder(const std::string& root) {
        fs::create_directories(root + "/b_class");
        fs::create_directories(root + "/a_class");
        cv::Mat rgb(20, 30, CV_8UC3, cv::Scalar(10, 120, 240));
        cv::imwrite(root + "/a_class/color.jpg", rgb);
        cv::imwrite(root + "/a_class/grey.png", cv::Mat(16, 16, CV_8UC1, cv::Scalar(77)));
        cv::imwrite(root + "/a_class/rgba.png", cv::Mat(8, 8, CV_8UC4, cv::Scalar(1, 2, 3, 128)));
        cv::imwrite(root + "/a_class/deep.png", cv::Mat(8, 8, CV_16UC1, cv::Scalar(65535)));
        cv::imwrite(root + "/b_class/bitmap.bmp", rgb);
        cv::imwrite(root + "/b_class/good.webp", rgb);
        // A JPEG cut in half: OpenCV would still decode part of it.
        cv::imwrite(root + "/b_class/whole.jpg", cv::Mat(64, 64, CV_8UC3, cv::Scalar(5, 5, 5)));
        std::string jpeg = test::readFile(root + "/b_class/whole.jpg");
        test::writeFile(root + "/b_class/truncated.jpg", jpeg.substr(0, jpeg.size() / 2));
        test::writeFile(root + "/b_class/empty.png", "");
        test::writeFile(root + "/b_class/notes.jpg", "this is a text file, not a JPEG\n");
    }

    // Whole files whose header lies about their size, a JPEG without its end marker, and
    // names with spaces and non-ASCII letters.
    static void addHostileFiles(const std::string& root) {
        cv::imwrite(root + "/a_class/naïve name with spaces.png", cv::Mat(8, 8, CV_8UC3, cv::Scalar(9, 9, 9)));
        std::string png = test::readFile(root + "/a_class/grey.png");
        for (int i = 16; i < 24; ++i) png[i] = i % 4 == 1 ? char(0x01) : i % 4 == 2 ? char(0x86) : i % 4 == 3 ? char(0xA0) : 0;
        test::writeFile(root + "/a_class/huge.png", png);  // IHDR: 100,000 x 100,000
        std::string jpeg = test::readFile(root + "/b_class/whole.jpg");
        test::writeFile(root + "/b_class/no-end-marker.jpg", jpeg.substr(0, jpeg.size() - 2));
        for (size_t at = 2; at + 9 <= jpeg.size();) {  // the frame header: 65,000 x 65,000
            const unsigned char marker = static_cast<unsigned char>(jpeg[at + 1]);
            if (marker == 0xC0 || marker == 0xC2) {
                jpeg[at + 5] = jpeg[at + 7] = char(0xFD);
                jpeg[at + 6] = jpeg[at + 8] = char(0xE8);
                break;
            }
            at += 2 + ((static_cast<unsigned char>(jpeg[at + 2]) << 8) | static_cast<unsigned char>(jpeg[at + 3]));
        }
        test::writeFile(root + "/b_class/huge.jpg", jpeg);
    }

private slots:
    void idxPlainAndGzipReadAlike() {
        QTemporaryDir dir;
        std::string plain = dir.filePath("plain").toStdString(), gz = dir.filePath("gz").toStdString();
        fs::create_directories(plain);
        fs::create_directories(gz);
        test::writeIdxPair(plain, "train", 30, 3, false);
        test::writeIdxPair(gz, "train", 30, 3, true);
        std::string img, lbl;
        QVERIFY(findIdxSplit(plain, "train", img, lbl));
        IdxDataset a(img, lbl);
        QVERIFY(findIdxSplit(gz, "train", img, lbl));
        IdxDataset b(img, lbl);
        QCOMPARE(a.size(), int64_t(30));
        QCOMPARE(a.numClasses(), 3);
        QVERIFY(torch::equal(a.stackedImages(), b.stackedImages()));
        QCOMPARE(a.label(4), int64_t(1));
        QCOMPARE(a.fingerprint(), b.fingerprint());
    }

    void idxTruncatedIsAClearError() {
        QTemporaryDir dir;
        std::string d = dir.path().toStdString();
        test::writeIdxPair(d, "train", 10, 2, false);
        std::string path = d + "/train-images-idx3-ubyte";
        std::string bytes = test::readFile(path);
        test::writeFile(path, bytes.substr(0, bytes.size() - 100));
        try {
            IdxDataset(path, d + "/train-labels-idx1-ubyte");
            QFAIL("no error");
        } catch (const FileError& e) {
            QVERIFY2(QString(e.what()).contains("train-images-idx3-ubyte") && QString(e.what()).contains("truncated"),
                     e.what());
        }
    }

    void fashionMnistFromDebian() {
        if (!fs::exists(kFashionMnistDir)) QSKIP("dataset-fashion-mnist is not installed");
        DataSplits s = openDataSplits("fashion-mnist");
        QCOMPARE(s.train->size(), int64_t(60000));
        QCOMPARE(s.test->size(), int64_t(10000));
        QCOMPARE(s.train->classes().at(9), std::string("Ankle boot"));
        QCOMPARE(s.train->report().per_class.at(0), int64_t(6000));
    }

    void imageFolderLeavesOutDamagedFiles() {
        QTemporaryDir dir;
        std::string root = dir.path().toStdString();
        makeImageFolder(root);
        ImageFolderDataset d(root);
        QCOMPARE(d.classes(), (std::vector<std::string>{"a_class", "b_class"}));
        QCOMPARE(d.size(), int64_t(7));  // 4 + bitmap, webp, whole
        const auto& problems = d.report().problems;
        QCOMPARE(int(problems.size()), 3);
        std::map<std::string, std::string> why;
        for (const auto& p : problems) why[fs::path(p.file).filename().string()] = p.reason;
        QVERIFY(QString::fromStdString(why["truncated.jpg"]).contains("truncated JPEG"));
        QVERIFY(QString::fromStdString(why["empty.png"]).contains("empty file"));
        QVERIFY(QString::fromStdString(why["notes.jpg"]).contains("not an image"));
        for (int64_t i = 0; i < d.size(); ++i) {
            auto img = d.image(i);
            QCOMPARE(img.size(2), int64_t(3));
            QCOMPARE(img.scalar_type(), torch::kUInt8);
        }
    }

    void hostileImageFilesAreLeftOutWithTheReason() {
        QTemporaryDir dir;
        std::string root = dir.path().toStdString();
        makeImageFolder(root);
        addHostileFiles(root);
        ImageFolderDataset d(root, /*decodeAll=*/true);
        QCOMPARE(d.size(), int64_t(8));  // the 7 good ones and the one with spaces in its name
        std::map<std::string, std::string> why;
        for (const auto& p : d.report().problems) why[fs::path(p.file).filename().string()] = p.reason;
        QCOMPARE(int(why.size()), 6);
        QVERIFY2(QString::fromStdString(why["huge.png"]).contains("implausible image size 100000x100000"), why["huge.png"].c_str());
        QVERIFY2(QString::fromStdString(why["huge.jpg"]).contains("implausible image size 65000x65000"), why["huge.jpg"].c_str());
        QVERIFY(QString::fromStdString(why["no-end-marker.jpg"]).contains("no end-of-image marker"));
        bool named = false;
        for (int64_t i = 0; i < d.size(); ++i) named |= d.name(i) == "a_class/naïve name with spaces.png";
        QVERIFY(named);

        // A named pipe and a dangling link with image names are reported, never opened.
        QCOMPARE(::mkfifo((root + "/a_class/pipe.jpg").c_str(), 0600), 0);
        fs::create_symlink(root + "/a_class/gone.png", root + "/b_class/dangling.png");
        ImageFolderDataset again(root, /*decodeAll=*/true);
        QCOMPARE(again.size(), int64_t(8));
        why.clear();
        for (const auto& p : again.report().problems) why[fs::path(p.file).filename().string()] = p.reason;
        QVERIFY2(QString::fromStdString(why["pipe.jpg"]).contains("named pipe"), why["pipe.jpg"].c_str());
        QVERIFY2(QString::fromStdString(why["dangling.png"]).contains("does not exist"), why["dangling.png"].c_str());
    }

    void imageFolderConvertsToRgb8() {
        QTemporaryDir dir;
        std::string root = dir.path().toStdString();
        makeImageFolder(root);
        ImageFolderDataset d(root, /*decodeAll=*/true);
        std::map<std::string, torch::Tensor> byName;
        for (int64_t i = 0; i < d.size(); ++i) byName[fs::path(d.file(i)).filename().string()] = d.image(i);
        QCOMPARE(byName["grey.png"][0][0][1].item<int>(), 77);
        QCOMPARE(byName["deep.png"][0][0][0].item<int>(), 255);  // 16-bit white stays white
        QCOMPARE(byName["rgba.png"][0][0][0].item<int>(), 3);    // BGRA (1,2,3) -> R = 3
        QCOMPARE(byName["bitmap.bmp"][0][0][0].item<int>(), 240);  // BGR (10,120,240) -> R = 240
    }

    void emptyFolderIsAClearError() {
        QTemporaryDir dir;
        try {
            openDataSplits(dir.path().toStdString());
            QFAIL("no error");
        } catch (const FileError& e) {
            QVERIFY(QString(e.what()).contains("no class folders"));
        }
    }

    void packedRoundTripAndTruncation() {
        QTemporaryDir dir;
        std::string d = dir.path().toStdString();
        test::writeIdxPair(d, "train", 40, 4, true);
        std::string img, lbl;
        findIdxSplit(d, "train", img, lbl);
        IdxDataset src(img, lbl);
        std::string packed = d + "/out/train.fkpack";
        writePackedDataset(src, packed, {});
        PackedDataset p(packed, /*verifyChecksum=*/true);
        QCOMPARE(p.size(), src.size());
        QVERIFY(torch::equal(p.stackedImages(), src.stackedImages()));
        for (int64_t i = 0; i < p.size(); ++i) QCOMPARE(p.label(i), src.label(i));

        // Resized packing keeps the count and gives the asked size.
        writePackedDataset(src, d + "/out14.fkpack", {14});
        QCOMPARE(PackedDataset(d + "/out14.fkpack").image(0).size(0), int64_t(14));

        std::string bytes = test::readFile(packed);
        test::writeFile(d + "/cut.fkpack", bytes.substr(0, bytes.size() - 500));
        QVERIFY_THROWS_EXCEPTION(FileError, PackedDataset(d + "/cut.fkpack"));
        bytes[bytes.size() - 100] ^= 0x5a;  // one flipped pixel
        test::writeFile(d + "/flip.fkpack", bytes);
        PackedDataset unverified(d + "/flip.fkpack");  // structure is fine
        QVERIFY_THROWS_EXCEPTION(FileError, PackedDataset(d + "/flip.fkpack", true));
    }

    void cropAndResizeBoxesAndFlips() {
        auto img = torch::arange(16, torch::kFloat).view({1, 1, 4, 4});
        // The whole image, same size: unchanged.
        QVERIFY(torch::equal(cropAndResize(img, {CropBox{}}, 4), img));
        // Flip reverses columns.
        CropBox flip;
        flip.flip = true;
        QVERIFY(torch::allclose(cropAndResize(img, {flip}, 4), img.flip({3})));
        // The top-left quarter at its own size picks those pixels exactly.
        CropBox quarter{0, 0, 0.5f, 0.5f, false};
        auto q = cropAndResize(img, {quarter}, 2);
        QVERIFY(torch::allclose(q, img.narrow(2, 0, 2).narrow(3, 0, 2)));
        // A one-pixel shift (the pad crop) moves content and fills zeros.
        CropBox shift{0.25f, 0, 1, 1, false};
        auto s = cropAndResize(img, {shift}, 4);
        QVERIFY(torch::allclose(s.narrow(3, 0, 3), img.narrow(3, 1, 3)));
        QCOMPARE(s[0][0][0][3].item<float>(), 0.0f);
    }

    void randomResizedCropStaysInside() {
        std::mt19937_64 rng(3);
        RandomResizedCropParams p;
        for (int i = 0; i < 500; ++i) {
            CropBox b = sampleRandomResizedCrop(rng, 300, 200, p);
            QVERIFY(b.x >= 0 && b.y >= 0 && b.x + b.w <= 1.0001f && b.y + b.h <= 1.0001f);
            double area = double(b.w) * b.h;
            QVERIFY(area >= 0.07 && area <= 1.0001);
        }
    }

    void validationSplitIsHeldOutOfTraining() {
        const TrainValSplit a = splitForValidation(100, 0.2, 7), b = splitForValidation(100, 0.2, 7);
        QCOMPARE(a.val.size(), size_t(20));
        QCOMPARE(a.train.size(), size_t(80));
        QCOMPARE(a.val, b.val);  // one seed, one split
        QVERIFY(a.val != splitForValidation(100, 0.2, 8).val);
        std::vector<int64_t> all = a.train;
        all.insert(all.end(), a.val.begin(), a.val.end());
        std::sort(all.begin(), all.end());
        QCOMPARE(all.size(), size_t(100));
        QVERIFY(std::adjacent_find(all.begin(), all.end()) == all.end());  // disjoint, and together every image
        QCOMPARE(splitForValidation(100, 15, 7).val.size(), size_t(15));   // a count
        QCOMPARE(splitForValidation(100, 0, 7).train.size(), size_t(100));  // none
        for (double bad : {-0.1, 100.0, 150.0, 0.001}) {
            try {
                splitForValidation(100, bad, 7);
                QFAIL(qPrintable(QString("no error for %1").arg(bad)));
            } catch (const ConfigError& e) {
                QCOMPARE(e.field(), std::string("data.val_split"));
            }
        }
        // Training draws only the training images, in every epoch.
        QTemporaryDir dir;
        std::string d = dir.path().toStdString();
        auto ds = sixtyFourIdxImages(d);
        RunConfig c = test::smallRunConfig(d);
        c.schedule.batch_size = 8;
        const TrainValSplit split = splitForValidation(ds->size(), 0.25, 3);
        BatchBuilder builder(ds, c);
        builder.setTrainingImages(split.train);
        QCOMPARE(builder.stepsPerEpoch(), int64_t(6));
        for (int64_t epoch = 0; epoch < 5; ++epoch) {
            auto order = builder.epochOrder(epoch);
            std::sort(order.begin(), order.end());
            QCOMPARE(order, split.train);
        }
        // The run's data: the held-out images are a data set of their own, with their labels.
        test::writeIdxPair(d, "t10k", 16, 4, false);
        c.data.val_split = 0.25;
        c.data.val_seed = 3;
        c.data.train_limit = 0;
        const DataSplits run = openRunData(c.data);
        QCOMPARE(run.train_images, split.train);
        QCOMPARE(run.val->size(), int64_t(16));
        for (int64_t i = 0; i < 16; ++i) {
            QCOMPARE(run.val->label(i), ds->label(split.val[i]));
            QVERIFY(torch::equal(run.val->image(i), ds->image(split.val[i])));
        }
    }

    void batchesAreAPureFunctionOfSeedEpochStep() {
        QTemporaryDir dir;
        std::string d = dir.path().toStdString();
        auto ds = sixtyFourIdxImages(d);
        RunConfig c = test::smallRunConfig(d);
        c.schedule.batch_size = 16;
        BatchBuilder a(ds, c), b(ds, c);
        auto orderA = a.epochOrder(1), orderB = b.epochOrder(1);
        QCOMPARE(orderA, orderB);
        QVERIFY(orderA != a.epochOrder(2));
        Batch x = a.trainBatch(orderA, 1, 2), y = b.trainBatch(orderB, 1, 2);
        QVERIFY(torch::equal(x.images, y.images));
        QVERIFY(torch::equal(x.labels, y.labels));
        QCOMPARE(x.images.sizes(), (torch::IntArrayRef{16, 1, 28, 28}));
        QCOMPARE(a.stepsPerEpoch(), int64_t(4));
    }

    // Data parallel: the slices of ranks 0..n-1 together are the one-process batch, crop,
    // flip and RandAugment of every image included.
    void rankSlicesMakeTheWholeBatch() {
        QTemporaryDir dir;
        std::string d = dir.path().toStdString();
        auto ds = sixtyFourIdxImages(d);
        RunConfig c = test::smallRunConfig(d);
        c.schedule.batch_size = 16;
        c.augment.crop = "rrc";
        c.augment.randaug_ops = 2;
        BatchBuilder whole(ds, c), first(ds, c, nullptr, {0, 2}), second(ds, c, nullptr, {1, 2});
        QCOMPARE(first.shardBatchSize(), int64_t(8));
        QCOMPARE(first.stepsPerEpoch(), whole.stepsPerEpoch());
        const auto order = whole.epochOrder(3);
        for (int64_t step = 0; step < whole.stepsPerEpoch(); ++step) {
            Batch all = whole.trainBatch(order, 3, step), a = first.trainBatch(order, 3, step),
                  b = second.trainBatch(order, 3, step);
            QCOMPARE(a.images.size(0), int64_t(8));
            QVERIFY(torch::equal(torch::cat({a.images, b.images}), all.images));
            QVERIFY(torch::equal(torch::cat({a.labels, b.labels}), all.labels));
        }
        try {
            BatchBuilder odd(ds, c, nullptr, {0, 3});
            QFAIL("a batch of 16 was split over 3 processes");
        } catch (const ConfigError& e) {
            QCOMPARE(e.field(), std::string("schedule.batch_size"));
        }
    }

    // make-cluttered: the stored box is exactly where the object's pixels went, and the
    // same seed makes the same bytes.
    void clutteredBoxIsWhereThePixelsWent() {
        QTemporaryDir dir;
        auto source = sixtyFourIdxImages(dir.path().toStdString());
        ClutterOptions o;
        o.canvas = 48;
        o.scale_min = o.scale_max = 1.0;  // pasted as they are, for an exact pixel check
        o.fragments = 0;
        ClutteredDataset plain(source, o, "train");
        for (int64_t i : {0, 5, 63}) {
            const torch::Tensor canvas = plain.image(i), object = source->image(i);
            QCOMPARE(canvas.size(0), int64_t(48));
            const ObjectBox box = *plain.objectBox(i);
            // The source's own box of non-black pixels, moved to where the canvas holds it.
            const auto nz = torch::nonzero(object.sum(2));
            const int sy0 = int(nz.select(1, 0).min().item<int64_t>()), sx0 = int(nz.select(1, 1).min().item<int64_t>());
            const int sy1 = int(nz.select(1, 0).max().item<int64_t>()) + 1, sx1 = int(nz.select(1, 1).max().item<int64_t>()) + 1;
            QCOMPARE(box.width(), sx1 - sx0);
            QCOMPARE(box.height(), sy1 - sy0);
            const int top = box.y0 - sy0, left = box.x0 - sx0;
            QVERIFY(top >= 0 && left >= 0 && top + 28 <= 48 && left + 28 <= 48);
            QVERIFY(torch::equal(canvas.narrow(0, top, 28).narrow(1, left, 28), object));
            QCOMPARE(canvas.sum().item<int64_t>(), object.sum().item<int64_t>());  // nothing else on the canvas
        }

        // Clutter and scaling: deterministic per seed, different for another seed or split.
        ClutterOptions busy;
        busy.seed = 7;
        ClutteredDataset a(source, busy, "train"), b(source, busy, "train"), test(source, busy, "test");
        busy.seed = 8;
        ClutteredDataset other(source, busy, "train");
        QVERIFY(torch::equal(a.image(3), b.image(3)));
        QCOMPARE(*a.objectBox(3), *b.objectBox(3));
        QVERIFY(!torch::equal(a.image(3), other.image(3)));
        QVERIFY(!torch::equal(a.image(3), test.image(3)));
        for (int64_t i = 0; i < a.size(); ++i) {
            const ObjectBox box = *a.objectBox(i);
            QVERIFY(box.x0 >= 0 && box.y0 >= 0 && box.x1 <= 48 && box.y1 <= 48 && box.area() > 0);
            QVERIFY(box.width() <= 34 && box.height() <= 34);  // 28 x scale_max 1.2
        }

        // Packed with their boxes: the same bytes twice, the boxes read back, the settings kept.
        PackOptions options;
        options.generation_json = a.report().generation;
        const std::string p1 = dir.filePath("a.fkpack").toStdString(), p2 = dir.filePath("b.fkpack").toStdString();
        writePackedDataset(a, p1, options);
        writePackedDataset(b, p2, options);
        QCOMPARE(test::readFile(p1), test::readFile(p2));
        PackedDataset packed(p1, /*verifyChecksum=*/true);
        for (int64_t i = 0; i < a.size(); ++i) {
            QCOMPARE(*packed.objectBox(i), *a.objectBox(i));
            QVERIFY(torch::equal(packed.image(i), a.image(i)));
        }
        QVERIFY(packed.report().generation.find("\"canvas\":48") != std::string::npos);
        const std::string plainPack = dir.filePath("plain.fkpack").toStdString();  // a set without boxes: version 1
        writePackedDataset(*source, plainPack, {});
        QVERIFY(!PackedDataset(plainPack).objectBox(0));
        QVERIFY(test::readFile(plainPack).find("\"version\":1") != std::string::npos);
        // A subset (validation split) keeps the boxes of its images.
        auto shared = std::make_shared<PackedDataset>(p1);
        QCOMPARE(*subsetDataset(shared, {9, 2}, "t")->objectBox(1), *a.objectBox(2));

        // Settings that cannot work are refused naming the option.
        ClutterOptions small;
        small.canvas = 30;  // 28 x 1.2 = 34 does not fit
        try {
            ClutteredDataset bad(source, small, "train");
            QFAIL("no error");
        } catch (const ConfigError& e) {
            QCOMPARE(e.field(), std::string("canvas"));
        }
    }

    // Coverage on a hand-made case: a 4 x 4 object at (2, 2) in a 10 x 10 image.
    void cropCoverageOfTheObject() {
        const ObjectBox box{2, 2, 6, 6};
        BoxOverlap o = overlapOf(CropBox{0, 0, 0.4f, 0.4f}, box, 10, 10);  // pixels [0, 4) x [0, 4)
        QVERIFY(std::abs(o.object_covered - 4.0 / 16) < 1e-6);
        QVERIFY(std::abs(o.crop_is_object - 4.0 / 16) < 1e-6);
        o = overlapOf(CropBox{0, 0, 1, 1}, box, 10, 10);
        QVERIFY(std::abs(o.object_covered - 1.0) < 1e-6);
        QVERIFY(std::abs(o.crop_is_object - 0.16) < 1e-6);
        o = overlapOf(CropBox{0.7f, 0.7f, 0.3f, 0.3f}, box, 10, 10);  // no overlap
        QCOMPARE(o.object_covered, 0.0);
        QCOMPARE(o.crop_is_object, 0.0);
        o = overlapOf(CropBox{0.3f, 0.3f, 0.2f, 0.2f}, box, 10, 10);  // inside the object
        QVERIFY(std::abs(o.object_covered - 0.25) < 1e-6);
        QVERIFY(std::abs(o.crop_is_object - 1.0) < 1e-6);
    }

    // An image folder's boxes.csv: boxes by image, and clear errors naming file and line.
    void imageFolderBoxesSideFile() {
        QTemporaryDir dir;
        const std::string root = dir.filePath("boxed").toStdString();
        fs::create_directories(root + "/cat");
        fs::create_directories(root + "/dog");
        cv::imwrite(root + "/cat/a.png", cv::Mat(20, 30, CV_8UC3, cv::Scalar(1, 2, 3)));
        cv::imwrite(root + "/dog/b,1.png", cv::Mat(20, 30, CV_8UC3, cv::Scalar(4, 5, 6)));
        const std::string csv = root + "/boxes.csv";
        test::writeFile(csv, "file,x0,y0,x1,y1\ncat/a.png,1,2,11,12\ndog/b,1.png,0,0,30,20\n");
        {
            ImageFolderDataset d(root, /*decodeAll=*/true);
            QCOMPARE(*d.objectBox(0), (ObjectBox{1, 2, 11, 12}));
            QCOMPARE(*d.objectBox(1), (ObjectBox{0, 0, 30, 20}));  // a comma in the name
        }
        auto expectError = [&](const std::string& content, const std::string& needle) {
            test::writeFile(csv, content);
            try {
                ImageFolderDataset d(root, /*decodeAll=*/true);
                QFAIL(("no error for " + needle).c_str());
            } catch (const FileError& e) {
                const std::string what = e.what();
                QVERIFY2(what.find("boxes.csv") != std::string::npos && what.find(needle) != std::string::npos,
                         what.c_str());
            }
        };
        expectError("file,x0,y0,x1,y1\ncat/a.png,1,2,11,12\ndog/b,1.png,0,0,31,20\n", "line 3: the box 0,0,31,20");
        expectError("file,x0,y0,x1,y1\ncat/a.png,1,2,eleven,12\n", "line 2: x1 'eleven'");
        expectError("file,x0,y0,x1,y1\ncat/a.png,1,2\n", "line 2: expected file,x0,y0,x1,y1");
        expectError("file,x0,y0,x1,y1\ncat/a.png,5,2,5,12\n", "line 2: the box of cat/a.png is empty");
        expectError("file,x0,y0,x1,y1\ncat/a.png,1,2,3,4\ncat/a.png,1,2,3,4\n", "line 3: cat/a.png has a box");
        expectError("file,x0,y0,x1,y1\ncat/none.png,1,2,3,4\n", "line 2: cat/none.png is not a readable image");
        expectError("name,box\n", "line 1: expected the header");
        // Without decodeAll the bounds are checked when the image is decoded.
        test::writeFile(csv, "file,x0,y0,x1,y1\ncat/a.png,1,2,11,21\n");
        ImageFolderDataset lazy(root);
        QVERIFY_THROWS_EXCEPTION(FileError, lazy.image(0));
        QVERIFY(!lazy.objectBox(1));  // no line for it
        // Packing needs a box for every image or for none.
        for (const char* lines : {"cat/a.png,1,2,11,12\n", "dog/b,1.png,0,0,30,20\n"}) {
            test::writeFile(csv, std::string("file,x0,y0,x1,y1\n") + lines);
            try {
                writePackedDataset(ImageFolderDataset(root), dir.filePath("part.fkpack").toStdString(), {32});
                QFAIL("no error");
            } catch (const Error& e) {
                QVERIFY2(std::string(e.what()).find("object box, while the first image has") != std::string::npos,
                         e.what());
            }
            QVERIFY(!fs::exists(dir.filePath("part.fkpack").toStdString()));  // nothing half-written
        }
    }

    // The server's PNGs (imaging/png_codec.h) against libpng, through OpenCV, both ways:
    // libpng picks a row filter per row, so its files exercise all five.
    void pngReadsAndWritesWhatLibpngDoes() {
        for (int channels : {1, 3}) {
            cv::Mat noise(37, 53, channels == 1 ? CV_8UC1 : CV_8UC3);
            cv::randu(noise, 0, 256);
            cv::Mat picture = noise.clone();  // smooth rows too: libpng filters them with sub, up, average, paeth
            for (int y = 0; y < picture.rows; ++y)
                for (int x = 0; x < picture.cols * channels; ++x)
                    picture.ptr<uint8_t>(y)[x] = uint8_t((x * 3 + y * 5 + (noise.ptr<uint8_t>(y)[x] & 7)) & 255);
            for (const cv::Mat& image : {noise, picture}) {
                cv::Mat rgb;
                if (channels == 3) cv::cvtColor(image, rgb, cv::COLOR_BGR2RGB); else rgb = image;
                ImagePixels pixels{image.rows, image.cols, channels,
                                   std::vector<uint8_t>(rgb.data, rgb.data + rgb.total() * rgb.elemSize())};
                std::vector<uint8_t> libpng;
                QVERIFY(cv::imencode(".png", image, libpng));
                const ImagePixels decoded = decodePng(std::string(libpng.begin(), libpng.end()), "libpng's");
                QCOMPARE(decoded.width, pixels.width);
                QCOMPARE(decoded.height, pixels.height);
                QCOMPARE(decoded.channels, channels);
                QVERIFY(decoded.data == pixels.data);
                const std::string ours = encodePng(pixels);
                const cv::Mat back = cv::imdecode(cv::Mat(1, int(ours.size()), CV_8UC1, const_cast<char*>(ours.data())),
                                                  cv::IMREAD_UNCHANGED);
                QCOMPARE(back.rows, image.rows);
                QCOMPARE(back.channels(), channels);
                QCOMPARE(cv::norm(back, image, cv::NORM_INF), 0.0);
            }
        }
    }

    void damagedPngIsAClearError() {
        const std::string png = encodePng(ImagePixels{4, 4, 3, std::vector<uint8_t>(48, 7)});
        for (const std::string& bad : {png.substr(0, png.size() - 20), std::string("GIF89a") + png.substr(6),
                                       png.substr(0, 40) + char(png[40] ^ 1) + png.substr(41)}) {
            try {
                decodePng(bad, "image 3");
                QFAIL("no error");
            } catch (const Error& e) {
                QVERIFY2(QString(e.what()).startsWith("image 3: not a PNG"), e.what());
            }
        }
        QVERIFY_THROWS_EXCEPTION(Error, encodePng(ImagePixels{2, 2, 4, std::vector<uint8_t>(16)}));
        // A header that claims 8,000 x 8,000 over a few bytes of data is refused before the
        // 192 MB it names are allocated; so is one with an unknown compression method.
        const std::string small = encodePng(ImagePixels{1, 1, 3, std::vector<uint8_t>(3, 1)});
        auto withHeader = [&](uint32_t side, char compression) {
            std::string header("IHDR", 4);
            for (int shift : {24, 16, 8, 0}) header.push_back(char((side >> shift) & 0xff));
            for (int shift : {24, 16, 8, 0}) header.push_back(char((side >> shift) & 0xff));
            header += {char(8), char(2), compression, 0, 0};
            std::string png = small;
            png.replace(12, 17, header);
            const uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(png.data() + 12), 17);
            for (int k = 0; k < 4; ++k) png[29 + k] = char((crc >> (24 - 8 * k)) & 0xff);
            return png;
        };
        for (const auto& [bad, why] : {std::pair{withHeader(8000, 0), "too short"}, std::pair{withHeader(1, 1), "compression"}}) {
            try {
                decodePng(bad, "image 4");
                QFAIL("no error");
            } catch (const Error& e) {
                QVERIFY2(QString(e.what()).contains(why), e.what());
            }
        }
    }
};

FERKD_TEST_SUITE("data", TestData)
#include "moc_test_data.cpp"
