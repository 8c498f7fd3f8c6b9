// Config: JSON round trip, precedence, validation messages that name the field.
#include <QtTest>
#include <cmath>
#include <nlohmann/json.hpp>

#include "config/config_fields.h"
#include "config/config_io.h"
#include "config/presets.h"
#include "sweep/sweep.h"
#include "test_suites.h"
#include "test_support.h"
#include "util/error.h"

using namespace ferkd;

class TestConfig : public QObject {
    Q_OBJECT
private:
    // The message of the ConfigError that `fn` throws ("" when it throws none).
    template <class Fn>
    static QString errorOf(Fn fn) {
        try {
            fn();
        } catch (const ConfigError& e) {
            return QString::fromStdString(e.what());
        }
        return {};
    }

private slots:
    void jsonRoundTripKeepsEveryField() {
        RunConfig c = presetConfig("fmnist-resnet-quick");
        c.optim.lr = 0.0123;
        c.ema.enabled = true;
        c.data.train_limit = 99;
        RunConfig back;
        applyConfigJson(back, configToJson(c));
        QCOMPARE(configToJsonText(back), configToJsonText(c));
        QCOMPARE(back.optim.lr, 0.0123);
        QCOMPARE(back.preset, std::string("fmnist-resnet-quick"));
    }

    void precedenceIsDefaultsPresetFileCommandLine() {
        QTemporaryDir dir;
        const std::string file = dir.filePath("c.json").toStdString();
        test::writeFile(file, R"({"optim": {"lr": 0.01}, "schedule": {"epochs": 3}})");
        RunConfig c = loadConfigFile(file, presetConfig("fmnist-resnet-quick"));
        QCOMPARE(c.model.arch, std::string("resnet10_small"));  // from the preset
        QCOMPARE(c.optim.lr, 0.01);                              // the file beats the preset
        applyOverride(c, "optim.lr=0.02");                       // the command line beats the file
        QCOMPARE(c.optim.lr, 0.02);
        QCOMPARE(c.schedule.epochs, 3);
        QCOMPARE(c.optim.weight_decay, RunConfig{}.optim.weight_decay);  // untouched default
    }

    void wrongTypeNamesFieldAndExpectation() {
        RunConfig c;
        QString msg = errorOf([&] { applyConfigJson(c, nlohmann::json::parse(R"({"optim": {"lr": "fast"}})")); });
        QVERIFY2(msg.contains("optim.lr") && msg.contains("\"fast\"") && msg.contains("a number"), qPrintable(msg));
        msg = errorOf([&] { applyConfigJson(c, nlohmann::json::parse(R"({"ema": {"enabled": 1}})")); });
        QVERIFY2(msg.contains("ema.enabled") && msg.contains("true or false"), qPrintable(msg));
    }

    void negativeLearningRateIsRefused() {
        RunConfig c;
        QString msg = errorOf([&] { applyOverride(c, "optim.lr=-0.1"); });
        QVERIFY2(msg.contains("optim.lr") && msg.contains("-0.1") && msg.contains("> 0"), qPrintable(msg));
        QCOMPARE(c.optim.lr, RunConfig{}.optim.lr);  // nothing applied
    }

    void unknownKeySuggestsNearestName() {
        RunConfig c;
        QString msg = errorOf([&] { applyConfigJson(c, nlohmann::json::parse(R"({"optim": {"learning_rat": 1}})")); });
        QVERIFY2(msg.contains("unknown key") && msg.contains("optim.learning_rat"), qPrintable(msg));
        msg = errorOf([&] { applyOverride(c, "schedule.epoch=3"); });
        QVERIFY2(msg.contains("did you mean 'schedule.epochs'"), qPrintable(msg));
    }

