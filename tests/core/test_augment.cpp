// RandAugment (timm's "increasing" operation set, Table 2's m9 mstd0.5): each
// operation against hand-computed pixels, identities at zero magnitude, and its place
// in the batch pipeline (training batches only, reproducible per step).
#include <QtTest>

#include "batch/batch_builder.h"
#include "data/dataset_factory.h"
#include "data/rand_augment.h"
#include "test_suites.h"
#include "test_support.h"

using namespace ferkd;

namespace {

torch::Tensor randomPixels(int64_t n, int64_t c, int64_t size, uint64_t seed) {
    torch::manual_seed(seed);
    return torch::randint(0, 256, {n, c, size, size}).to(torch::kFloat);
}

bool sameImages(const torch::Tensor& a, const torch::Tensor& b) { return a.sizes() == b.sizes() && torch::equal(a, b); }

}  // namespace

class TestAugment : public QObject {
    Q_OBJECT
private slots:
    void zeroMagnitudeLeavesImagesAlone() {
        auto x = randomPixels(3, 3, 20, 1);
        for (auto op : {RandAugmentOp::Rotate, RandAugmentOp::ShearX, RandAugmentOp::ShearY, RandAugmentOp::TranslateX,
                        RandAugmentOp::TranslateY, RandAugmentOp::Color, RandAugmentOp::Contrast,
                        RandAugmentOp::Brightness, RandAugmentOp::Sharpness, RandAugmentOp::Solarize,
                        RandAugmentOp::SolarizeAdd}) {
            auto y = applyRandAugmentOp(op, x, {0.0, 0.0, 0.0});
            QVERIFY2(sameImages(y, x), randAugmentOpName(op));
        }
        QVERIFY(sameImages(applyRandAugmentOp(RandAugmentOp::Invert, applyRandAugmentOp(RandAugmentOp::Invert, x, {0, 0, 0}),
                                         {0, 0, 0}), x));
    }

    void everyOperationKeepsPixelsInRange() {
        auto x = randomPixels(4, 3, 16, 2);
        for (int op = 0; op < kRandAugmentOpCount; ++op) {
            auto y = applyRandAugmentOp(static_cast<RandAugmentOp>(op), x, {9.0, -9.0, 4.5, 10.0});
            QVERIFY2(y.sizes() == x.sizes(), randAugmentOpName(RandAugmentOp(op)));
            QVERIFY2(y.min().item<float>() >= 0 && y.max().item<float>() <= 255, randAugmentOpName(RandAugmentOp(op)));
            QVERIFY2(sameImages(y, y.round()), randAugmentOpName(RandAugmentOp(op)));  // integral, as PIL's uint8
        }
    }

    // TranslateXRel at magnitude 10 moves by 0.45 of the width: out(x) = in(x + 9) on a
    // 20 px image, and what comes in from outside is grey (128).
    void translateMovesByTheShareOfTheWidth() {
        auto x = torch::zeros({1, 1, 20, 20});
        x[0][0][5][12] = 255;
        auto y = applyRandAugmentOp(RandAugmentOp::TranslateX, x, {10.0});
        QCOMPARE(y[0][0][5][3].item<float>(), 255.0f);
        QCOMPARE(y[0][0][5][0].item<float>(), 0.0f);
        QCOMPARE(y[0][0][5][12].item<float>(), 128.0f);  // 12 + 9 >= 20: from outside
        auto back = applyRandAugmentOp(RandAugmentOp::TranslateY, x, {-10.0});  // out(y) = in(y - 9)
        QCOMPARE(back[0][0][14][12].item<float>(), 255.0f);
    }

    // ShearX as PIL's affine (1, s, 0, 0, 1, 0): out(x, y) = in(x + s * y, y), s = 0.3 at 10.
    void shearFollowsPil() {
        auto x = torch::zeros({1, 1, 20, 20});
        x[0][0][10][13] = 255;
        auto y = applyRandAugmentOp(RandAugmentOp::ShearX, x, {10.0});
        QCOMPARE(y[0][0][10][10].item<float>(), 255.0f);  // 10 + 0.3 * 10 = 13
    }

