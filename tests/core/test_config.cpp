// Config: JSON round trip, precedence, validation messages that name the field.
#include <QtTest>
#include <nlohmann/json.hpp>

#include "config/config_fields.h"
#include "config/config_io.h"
#include "config/presets.h"
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
            QVERIFY2(validationErrors(c).empty(), name.c_str());
        }
        QVERIFY(errorOf([] { presetConfig("fmnist-resnet-quik"); }).contains("did you mean 'fmnist-resnet-quick'"));
    }

    void everyFieldHasHelp() {
        for (const auto& f : configFields()) QVERIFY2(!f.help.empty(), f.name.c_str());
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "test_config.moc"