    void choicesAndCrossFieldRules() {
        RunConfig c;
        QString msg = errorOf([&] { applyOverride(c, "augment.crop=rrcc"); });
        QVERIFY2(msg.contains("augment.crop") && msg.contains("did you mean 'rrc'"), qPrintable(msg));
        c.augment.scale_min = 0.9;
        c.augment.scale_max = 0.5;
        c.model.arch = "resnet51";
        auto errors = validationErrors(c);
        QCOMPARE(int(errors.size()), 2);
        QCOMPARE(errors[0].first, std::string("augment.scale_min"));
        QCOMPARE(errors[1].first, std::string("model.arch"));
        QVERIFY(QString::fromStdString(errors[1].second).contains("did you mean 'resnet50'"));
    }

    // Four problems (two bad values, a broken rule between fields, a value out of range)
    // come in one message whose first line counts them, each naming its field.
    void everyErrorOfAConfigAtOnce() {
        RunConfig c;
        ConfigProblems problems;
        for (const char* s : {"distill.ferkd.t_low=0.5", "distill.ferkd.t_mid=0.2", "distill.ferkd.eps=1.5",
                              "distill.ferkd.rule=papr", "optim.lr=-1"})
            problems.attempt([&] { applyOverride(c, s); });
        problems.validate(c);
        const QString msg = errorOf([&] { problems.throwIfAny(); });
        QVERIFY2(msg.startsWith("4 problems in the config:\n"), qPrintable(msg));
        for (const char* field : {"distill.ferkd.t_low", "distill.ferkd.eps", "distill.ferkd.rule", "optim.lr"})
            QVERIFY2(msg.contains(QString("config field '%1'").arg(field)), qPrintable(msg));
        QVERIFY(msg.contains("did you mean 'paper'"));
        QCOMPARE(msg.count('\n'), 4);  // one line each
        // One problem reads as before: the field and what is wrong, on one line.
        RunConfig one;
        one.distill.ferkd.t_low = 0.5;
        one.distill.ferkd.t_mid = 0.2;
        const QString single = errorOf([&] { validateConfig(one); });
        QVERIFY2(single.startsWith("config field 'distill.ferkd.t_low': 0.5 is above"), qPrintable(single));
    }

    void ferkdRuleAndValidationSplitAreChecked() {
        RunConfig c;
        QCOMPARE(c.distill.ferkd.rule, std::string("paper"));  // the paper's equation is what ferkd means
        QString msg = errorOf([&] { applyOverride(c, "distill.ferkd.rule=papr"); });
        QVERIFY2(msg.contains("distill.ferkd.rule") && msg.contains("did you mean 'paper'"), qPrintable(msg));
        msg = errorOf([&] { applyOverride(c, "distill.ferkd.t_low=1.5"); });
        QVERIFY2(msg.contains("distill.ferkd.t_low") && msg.contains("1.5") && msg.contains("in [0, 1]"), qPrintable(msg));
        msg = errorOf([&] { applyOverride(c, "distill.ferkd.t_top=-0.1"); });
        QVERIFY2(msg.contains("distill.ferkd.t_top"), qPrintable(msg));
        msg = errorOf([&] { applyOverride(c, "distill.ferkd.eps=1"); });
        QVERIFY2(msg.contains("distill.ferkd.eps") && msg.contains("in [0, 1)"), qPrintable(msg));
        msg = errorOf([&] { applyOverride(c, "runtime.log_every=0"); });
        QVERIFY2(msg.contains("an integer in [1, 100000]"), qPrintable(msg));  // an integer's bounds as integers
        msg = errorOf([&] { applyOverride(c, "data.val_split=-3"); });
        QVERIFY2(msg.contains("data.val_split") && msg.contains("-3"), qPrintable(msg));
        c.distill.ferkd.t_low = 0.3;
        c.distill.ferkd.t_mid = 0.2;
        c.distill.ferkd.t_top = 0.1;
        c.data.val_split = 2.5;
        auto errors = validationErrors(c);
        QCOMPARE(int(errors.size()), 3);
        QCOMPARE(errors[0].first, std::string("distill.ferkd.t_low"));
        QVERIFY(QString::fromStdString(errors[0].second).contains("t_low <= t_mid <= t_top"));
        QCOMPARE(errors[1].first, std::string("distill.ferkd.t_mid"));
        QCOMPARE(errors[2].first, std::string("data.val_split"));
        c.distill.ferkd.t_low = c.distill.ferkd.t_mid = c.distill.ferkd.t_top = 0.2;  // equal is allowed
        c.data.val_split = 0.1;
        QVERIFY(validationErrors(c).empty());
    }