    void pointOperationsMatchPil() {
        auto x = torch::full({1, 1, 4, 4}, 200.0f);
        x[0][0][0][0] = 20;
        // Solarize at 5: invert pixels >= 256 - 128.
        auto s = applyRandAugmentOp(RandAugmentOp::Solarize, x, {5.0});
        QCOMPARE(s[0][0][1][1].item<float>(), 55.0f);
        QCOMPARE(s[0][0][0][0].item<float>(), 20.0f);
        // SolarizeAdd at 10: +110 below 128.
        auto a = applyRandAugmentOp(RandAugmentOp::SolarizeAdd, x, {10.0});
        QCOMPARE(a[0][0][0][0].item<float>(), 130.0f);
        QCOMPARE(a[0][0][1][1].item<float>(), 200.0f);
        // Posterize at 5 keeps 4 - 2 = 2 bits.
        auto p = applyRandAugmentOp(RandAugmentOp::Posterize, randomPixels(1, 1, 8, 3), {5.0});
        QVERIFY(torch::all(torch::fmod(p, 64) == 0).item<bool>());
        // Brightness at 10: factor 1.9, clipped.
        auto b = applyRandAugmentOp(RandAugmentOp::Brightness, x, {10.0});
        QCOMPARE(b[0][0][0][0].item<float>(), 38.0f);
        QCOMPARE(b[0][0][1][1].item<float>(), 255.0f);
        // AutoContrast stretches [50, 150] to [0, 255].
        auto ramp = torch::linspace(50, 150, 16).view({1, 1, 4, 4});
        auto ac = applyRandAugmentOp(RandAugmentOp::AutoContrast, ramp, {0.0});
        QCOMPARE(ac.min().item<float>(), 0.0f);
        QCOMPARE(ac.max().item<float>(), 255.0f);
    }

    // PIL's equalize on 1024 pixels, half 50 and half 200: step = 512 // 255 = 2, so
    // 50 -> 1 // 2 = 0 and 200 -> (1 + 512) // 2 = 256, clipped to 255.
    void equalizeFollowsPil() {
        auto x = torch::full({1, 1, 32, 32}, 50.0f);
        x.narrow(2, 16, 16).fill_(200.0f);
        auto y = applyRandAugmentOp(RandAugmentOp::Equalize, x, {0.0});
        QCOMPARE(y[0][0][0][0].item<float>(), 0.0f);
        QCOMPARE(y[0][0][31][0].item<float>(), 255.0f);
    }

    void greyImagesKeepTheirColour() {
        auto x = randomPixels(2, 1, 12, 4);
        QVERIFY(sameImages(applyRandAugmentOp(RandAugmentOp::Color, x, {9.0, -9.0}), x));
    }

    void batchAugmentationIsSeeded() {
        auto x = randomPixels(16, 3, 16, 5);
        RandAugmentParams params{2, 9, 0.5};
        std::mt19937_64 a(7), b(7), c(8);
        auto ya = applyRandAugment(x, params, a), yb = applyRandAugment(x, params, b), yc = applyRandAugment(x, params, c);
        QVERIFY(sameImages(ya, yb));
        QVERIFY(!sameImages(ya, yc));
        QVERIFY(!sameImages(ya, x));
        // Each image drew two operations with probability 0.5 each: about a quarter stay.
        int unchanged = 0;
        for (int64_t i = 0; i < 16; ++i) unchanged += sameImages(ya[i], x[i]);
        QVERIFY(unchanged < 12);
        std::mt19937_64 d(7);
        QVERIFY(sameImages(applyRandAugment(x, RandAugmentParams{}, d), x));  // num_ops 0: off
    }

    void onlyTrainingBatchesAreAugmented() {
        RunConfig plain = test::smallRunConfig();
        RunConfig augmented = plain;
        augmented.augment.randaug_ops = 2;
        auto data = openDataSplits(plain.data.path).train;
        auto small = limitDataset(data, 64);
        BatchBuilder p(small, plain), a(small, augmented);
        auto order = p.epochOrder(0);
        QVERIFY(!sameImages(p.trainBatch(order, 0, 0).images, a.trainBatch(order, 0, 0).images));
        QVERIFY(sameImages(a.trainBatch(order, 0, 0).images, a.trainBatch(order, 0, 0).images));
        QVERIFY(sameImages(p.testBatch(0, 16).images, a.testBatch(0, 16).images));
    }
};

FERKD_TEST_SUITE("augment", TestAugment)
#include "moc_test_augment.cpp"
