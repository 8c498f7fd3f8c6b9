// The `ferkd` CLI as a user runs it: bad input gives clear messages and exit codes,
// data set reports name damaged files, and a run killed with SIGKILL resumes to the
// same metrics, epoch by epoch, as a run that was never stopped.
#include <QProcess>
#include <QtTest>
#include <csignal>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>

#include "data/dataset_factory.h"
#include "labels/label_store.h"
#include "store/experiment_store.h"
#include "test_suites.h"
#include "test_support.h"

using namespace ferkd;
namespace fs = std::filesystem;

using Result = test::FerkdResult;
using test::runFerkd;

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString ws_, data_;

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        ws_ = tmp_.filePath("ws");
        data_ = QString::fromStdString(test::writeIdxDataSet(tmp_.filePath("data").toStdString(), 512, 128));
    }

    void versionAndHelp() {
        Result r = runFerkd({"--version"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("ferkd 0."));
        for (const char* cmd : {"train", "eval", "runs", "dataset", "presets", "models"}) {
            r = runFerkd({cmd, "--help"});
            QCOMPARE(r.code, 0);
            QVERIFY2(r.out.contains("Usage") || r.out.contains("usage") || r.out.contains("OPTIONS"), cmd);
        }
        r = runFerkd({"presets"});
        QVERIFY(r.out.contains("fmnist-resnet-quick"));
    }

    void badConfigsAreRefusedWithTheField() {
        const QString cfg = tmp_.filePath("wrong-type.json");
        test::writeFile(cfg.toStdString(), R"({"schedule": {"epochs": "ten"}})");
        Result r = runFerkd({"--workspace", ws_, "train", "--config", cfg});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("schedule.epochs") && r.err.contains("\"ten\"") && r.err.contains("integer"),
                 qPrintable(r.err));

        r = runFerkd({"--workspace", ws_, "train", "--preset", "fmnist-resnet-quick", "--lr", "-0.1"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("optim.lr") && r.err.contains("-0.1"), qPrintable(r.err));

        r = runFerkd({"--workspace", ws_, "train", "--set", "optim.wieght_decay=0.1"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("unknown key") && r.err.contains("optim.weight_decay"), qPrintable(r.err));

        // A missing data set is refused before a run exists (no "failed" run left behind).
        const size_t runsBefore = ExperimentStore(ws_.toStdString()).listRuns().size();
        r = runFerkd({"--workspace", ws_, "train", "--data", tmp_.filePath("missing"), "--epochs", "1"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("data.path") && r.err.contains("missing") && r.err.contains("does not exist"),
                 qPrintable(r.err));
        QCOMPARE(ExperimentStore(ws_.toStdString()).listRuns().size(), runsBefore);
        // FerKD's thresholds out of order and a validation split larger than the training set: the field named.
        r = runFerkd({"--workspace", ws_, "train", "--data", data_, "--set", "distill.ferkd.t_mid=0.9", "--set",
                      "distill.ferkd.t_top=0.5"});
        QVERIFY2(r.code == 2 && r.err.contains("distill.ferkd.t_mid") && r.err.contains("t_low <= t_mid <= t_top"),
                 qPrintable(r.err));
        r = runFerkd({"--workspace", ws_, "train", "--data", data_, "--set", "data.val_split=5000"});
        QVERIFY2(r.code == 2 && r.err.contains("data.val_split") && r.err.contains("5000"), qPrintable(r.err));
        QCOMPARE(ExperimentStore(ws_.toStdString()).listRuns().size(), runsBefore);
        // Nothing crashed and the store still opens and lists.
        QCOMPARE(runFerkd({"--workspace", ws_, "runs", "list"}).code, 0);
    }

    void datasetInfoNamesDamagedFiles() {
        const std::string root = tmp_.filePath("folder").toStdString();
        for (const char* c : {"cat", "dog"}) {
            fs::create_directories(root + "/train/" + c);
            fs::create_directories(root + "/val/" + c);
            for (int i = 0; i < 4; ++i) {
                cv::Mat m(40, 48, CV_8UC3, cv::Scalar(i * 40, c[0], 90));
                cv::imwrite(root + "/train/" + c + "/" + std::to_string(i) + ".png", m);
                cv::imwrite(root + "/val/" + c + "/" + std::to_string(i) + ".jpg", m);
            }
        }
        std::string jpeg = test::readFile(root + "/val/cat/0.jpg");
        test::writeFile(root + "/train/cat/truncated.jpg", jpeg.substr(0, jpeg.size() - 40));
        test::writeFile(root + "/train/cat/zero.png", "");
        test::writeFile(root + "/train/dog/readme.jpg", "hello, I am text\n");

        Result r = runFerkd({"dataset", "info", QString::fromStdString(root)});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("3 file(s) left out"), qPrintable(r.out));
        QVERIFY(r.out.contains("truncated.jpg: truncated JPEG"));
        QVERIFY(r.out.contains("zero.png: empty file"));
        QVERIFY(r.out.contains("readme.jpg: not an image"));
        QVERIFY(r.out.contains("8 images, 2 classes"));

        // Training on it leaves those files out and finishes.
        r = runFerkd({"--workspace", ws_, "train", "--data", QString::fromStdString(root), "--arch", "resnet10_small",
                   "--epochs", "1", "--batch-size", "4", "--set", "data.input_size=32", "--threads", "1"});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        QVERIFY2(r.err.contains("3 unreadable files left out"), qPrintable(r.err));

        // Packing it gives a packed folder that trains too.
        const QString packed = tmp_.filePath("packed");
        r = runFerkd({"dataset", "pack", QString::fromStdString(root), packed, "--size", "32"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = runFerkd({"dataset", "info", packed});
        QVERIFY2(r.code == 0 && r.out.contains("(packed), 8 images"), qPrintable(r.out + r.err));
    }

    // The cluttered testbed from the command line: both splits packed with their boxes,
    // `dataset info` shows the settings and the boxes; a canvas too small is a usage error.
    void makeClutteredWritesBoxesAndSettings() {
        const QString out = tmp_.filePath("cluttered");
        Result r = runFerkd({"dataset", "make-cluttered", data_, out, "--canvas", "40", "--seed", "3"});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        QVERIFY(fs::exists((out + "/train.fkpack").toStdString()) && fs::exists((out + "/test.fkpack").toStdString()));
        r = runFerkd({"dataset", "info", out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("first image 40x40x1") && r.out.contains("\"canvas\":40") &&
                     r.out.contains("\"seed\":3") && r.out.contains("object boxes: "),
                 qPrintable(r.out));
        r = runFerkd({"dataset", "make-cluttered", data_, tmp_.filePath("small"), "--canvas", "30"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("canvas") && r.err.contains("cannot hold the largest object"), qPrintable(r.err));
    }

    // `labels mining` on a cluttered set with a hand-made label store: the table, the
    // CSV, the result stored for `labels info`; a set without boxes is refused by name.
    void labelsMiningOnClutteredData() {
        const QString out = tmp_.filePath("cluttered-mining");
        const QString ws = tmp_.filePath("ws-mining");  // its own: other tests count the label sets of ws_
        Result r = runFerkd({"dataset", "make-cluttered", data_, out, "--canvas", "40"});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        const auto train = openDataSplits(out.toStdString()).train;
        const std::string labels =
            test::writeHandLabelStore(tmp_.filePath("mining.fkdl").toStdString(), *train, {0.9f, 0.02f, 0.5f});
        const QString csv = tmp_.filePath("mining-bins.csv");
        r = runFerkd({"--workspace", ws, "labels", "mining", QString::fromStdString(labels), "--data", out, "--csv", csv});
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        QVERIFY2(r.out.contains("ROC AUC of p(true class)") && r.out.contains("p(true class) by object coverage") &&
                     r.out.contains("precision of discarded-hard = no object") && r.out.contains("stored with"),
                 qPrintable(r.out));
        QCOMPARE(QString::fromStdString(test::readFile(csv.toStdString())).count('\n'), 11);
        r = runFerkd({"--workspace", ws, "labels", "info", QString::fromStdString(labels)});
        QVERIFY2(r.code == 0 && r.out.contains("mining (object boxes): AUC"), qPrintable(r.err + r.out));
        r = runFerkd({"--workspace", ws, "labels", "mining", QString::fromStdString(labels), "--data", data_});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--data") && r.err.contains("no object boxes"), qPrintable(r.err));
    }

    // rename, tag, untag, note, archive, unarchive and delete, with --workspace after the
    // subcommand as users type it; deleting asks for --yes when nobody can answer.
    void runsAreManagedFromTheCli() {
        const QString ws = tmp_.filePath("ws-manage");
        int64_t id = 0;
        {
            ExperimentStore store(ws.toStdString());
            id = store.createRun("trial", "train", "fmnist-resnet-quick", "{}");
            store.setStatus(id, run_status::kFailed, "a trial");
            test::writeFile(store.runDirectory(id) + "/last.ckpt", std::string(2048, 'c'));
        }
        const QString run = QString::number(id);
        // A config error found before the start leaves no failed run behind.
        Result r = runFerkd({"train", "--preset", "fmnist-fkd-student", "--data", data_, "--set",
                             "distill.labels=" + tmp_.filePath("missing.fkdl"), "--workspace", ws});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("distill.labels") && r.err.contains("does not exist"), qPrintable(r.err));
        QCOMPARE(ExperimentStore(ws.toStdString()).listRuns().size(), size_t(1));
        r = runFerkd({"runs", "rename", run, "first try", "--workspace", ws});
        QVERIFY2(r.code == 0 && r.out.contains("is now 'first try'"), qPrintable(r.err + r.out));
        r = runFerkd({"runs", "tag", "first try", "baseline", "lr-sweep", "--workspace", ws});
        QVERIFY2(r.code == 0 && r.out.contains("baseline, lr-sweep"), qPrintable(r.err + r.out));
        r = runFerkd({"runs", "untag", run, "baseline", "--workspace", ws});
        QVERIFY2(r.code == 0 && r.out.contains("tags lr-sweep"), qPrintable(r.err + r.out));
        QCOMPARE(runFerkd({"runs", "tag", run, "a,b", "--workspace", ws}).code, 2);
        r = runFerkd({"runs", "note", run, "diverged at lr 0.1", "--workspace", ws});
        QCOMPARE(r.code, 0);
        r = runFerkd({"runs", "show", run, "--workspace", ws});
        QVERIFY2(r.out.contains("notes: diverged at lr 0.1") && r.out.contains("tags: lr-sweep"), qPrintable(r.out));
        r = runFerkd({"runs", "archive", run, "--workspace", ws});
        QCOMPARE(r.code, 0);
        r = runFerkd({"runs", "list", "--workspace", ws});
        QVERIFY2(!r.out.contains("first try") && r.out.contains("1 archived"), qPrintable(r.out));
        r = runFerkd({"runs", "list", "--archived", "--workspace", ws});
        QVERIFY2(r.out.contains("first try") && r.out.contains("failed*"), qPrintable(r.out));
        QCOMPARE(runFerkd({"runs", "unarchive", run, "--workspace", ws}).code, 0);
        QVERIFY(runFerkd({"runs", "list", "--workspace", ws}).out.contains("first try"));

        r = runFerkd({"runs", "delete", run, "--workspace", ws});  // stdin is not a terminal
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("--yes") && r.out.contains("2 KB"), qPrintable(r.err + r.out));
        QVERIFY(ExperimentStore(ws.toStdString()).run(id).has_value());
        r = runFerkd({"runs", "delete", run, "--yes", "--workspace", ws});
        QVERIFY2(r.code == 0 && r.out.contains("deleted run") && r.out.contains("freed 2 KB"), qPrintable(r.err + r.out));
        QVERIFY(!ExperimentStore(ws.toStdString()).run(id).has_value());
        QVERIFY(!fs::exists((ws + "/runs/" + run).toStdString()));
        QCOMPARE(test::sqliteIntegrity((ws + "/experiments.sqlite").toStdString()), std::string("ok"));
        r = runFerkd({"runs", "delete", run, "--yes", "--workspace", ws});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("no run '" + run + "'"), qPrintable(r.err));
    }

    void sigkillThenResumeMatchesUninterruptedRun() {
        const QStringList common = {"--workspace", ws_, "train", "--data", data_, "--arch", "resnet10_small",
                                    "--epochs", "3", "--batch-size", "32", "--threads", "1", "--seed", "11",
                                    "--set", "checkpoint.every_steps=5", "--set", "runtime.log_every=1",
                                    "--set", "optim.lr=0.003"};
        Result ref = runFerkd(QStringList(common) << "--name" << "reference");
        QVERIFY2(ref.code == 0, qPrintable(ref.err));

        // The same run, killed without warning after a checkpoint inside epoch 2.
        QProcess victim;
        victim.start(QString(FERKD_BIN_DIR) + "/ferkd", QStringList(common) << "--name" << "victim");
        QVERIFY(victim.waitForStarted());
        ExperimentStore store(ws_.toStdString());
        bool killed = false;
        for (int i = 0; i < 6000 && !killed; ++i) {
            QTest::qWait(10);
            auto run = store.findRun("victim");
            if (!run) continue;
            for (const auto& c : store.checkpoints(run->id))
                if (c.step > 16 && c.step % 16 != 0) {
                    ::kill(static_cast<pid_t>(victim.processId()), SIGKILL);
                    killed = true;
                }
            QVERIFY2(victim.state() != QProcess::NotRunning || killed, "the run ended before it could be killed");
        }
        QVERIFY(killed);
        victim.waitForFinished();
        auto victimRun = store.findRun("victim");
        QCOMPARE(victimRun->status, std::string(run_status::kInterrupted));

        Result resumed = runFerkd({"--workspace", ws_, "train", "--resume", "victim"});
        QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
        QVERIFY(resumed.out.contains("resuming from"));

        auto refRun = store.findRun("reference");
        auto a = store.epochMetrics(refRun->id), b = store.epochMetrics(victimRun->id);
        QCOMPARE(int(a.size()), 3);
        QCOMPARE(int(b.size()), 3);
        for (size_t e = 0; e < a.size(); ++e) {
            QCOMPARE(b[e].step, a[e].step);
            QCOMPARE(b[e].train_loss, a[e].train_loss);
            QCOMPARE(b[e].train_top1, a[e].train_top1);
            QCOMPARE(b[e].test_loss, a[e].test_loss);
            QCOMPARE(b[e].test_top1, a[e].test_top1);
        }
        auto sa = store.stepMetrics(refRun->id), sb = store.stepMetrics(victimRun->id);
        QCOMPARE(sb.size(), sa.size());  // every step once
        for (size_t i = 0; i < sa.size(); ++i) {
            QCOMPARE(sb[i].step, sa[i].step);
            QCOMPARE(sb[i].loss, sa[i].loss);
        }
        QCOMPARE(store.run(victimRun->id)->status, std::string(run_status::kFinished));

        // eval and export read what was stored.
        Result ev = runFerkd({"--workspace", ws_, "eval", "victim"});
        QVERIFY2(ev.code == 0 && ev.out.contains("top-1"), qPrintable(ev.err));
        const QString csv = tmp_.filePath("m.csv");
        QCOMPARE(runFerkd({"--workspace", ws_, "runs", "export-csv", "reference", "victim", "--out", csv}).code, 0);
        QCOMPARE(QString::fromStdString(test::readFile(csv.toStdString())).count('\n'), 7);  // header + 2 x 3
    }

    // Teacher -> labels -> FerKD student, each stage through the CLI and in the store.
    // The teacher is the run 'reference' trained by the test above.
    void distillationPipeline() {
        const QString labels = tmp_.filePath("labels.fkdl");
        Result estimate = runFerkd({"--workspace", ws_, "labels", "generate", "--teacher", "reference", "--data", data_,
                                    "--out", labels, "--crops", "6", "--threads", "1", "--estimate"});
        QVERIFY2(estimate.code == 0 && estimate.out.contains("estimate: ") && estimate.out.contains("crops/s"),
                 qPrintable(estimate.out + estimate.err));
        QVERIFY(!QFile::exists(labels));
        Result gen = runFerkd({"--workspace", ws_, "labels", "generate", "--teacher", "reference", "--data", data_,
                               "--out", labels, "--crops", "6", "--threads", "1"});
        QVERIFY2(gen.code == 0, qPrintable(gen.err + gen.out));
        QVERIFY2(gen.out.contains("26 bytes per crop"), qPrintable(gen.out));  // 4 classes: top-4 kept
        Result info = runFerkd({"labels", "info", labels, "--data", data_});
        QVERIFY2(info.code == 0 && info.out.contains("checksum ok") && info.out.contains("FerKD crop groups"),
                 qPrintable(info.out + info.err));
        {  // the generation is a run of its own, its crop statistics are in the store
            ExperimentStore store(ws_.toStdString());
            auto run = store.findRun("labels labels");
            QVERIFY(run.has_value());
            QCOMPARE(run->kind, std::string("labels"));
            QCOMPARE(run->status, std::string(run_status::kFinished));
            auto sets = store.labelSets();
            QCOMPARE(int(sets.size()), 1);
            QCOMPARE(sets[0].run_id, run->id);
            QCOMPARE(int64_t(store.labelSet(sets[0].path)->crop_groups.size()), sets[0].num_images * 6);
        }
        Result recorded = runFerkd({"--workspace", ws_, "labels", "info", labels});
        QVERIFY2(recorded.code == 0 && recorded.out.contains("statistics recorded") &&
                     recorded.out.contains("per class:"), qPrintable(recorded.out + recorded.err));

        Result student = runFerkd({"--workspace", ws_, "train", "--data", data_, "--arch", "resnet10_small",
                                   // FKD's accounting: 64 crops = 32 images x 2, 4 epochs of crop-views = 2 passes
                                   "--epochs", "4", "--batch-size", "64", "--threads", "1", "--name", "ferkd-student",
                                   "--set", "distill.mode=ferkd", "--set", "distill.labels=" + labels,
                                   "--set", "distill.num_crops=2"});
        QVERIFY2(student.code == 0, qPrintable(student.err + student.out));
        QVERIFY(student.out.contains("mode ferkd"));
        ExperimentStore store(ws_.toStdString());
        auto run = store.findRun("ferkd-student");
        QCOMPARE(run->status, std::string(run_status::kFinished));
        QCOMPARE(int(store.epochMetrics(run->id).size()), 2);
        // The student beside the teacher of its label set.
        Result agreement = runFerkd({"--workspace", ws_, "eval", "ferkd-student", "--teacher"});
        QVERIFY2(agreement.code == 0 && agreement.out.contains("teacher run ") &&
                     agreement.out.contains("top-1 agreement") && agreement.out.contains("KL "),
                 qPrintable(agreement.out + agreement.err));

        // Relabel: another teacher labels exactly the same regions.
        const QString relabelled = tmp_.filePath("relabelled.fkdl");
        Result re = runFerkd({"--workspace", ws_, "labels", "generate", "--teacher", "ferkd-student", "--data", data_,
                              "--out", relabelled, "--reference", labels, "--threads", "1"});
        QVERIFY2(re.code == 0, qPrintable(re.err + re.out));
        LabelStore a(labels.toStdString()), b(relabelled.toStdString());
        QCOMPARE(b.info().crops_per_image, a.info().crops_per_image);
        for (int64_t i = 0; i < a.info().num_images; ++i)
            for (int c = 0; c < a.info().crops_per_image; ++c) {
                CropBox x = a.crop(i, c).box, y = b.crop(i, c).box;
                QVERIFY(x.x == y.x && x.y == y.y && x.w == y.w && x.h == y.h && x.flip == y.flip);
            }

        // Classic online KD, the baseline FKD set out to beat.
        Result kd = runFerkd({"--workspace", ws_, "train", "--data", data_, "--arch", "resnet10_small", "--epochs", "1",
                              "--batch-size", "32", "--threads", "1", "--name", "kd-student", "--set",
                              "distill.mode=kd", "--set", "distill.teacher=reference"});
        QVERIFY2(kd.code == 0 && kd.out.contains("kd teacher: run"), qPrintable(kd.err + kd.out));

        // The comparison table: every variant trained by the app, CSV and Markdown written,
        // and a second call reuses the finished runs instead of training them again.
        const QString ablation = tmp_.filePath("ablation");
        QStringList abArgs{"--workspace", ws_, "bench", "ablation", "--teacher", "reference", "--labels", labels,
                           "--seeds", "2", "--epochs", "1", "--train-limit", "256", "--threads", "1",
                           "--set", "data.path=" + data_, "--set", "schedule.batch_size=32",
                           "--variants", "ce,kd,fkd,ferkd,ferkd+selfmix", "--out", ablation};
        Result ab = runFerkd(abArgs);
        QVERIFY2(ab.code == 0, qPrintable(ab.err + ab.out));
        const QString md = QString::fromStdString(test::readFile((ablation + "/ablation.md").toStdString()));
        for (const char* v : {"| ce | 2 |", "| kd | 2 |", "| fkd | 2 |", "| ferkd | 2 |", "| ferkd+selfmix | 2 |"})
            QVERIFY2(md.contains(v), qPrintable(md));
        QVERIFY2(md.contains("ferkd bench ablation") && md.contains("discarded-hard"), qPrintable(md));
        const QString csv = QString::fromStdString(test::readFile((ablation + "/ablation.csv").toStdString()));
        QCOMPARE(csv.count('\n'), 1 + 10);  // header + 5 variants x 2 seeds x 1 epoch
        Result again = runFerkd(abArgs);
        QVERIFY2(again.code == 0 && again.out.count("reused") == 10, qPrintable(again.out + again.err));
        // More seeds later: only the new seed trains, and the table counts what it was given.
        QStringList moreArgs = abArgs;
        moreArgs[moreArgs.indexOf("--variants") + 1] = "ce";
        moreArgs[moreArgs.indexOf("--seeds") + 1] = "1";
        moreArgs << "--first-seed" << "3";
        Result more = runFerkd(moreArgs);
        QVERIFY2(more.code == 0 && !more.out.contains("reused"), qPrintable(more.out + more.err));
        const QString moreMd = QString::fromStdString(test::readFile((ablation + "/ablation.md").toStdString()));
        QVERIFY2(moreMd.contains("| ce | 1 |") && moreMd.contains("seeds 3..3") && moreMd.contains("--first-seed 3"),
                 qPrintable(moreMd));
        Result badVariant = runFerkd({"--workspace", ws_, "bench", "ablation", "--variants", "ce,ferk"});
        QVERIFY2(badVariant.code == 2 && badVariant.err.contains("did you mean 'ferkd'"), qPrintable(badVariant.err));

        // A threshold sweep chosen on the validation split, two runs side by side; a second
        // call reuses the finished points.
        const QString sweep = tmp_.filePath("sweep");
        QStringList swArgs{"--workspace", ws_, "sweep", "--set", "data.path=" + data_, "--set",
                           "model.arch=resnet10_small", "--set", "schedule.epochs=1", "--set", "schedule.batch_size=32",
                           "--set", "data.train_limit=256", "--set", "data.val_split=64", "--set", "distill.mode=ferkd",
                           "--set", "distill.labels=" + labels, "--set", "distill.num_crops=2",
                           "--grid", "distill.ferkd.t_low=0,0.05", "--seeds", "1", "--jobs", "2",
                           "--name", "thresholds", "--out", sweep};
        Result sw = runFerkd(swArgs);
        QVERIFY2(sw.code == 0 && sw.out.contains("(selected)"), qPrintable(sw.err + sw.out));
        const QString swCsv = QString::fromStdString(test::readFile((sweep + "/sweep.csv").toStdString()));
        QCOMPARE(swCsv.count('\n'), 1 + 2);  // header + 2 points x 1 seed x 1 epoch
        {
            ExperimentStore store(ws_.toStdString());
            const auto r = store.findRun("thresholds t_low=0.05 s1");
            QVERIFY(r && r->status == run_status::kFinished && r->tags.find("sweep:thresholds") != std::string::npos);
            QVERIFY(r->best_val_top1.has_value());
        }
        Result swAgain = runFerkd(swArgs);
        QVERIFY2(swAgain.code == 0 && swAgain.out.count("reused") == 2, qPrintable(swAgain.out + swAgain.err));
        Result noVal = runFerkd({"--workspace", ws_, "sweep", "--grid", "optim.lr=0.001,0.002"});
        QVERIFY2(noVal.code == 2 && noVal.err.contains("data.val_split"), qPrintable(noVal.err));
        Result onTest = runFerkd({"--workspace", ws_, "sweep", "--grid", "optim.lr=0.001", "--select", "test_top1"});
        QVERIFY2(onTest.code == 2 && onTest.err.contains("--select"), qPrintable(onTest.err));

        // A label store made for other data, and a truncated one: clear errors, exit 2.
        const QString other = QString::fromStdString(test::writeIdxDataSet(tmp_.filePath("other").toStdString(), 64, 16));
        Result wrong = runFerkd({"--workspace", ws_, "train", "--data", other, "--arch", "resnet10_small", "--epochs",
                                 "1", "--set", "distill.mode=fkd", "--set", "distill.labels=" + labels});
        QCOMPARE(wrong.code, 2);  // refused before a run exists
        QVERIFY2(wrong.err.contains("distill.labels") && wrong.err.contains("another data set"), qPrintable(wrong.err));
        std::string bytes = test::readFile(labels.toStdString());
        test::writeFile((labels + ".cut").toStdString(), bytes.substr(0, bytes.size() / 2));
        Result cut = runFerkd({"labels", "info", labels + ".cut"});
        QCOMPARE(cut.code, 1);
        QVERIFY2(cut.err.contains("truncated"), qPrintable(cut.err));
    }

    // A run's weights out (torch.save state dict, safetensors, the checkpoint itself),
    // checked, and back in as the starting point of a finetuning run.
    void exportAndFinetune() {
        const QString sd = tmp_.filePath("reference.pt"), st = tmp_.filePath("reference.safetensors");
        Result ex = runFerkd({"--workspace", ws_, "export", "reference", "--out", sd});
        QVERIFY2(ex.code == 0 && ex.out.contains("state_dict"), qPrintable(ex.out + ex.err));
        Result ex2 = runFerkd({"--workspace", ws_, "export", "reference", "--format", "safetensors", "--dtype", "bf16",
                               "--out", st});
        QVERIFY2(ex2.code == 0, qPrintable(ex2.out + ex2.err));
        Result ex3 = runFerkd({"--workspace", ws_, "export", "reference", "--format", "checkpoint", "--out",
                               tmp_.filePath("copy.ckpt")});
        QVERIFY2(ex3.code == 0, qPrintable(ex3.out + ex3.err));
        Result badFormat = runFerkd({"--workspace", ws_, "export", "reference", "--format", "onx", "--out", sd});
        QVERIFY2(badFormat.code == 2 && badFormat.err.contains("--format") && badFormat.err.contains("did you mean 'onnx'"),
                 qPrintable(badFormat.err));

        Result system = runFerkd({"--workspace", ws_, "runs", "export-csv", "reference", "--system"});
        QVERIFY2(system.code == 0 && system.out.startsWith("run_id,run_name,time,seconds_since_start,cpu_percent,rss_mib") &&
                     system.out.count('\n') >= 2,
                 qPrintable(system.out + system.err));
        QCOMPARE(runFerkd({"--workspace", ws_, "runs", "export-csv", "reference", "--system", "--steps"}).code, 2);

        // The student for deployment: ONNX, checked, with the run's classes and normalisation.
        const QString onnx = tmp_.filePath("reference.onnx");
        Result ox = runFerkd({"export", "reference", "--format", "onnx", "--weights", "model", "--out", onnx,
                              "--workspace", ws_});
        QVERIFY2(ox.code == 0 && ox.out.contains("ONNX opset 17") && ox.out.contains("batchx1x28x28") &&
                     ox.out.contains("checked"),
                 qPrintable(ox.out + ox.err));
        QProcess py;
        py.start("/usr/bin/python3", {QString(FERKD_TEST_DATA_DIR) + "/python/onnx_peer.py", onnx});
        QVERIFY(py.waitForFinished(120000) && py.exitCode() == 0);
        const QString peer = QString::fromUtf8(py.readAllStandardOutput());
        QVERIFY2(peer.contains("\"ferkd.run_name\": \"reference\"") && peer.contains("\"mean\": \"0.5\"") &&
                     peer.contains("class_names") && peer.contains("\"input\": [\"input\", \"batch\", 1, 28, 28]"),
                 qPrintable(peer));
        Result fixed = runFerkd({"--workspace", ws_, "export", "reference", "--format", "onnx", "--batch", "8",
                                 "--dtype", "fp16", "--opset", "13", "--out", tmp_.filePath("reference16.onnx")});
        QVERIFY2(fixed.code == 0 && fixed.out.contains("opset 13") && fixed.out.contains("8x1x28x28"),
                 qPrintable(fixed.out + fixed.err));
        Result missingFolder = runFerkd({"--workspace", ws_, "export", "reference", "--format", "onnx", "--out",
                                         tmp_.filePath("no/such/folder/m.onnx")});
        QVERIFY2(missingFolder.code != 0 && missingFolder.err.contains("does not exist"), qPrintable(missingFolder.err));
        QVERIFY(!QFileInfo::exists(tmp_.filePath("no")));
        Result badOpset = runFerkd({"--workspace", ws_, "export", "reference", "--format", "onnx", "--opset", "9",
                                    "--out", onnx + ".9"});
        QVERIFY2(badOpset.code == 2 && badOpset.err.contains("13 to 17"), qPrintable(badOpset.err));
        QVERIFY(!QFileInfo::exists(onnx + ".9"));
        Result badBatch = runFerkd({"--workspace", ws_, "export", "reference", "--format", "onnx", "--batch", "none",
                                    "--out", onnx + ".b"});
        QVERIFY2(badBatch.code == 2 && badBatch.err.contains("--batch"), qPrintable(badBatch.err));
        Result stray = runFerkd({"--workspace", ws_, "export", "reference", "--opset", "13", "--out", sd + ".x"});
        QVERIFY2(stray.code == 2 && stray.err.contains("--format onnx"), qPrintable(stray.err));

        Result check = runFerkd({"weights", "check", st, "--arch", "resnet10_small", "--num-classes", "4",
                                 "--in-chans", "1", "--input-size", "28"});
        QVERIFY2(check.code == 0 && check.out.contains("loads"), qPrintable(check.out + check.err));
        Result wrong = runFerkd({"weights", "check", sd, "--arch", "vit_tiny_patch4", "--num-classes", "4",
                                 "--in-chans", "1", "--input-size", "28"});
        QVERIFY2(wrong.code == 1 && wrong.out.contains("missing from the file"), qPrintable(wrong.out + wrong.err));

        Result ft = runFerkd({"--workspace", ws_, "train", "--data", data_, "--arch", "resnet10_small", "--epochs", "1",
                              "--batch-size", "32", "--threads", "1", "--name", "finetuned", "--set",
                              "model.pretrained=" + sd, "--set", "optim.lr=0.0005"});
        QVERIFY2(ft.code == 0, qPrintable(ft.err + ft.out));
        ExperimentStore store(ws_.toStdString());
        auto run = store.findRun("finetuned");
        bool logged = false;
        for (const auto& e : store.events(run->id)) logged |= e.message.find("pretrained weights") != std::string::npos;
        QVERIFY(logged);
        Result vit = runFerkd({"--workspace", ws_, "train", "--data", data_, "--arch", "vit_tiny_patch4", "--epochs", "1",
                               "--threads", "1", "--set", "model.pretrained=" + sd});
        // The run starts, finds the weights do not fit, and fails saying which keys.
        QVERIFY2(vit.code == 1 && vit.err.contains("model.pretrained") && vit.err.contains("missing from the file"),
                 qPrintable(vit.err));
        // That run wrote no checkpoint: nothing to export, and no file.
        const auto failed = store.listRuns().back();
        Result none = runFerkd({"--workspace", ws_, "export", QString::number(failed.id), "--format", "onnx", "--out",
                                tmp_.filePath("none.onnx")});
        QVERIFY2(none.code == 1 && none.err.contains("has no checkpoint yet"), qPrintable(none.err));
        QVERIFY(!QFileInfo::exists(tmp_.filePath("none.onnx")));
    }
};

FERKD_TEST_SUITE("cli", TestCli)
#include "moc_test_cli.cpp"