    void configsOfTheEarlierRuleStillLoad() {
        // A run stored before the paper's rule: `hard_rule` named the rule, `easy_fraction`
        // only marked crops for display. It resumes with the rule it was made with.
        RunConfig c;
        applyConfigJson(c, nlohmann::json::parse(R"({"distill": {"mode": "ferkd", "ferkd": {"hard_rule": "fraction",
            "hard_fraction": 0.3, "easy_fraction": 0.2, "eps": 0.1}}})"));
        QCOMPARE(c.distill.ferkd.rule, std::string("fraction"));
        QCOMPARE(c.distill.ferkd.hard_fraction, 0.3);
        QVERIFY(configToJson(c)["distill"]["ferkd"].contains("rule"));
        QVERIFY(!configToJson(c)["distill"]["ferkd"].contains("easy_fraction"));
    }

    void sweepGridAndSelection() {
        const SweepAxis low = parseSweepAxis("distill.ferkd.t_low=0.001,0.01");
        const SweepAxis mid = parseSweepAxis("distill.ferkd.t_mid=0.1,0.2,0.3");
        QCOMPARE(low.values.size(), size_t(2));
        const auto points = sweepGrid({low, mid});
        QCOMPARE(points.size(), size_t(6));
        QCOMPARE(QString::fromStdString(points[1].label()), QString("t_low=0.001 t_mid=0.2"));
        QString msg = errorOf([] { parseSweepAxis("distill.ferkd.t_lo=0.1"); });
        QVERIFY2(msg.contains("unknown key") && msg.contains("distill.ferkd.t_low"), qPrintable(msg));
        msg = errorOf([] { parseSweepAxis("distill.ferkd.t_low=0.1,2"); });
        QVERIFY2(msg.contains("distill.ferkd.t_low") && msg.contains("2"), qPrintable(msg));
        msg = errorOf([] { findSweepMetric("test_top1"); });
        QVERIFY2(msg.contains("--select") && msg.contains("never chosen on the test split"), qPrintable(msg));

        RunConfig base;
        const RunConfig c = sweepRunConfig(base, points[4], 2, "thr");
        QCOMPARE(c.distill.ferkd.t_low, 0.01);
        QCOMPARE(c.distill.ferkd.t_mid, 0.2);
        QCOMPARE(c.seed, uint64_t(2));
        QCOMPARE(c.name, std::string("thr t_low=0.01 t_mid=0.2 s2"));
        RunConfig other = c;
        other.runtime.threads = 7;  // speed, not results
        QVERIFY(sameTraining(c, other));
        other.optim.lr *= 2;
        QVERIFY(!sameTraining(c, other));

        // Two points, two seeds: mean and spread per point, the best validation mean selected.
        auto cell = [](size_t point, uint64_t seed, double val, double test) {
            SweepCell s;
            s.point = point;
            s.seed = seed;
            s.status = run_status::kFinished;
            EpochMetric e;
            e.epoch = 1;
            e.val_top1 = val;
            e.test_top1 = test;
            s.epochs = {e};
            return s;
        };
        const std::vector<SweepCell> cells = {cell(0, 1, 80, 90), cell(0, 2, 82, 91), cell(1, 1, 85, 70), cell(1, 2, 87, 71)};
        const std::vector<SweepPoint> two(points.begin(), points.begin() + 2);
        const SweepMetric& metric = findSweepMetric("val_top1");
        const auto summary = summarizeSweep(two, cells, metric);
        QCOMPARE(summary[0].runs, 2);
        QCOMPARE(summary[0].metric.mean, 81.0);
        QVERIFY(std::abs(summary[0].metric.std - std::sqrt(2.0)) < 1e-12);
        QCOMPARE(summary[1].test_final.mean, 70.5);
        QCOMPARE(*selectedSweepPoint(summary, metric), size_t(1));  // by validation, whatever the test says
        QVERIFY(QString::fromStdString(sweepMarkdown(two, summary, metric, "cmd", "setting")).contains("(selected)"));
    }

    void badJsonFileNamesTheFile() {
        QTemporaryDir dir;
        const std::string file = dir.filePath("broken.json").toStdString();
        test::writeFile(file, "{\"optim\": ");
        try {
            loadConfigFile(file, RunConfig{});
            QFAIL("no error for broken JSON");
        } catch (const FileError& e) {
            QVERIFY(QString(e.what()).contains("broken.json"));
            QVERIFY(QString(e.what()).contains("not valid JSON"));
        }
    }

    void everyPresetIsValid() {
        for (const auto& name : presetNames()) {
            RunConfig c = presetConfig(name);
            auto errors = validationErrors(c);
            // Distillation presets leave the label store to the user; nothing else may be missing.
            if (c.distill.mode == "fkd" || c.distill.mode == "ferkd") {
                QCOMPARE(int(errors.size()), 1);
                QCOMPARE(errors[0].first, std::string("distill.labels"));
                c.distill.labels = "/some/labels.fkdl";
                errors = validationErrors(c);
            }
            QVERIFY2(errors.empty(), (name + ": " + (errors.empty() ? "" : errors[0].second)).c_str());
        }
        QVERIFY(errorOf([] { presetConfig("fmnist-resnet-quik"); }).contains("did you mean 'fmnist-resnet-quick'"));
    }

    // Table 1 of the FerKD supplementary (shared/reference/FerKD-supplementary.txt), row by
    // row. "Mixup prob. 0.8 / Cutmix prob. 1.0 / SelfMix prob. 1.0" are, as the text says,
    // the Beta distributions' parameters; x marks are features turned off.
    void table1PresetsMatchThePaper_data() {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("arch");
        QTest::addColumn<double>("dropPath");
        QTest::addColumn<double>("mixup");
        QTest::addColumn<double>("cutmix");
        QTest::addColumn<double>("selfmix");
        QTest::newRow("ResNet-50") << "table1-resnet50-pretrain" << "resnet50" << 0.0 << 0.0 << 0.0 << 1.0;
        QTest::newRow("ViT-S/16") << "table1-vit-small-pretrain" << "vit_small_patch16_224" << 0.1 << 0.8 << 1.0 << 0.0;
    }
    void table1PresetsMatchThePaper() {
        QFETCH(QString, preset);
        QFETCH(QString, arch);
        QFETCH(double, dropPath);
        QFETCH(double, mixup);
        QFETCH(double, cutmix);
        QFETCH(double, selfmix);
        RunConfig c = presetConfig(preset.toStdString());
        QCOMPARE(QString::fromStdString(c.model.arch), arch);
        QCOMPARE(c.schedule.epochs, 300);                   // Epoch
        QCOMPARE(c.schedule.batch_size, 1024);              // Batch size
        QCOMPARE(c.optim.name, std::string("adamw"));       // Optimizer
        QCOMPARE(c.optim.lr, 0.002);                        // Init. lr
        QCOMPARE(c.schedule.lr_schedule, std::string("cosine"));  // lr scheduler
        QCOMPARE(c.optim.weight_decay, 0.05);               // Weight decay
        QCOMPARE(c.schedule.warmup_epochs, 5.0);            // Warmup epochs
        QCOMPARE(c.distill.num_crops, 4);                   // Num crops
        QCOMPARE(c.distill.mode, std::string("ferkd"));
        QCOMPARE(c.model.drop_path, dropPath);              // Stoch. Depth
        QCOMPARE(c.optim.grad_clip, 0.0);                   // Gradient Clip.: x
        QCOMPARE(c.augment.mixup_alpha, mixup);             // Mixup
        QCOMPARE(c.augment.cutmix_alpha, cutmix);           // Cutmix
        QCOMPARE(c.augment.selfmix_prob > 0 ? c.augment.selfmix_alpha : 0.0, selfmix);  // SelfMix
        QCOMPARE(c.data.input_size, 224);
        QCOMPARE(c.augment.crop, std::string("rrc"));
        QCOMPARE(c.augment.scale_min, 0.08);
        QCOMPARE(c.augment.randaug_ops, 0);                 // Rand Augment: x
        // Label smoothing, dropout, repeated aug, random erasing: the app has none of them,
        // so the presets cannot turn them on.
    }

    // Table 2 (finetuning, "similar to the training protocol in EVA"), row by row.
    // "RandAug (9, 0.5)" is EVA's timm string rand-m9-mstd0.5-inc1: magnitude 9 with
    // standard deviation 0.5, and timm's default of 2 operations per image.
    void table2PresetsMatchThePaper_data() {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("arch");
        QTest::addColumn<double>("dropPath");
        QTest::newRow("ViT-G/14") << "table2-vit-giant-finetune" << "eva_giant_patch14_336" << 0.4;
        QTest::newRow("RegY-128GF") << "table2-regnety-128gf-finetune" << "regnet_y_128gf" << 0.0;
    }
    void table2PresetsMatchThePaper() {
        QFETCH(QString, preset);
        QFETCH(QString, arch);
        QFETCH(double, dropPath);
        RunConfig c = presetConfig(preset.toStdString());
        QCOMPARE(QString::fromStdString(c.model.arch), arch);
        QCOMPARE(c.optim.lr, 3e-5);                                // Peak learning rate
        QCOMPARE(c.optim.name, std::string("adamw"));              // Optimizer
        QCOMPARE(c.optim.beta1, 0.9);                              // beta1, beta2, eps
        QCOMPARE(c.optim.beta2, 0.999);
        QCOMPARE(c.optim.eps, 1e-8);
        QCOMPARE(c.optim.layer_decay, 0.95);                       // Layer-wise lr decay
        QCOMPARE(c.schedule.lr_schedule, std::string("cosine"));   // Learning rate schedule
        QCOMPARE(c.optim.weight_decay, 0.05);                      // Weight decay
        QCOMPARE(c.data.input_size, 336);                          // Input resolution
        QCOMPARE(c.schedule.batch_size, 512);                      // Batch size
        QCOMPARE(c.schedule.warmup_epochs, 2.0);                   // Warmup epochs
        QCOMPARE(c.schedule.epochs, 15);                           // Training epochs
        QCOMPARE(c.distill.num_crops, 2);                          // Num crops
        QCOMPARE(c.model.drop_path, dropPath);                     // Drop path
        QCOMPARE(c.augment.randaug_ops, 2);                        // Augmentation: RandAug (9, 0.5)
        QCOMPARE(c.augment.randaug_magnitude, 9.0);
        QCOMPARE(c.augment.randaug_mstd, 0.5);
        QCOMPARE(c.augment.cutmix_alpha, 0.0);                     // Cutmix: x
        QCOMPARE(c.augment.mixup_alpha, 0.0);                      // Mixup: x
        QCOMPARE(c.augment.selfmix_prob, 1.0);                     // SelfMix prob. 1.0
        QCOMPARE(c.augment.crop, std::string("rrc"));              // Random resized crop (0.08, 1)
        QCOMPARE(c.augment.scale_min, 0.08);
        QCOMPARE(c.augment.scale_max, 1.0);
        QVERIFY(c.ema.enabled);                                    // Ema 0.9999
        QCOMPARE(c.ema.decay, 0.9999);
        QCOMPARE(c.augment.test_crop_ratio, 1.0);                  // Test crop ratio
        QCOMPARE(c.distill.mode, std::string("ferkd"));
        QCOMPARE(c.optim.grad_clip, 0.0);
    }

    void everyFieldHasHelp() {
        for (const auto& f : configFields()) QVERIFY2(!f.help.empty(), f.name.c_str());
    }
};

FERKD_TEST_SUITE("config", TestConfig)
#include "moc_test_config.cpp"
