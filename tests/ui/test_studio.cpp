// The studio's own behaviour, offscreen: the config form refuses bad fields with the
// core's message and blocks Start; a run started from the window trains on the worker
// thread, draws its curves and ends "finished" while the event loop stays responsive;
// pause, resume and stop; CSV export; closing during a run stops it cleanly.
// LibTorch before Qt: Qt's `slots` macro breaks torch headers included after it.
#include "data/cluttered_dataset.h"
#include "data/dataset_factory.h"
#include "data/packed_dataset.h"
#include "store/checkpoint.h"
#include "test_suites.h"
#include "util/error.h"
#include "util/fault_injection.h"

#include <filesystem>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QLineEdit>
#include <QListWidget>
#include <QImage>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QDoubleSpinBox>
#include <QtTest>
#include <qcustomplot.h>

#include "charts/metrics_chart.h"
#include "charts/parallel_coordinates.h"
#include "charts/sweep_view.h"
#include "charts/system_metrics_view.h"
#include "config/presets.h"
#include "crops/crop_browser.h"
#include "crops/dataset_view.h"
#include "crops/mining_plot.h"
#include "dialogs/config_editor.h"
#include "dialogs/export_dialog.h"
#include "dialogs/memory_plan_view.h"
#include "dialogs/new_run_dialog.h"
#include "dialogs/settings_dialog.h"
#include "event_loop_watch.h"
#include "runs/checkpoints_view.h"
#include "runs/results_view.h"
#include "runs/run_actions.h"
#include "runs/run_comparison_view.h"
#include "runs/run_controller.h"
#include "runs/runs_panel.h"
#include "runs/runs_table_model.h"
#include "store/experiment_store.h"
#include "test_support.h"
#include "util/statistics.h"
#include "window/language_manager.h"
#include "window/main_window.h"
#include "window/studio_shell.h"
#include "window/welcome_panel.h"
#include "workspace/local_workspace.h"

using namespace ferkd;
using namespace ferkd::ui;
using ferkd::test::EventLoopGap;
using ferkd::test::EventLoopWatch;
using ferkd::test::describe;
namespace fs = std::filesystem;

namespace {

// The environment of a server's shell: no window system of any kind.
QProcessEnvironment withoutDisplay() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) env.remove(name);
    return env;
}

void type(QWidget* root, const char* field, const QString& text) {
    auto* line = root->findChild<QLineEdit*>(field);
    QVERIFY2(line, field);
    line->clear();
    QTest::keyClicks(line, text);
}

QString statusOf(const MainWindow& window, qint64 id) {
    RunsTableModel* model = window.runsPanel()->model();
    const int row = model->rowOf(id);
    return row < 0 ? QString() : model->index(row, RunsTableModel::kStatus).data().toString();
}

// Runs the event loop while `until` is false; the watch says how long it was blocked at
// worst, and what the GUI thread was doing then.
EventLoopGap watchEventLoop(const std::function<bool()>& until, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    EventLoopWatch watch;
    while (!until() && clock.elapsed() < timeoutMs) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return watch.worst();
}

// 256 training and 64 test images of 4 classes in `dir`/data; returns that folder.
std::string writeSmallIdxData(const QTemporaryDir& dir) {
    return test::writeIdxDataSet(dir.path().toStdString() + "/data", 256, 64);
}

}  // namespace

class TestStudio : public QObject {
    Q_OBJECT
private slots:
    void invalidFieldBlocksStart() {
        NewRunDialog dialog;
        dialog.editor()->choosePreset("fmnist-resnet-quick");
        QVERIFY(dialog.startButton()->isEnabled());
        type(&dialog, "optim.lr", "-1");
        QVERIFY(!dialog.startButton()->isEnabled());
        QVERIFY2(dialog.editor()->errors().value("optim.lr").contains("optim.lr"),
                 qPrintable(dialog.editor()->errors().value("optim.lr")));
        type(&dialog, "optim.lr", "abc");
        QCOMPARE(dialog.editor()->errors().value("optim.lr"), QString("expected a number"));
        type(&dialog, "optim.lr", "0.001");
        QVERIFY(dialog.startButton()->isEnabled());
        QCOMPARE(dialog.editor()->config().optim.lr, 0.001);
        QVERIFY(dialog.editor()->changedFields().contains("optim.lr"));
        // A rule between fields: fkd needs a label store.
        auto* mode = dialog.findChild<QComboBox*>("distill.mode");
        QVERIFY(mode);
        mode->setCurrentText("fkd");
        QVERIFY(!dialog.startButton()->isEnabled());
        QVERIFY(dialog.editor()->errors().contains("distill.labels"));
        mode->setCurrentText("ce");
        QVERIFY(dialog.startButton()->isEnabled());
    }

    // The form plans the run's memory on a pool thread once the fields settle, as `ferkd
    // train --plan` does; a config whose plan does not fit cannot be started.
    void formShowsTheMemoryPlan() {
        QTemporaryDir dir;
        NewRunDialog dialog;
        dialog.setPlanContext(dir.path().toStdString(), 1);
        dialog.setConfig(test::smallRunConfig(writeSmallIdxData(dir)));
        MemoryPlanView* view = dialog.planView();
        QCOMPARE(view->state(), MemoryPlanView::State::Waiting);
        QTRY_VERIFY2_WITH_TIMEOUT(view->state() == MemoryPlanView::State::Fits, qPrintable(view->summaryText()), 60000);
        QVERIFY2(view->summaryText().startsWith("Memory plan: fits: "), qPrintable(view->summaryText()));
        QVERIFY(view->plan()->weights > 0 && view->plan()->activation_per_crop > 0);
        QVERIFY(dialog.startButton()->isEnabled());
        auto* details = dialog.findChild<QToolButton*>("memoryPlanDetails");
        auto* table = dialog.findChild<QPlainTextEdit*>("memoryPlanTable");
        QVERIFY(details && table && details->isEnabled());
        QCOMPARE(table->toPlainText(), QString::fromStdString(view->plan()->describe()));

        type(&dialog, "runtime.memory_limit", "2M");
        QCOMPARE(view->state(), MemoryPlanView::State::Waiting);
        QTRY_VERIFY2_WITH_TIMEOUT(view->state() == MemoryPlanView::State::DoesNotFit, qPrintable(view->summaryText()), 60000);
        QVERIFY2(view->summaryText().contains("does not fit"), qPrintable(view->summaryText()));
        QVERIFY(!dialog.startButton()->isEnabled());

        auto* limit = dialog.findChild<QLineEdit*>("runtime.memory_limit");
        limit->selectAll();
        QTest::keyClick(limit, Qt::Key_Delete);  // back to no limit, as a user empties it
        QTRY_VERIFY2_WITH_TIMEOUT(view->state() == MemoryPlanView::State::Fits, qPrintable(view->summaryText()), 60000);
        QVERIFY(dialog.startButton()->isEnabled());
        type(&dialog, "optim.lr", "-1");  // an invalid form is not planned
        QCOMPARE(view->state(), MemoryPlanView::State::Idle);
        QVERIFY(!view->plan());
    }

    void runFromTheWindowDrawsCurvesAndFinishes() {
        QTemporaryDir dir;
        auto store = std::make_shared<ExperimentStore>(dir.path().toStdString());
        MainWindow window(store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(window.controller(), &RunController::runFinished);
        // The status bar counts epochs as the CLI does: 1/2 during the first, 2/2 during the second.
        QStringList epochLabels;
        auto* stage = window.findChild<QLabel*>("stageLabel");
        connect(window.controller(), &RunController::stepReported, stage, [&](const StepReport& r) {
            const QString text = stage->text();
            if (r.step_in_epoch == 1) epochLabels << text.left(text.indexOf(','));
        });
        RunConfig config = test::smallRunConfig();
        const qint64 id = window.startRun(config);
        const EventLoopGap gap = watchEventLoop([&] { return finished.count() > 0; }, 240000);
        QCOMPARE(epochLabels, (QStringList{"epoch 1/2", "epoch 2/2"}));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(1).toString(), QString("finished"));
        QVERIFY2(gap.blockedMs() < 100, qPrintable(describe(gap)));
        qInfo("largest event-loop gap during the run: %s", qPrintable(describe(gap)));
        QCoreApplication::processEvents();
        QCOMPARE(window.chart()->pointCount(id, "test_top1"), 2);
        QVERIFY(window.chart()->pointCount(id, "loss") >= 8);  // 8 steps per epoch, live
        QCOMPARE(statusOf(window, id), QString("finished"));
        // The status bar says what runtime.precision = auto chose for the run.
        const std::string precision = store->run(id)->precision;
        QVERIFY(precision == "fp32" || precision == "bf16");
        QVERIFY(window.findChild<QLabel*>("deviceLabel")->text().contains(QString::fromStdString(precision)));

        // CSV export of the run: one row per epoch plus the header.
        const QString csv = dir.filePath("metrics.csv");
        QString error;
        QVERIFY2(window.exportMetricsCsv(csv, {id}, &error), qPrintable(error));
        QCOMPARE(QString::fromStdString(test::readFile(csv.toStdString())).count('\n'), 1 + 2);
        // System metrics were sampled while it trained and are drawn beside the throughput.
        const auto system = store->systemMetrics(id);
        QVERIFY(!system.empty() && system.back().rss_mib > 10);
        QCOMPARE(QString::fromStdString(test::readFile(MainWindow::systemCsvPath(csv).toStdString())).count('\n'),
                 1 + int(system.size()));
        window.selectRun(id);
        QCOMPARE(window.systemMetrics()->pointCount(id, "rss"), int(system.size()));
        QCOMPARE(window.systemMetrics()->pointCount(id, "cpu"), int(system.size()));
        QVERIFY(window.systemMetrics()->pointCount(id, "throughput") > 0);
        QCOMPARE(window.systemMetrics()->pointCount(id, "gpu"), 0);  // a CPU run
        // The export dialog: ONNX enables its options and leaves out bf16; the export runs.
        {
            ExportDialog dialog;
            auto* format = dialog.findChild<QComboBox*>("exportFormat");
            auto* precision = dialog.findChild<QComboBox*>("exportPrecision");
            auto* opset = dialog.findChild<QSpinBox*>("exportOpset");
            QVERIFY(!opset->isEnabled());
            precision->setCurrentText("bf16");
            format->setCurrentText("onnx");
            QVERIFY(opset->isEnabled() && dialog.findChild<QSpinBox*>("exportBatch")->isEnabled());
            QCOMPARE(precision->currentText(), QString("fp32"));  // bf16 is not offered for ONNX
            dialog.findChild<QSpinBox*>("exportBatch")->setValue(4);
            const WeightsExport choice = dialog.choice();
            QCOMPARE(weightsExportSuffix(choice.format), std::string(".onnx"));
            QCOMPARE(choice.batch, 4);
            const QString onnx = dir.filePath("student.onnx");
            const LocalWorkspace workspace(*store);
            const QString message = QString::fromStdString(workspace.exportWeights(id, choice, onnx.toStdString()));
            QVERIFY2(message.contains("ONNX opset 17") && QFileInfo(onnx).size() > 100000, qPrintable(message));
            QVERIFY_THROWS_EXCEPTION(Error, workspace.exportWeights(id, choice, dir.filePath("missing/student.onnx").toStdString()));
        }
        // Results: the best checkpoint on the 256 test images, per class and as a confusion matrix.
        window.selectRun(id);
        QSignalSpy evaluated(window.results(), &ResultsView::evaluated);
        window.results()->evaluate();
        QVERIFY(evaluated.wait(120000));
        QTableWidget* confusion = window.results()->confusionTable();
        QCOMPARE(confusion->rowCount(), 10);
        int64_t total = 0;
        for (int r = 0; r < 10; ++r)
            for (int c = 0; c < 10; ++c) total += confusion->item(r, c)->text().toLongLong();
        QCOMPARE(total, int64_t(256));
        QCOMPARE(window.results()->classTable()->rowCount(), 10);
        // A click on a cell lists exactly its images, the most confident first, with thumbnails.
        QTableWidgetItem* busiest = nullptr;
        for (int r = 0; r < 10; ++r)
            for (int c = 0; c < 10; ++c)
                if (!busiest || confusion->item(r, c)->text().toInt() > busiest->text().toInt()) busiest = confusion->item(r, c);
        QTest::mouseClick(confusion->viewport(), Qt::LeftButton, {}, confusion->visualItemRect(busiest).center());
        QListWidget* images = window.results()->imageList();
        QCOMPARE(images->count(), busiest->text().toInt());
        for (int i = 0; i < images->count(); ++i) {
            const int image = images->item(i)->data(Qt::UserRole).toInt();
            const auto& p = window.results()->result().predictions[size_t(image)];
            QCOMPARE(p.truth, busiest->row());
            QCOMPARE(p.predicted, busiest->column());
            if (i > 0) QVERIFY(p.confidence <= window.results()->result().predictions[images->item(i - 1)->data(Qt::UserRole).toInt()].confidence);
        }
        QTRY_VERIFY(images->item(images->count() - 1)->data(ResultsView::kThumbnailRole).toBool());
        window.results()->showConfidentlyWrong();
        int wrong = 0;
        for (const auto& p : window.results()->result().predictions) wrong += p.truth != p.predicted;
        QCOMPARE(images->count(), std::min(wrong, 200));
        for (int i = 0; i < images->count(); ++i) {
            const auto& p = window.results()->result().predictions[size_t(images->item(i)->data(Qt::UserRole).toInt())];
            QVERIFY(p.truth != p.predicted);
        }
        QVERIFY(window.results()->result().teacher_note.find("not a distilled run") != std::string::npos);
        // Charts save as PNG and PDF.
        QVERIFY(window.chart()->saveImage(dir.filePath("chart.png"), &error));
        QVERIFY(window.chart()->saveImage(dir.filePath("chart.pdf"), &error));
        QVERIFY(test::readFile(dir.filePath("chart.pdf").toStdString()).rfind("%PDF", 0) == 0);

        // Checkpoints: last and best listed; resuming from best runs what is left after it.
        QTableWidget* checkpoints = window.checkpoints()->table();
        QVERIFY(checkpoints->rowCount() >= 2);
        QVERIFY2(window.checkpoints()->resumeFrom("best", &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);  // the signal may come before a wait() would start
        QCOMPARE(finished.last().at(1).toString(), QString("finished"));
        bool rewound = false;
        for (const auto& e : store->events(id)) rewound |= e.message.find("rewound to the best") != std::string::npos;
        QVERIFY(rewound);
        window.close();
    }

    void pauseResumeAndStop() {
        QTemporaryDir dir;
        auto store = std::make_shared<ExperimentStore>(dir.path().toStdString());
        MainWindow window(store);
        QSignalSpy steps(window.controller(), &RunController::stepReported);
        QSignalSpy finished(window.controller(), &RunController::runFinished);
        RunConfig config = test::smallRunConfig();
        config.schedule.epochs = 20;
        window.startRun(config);
        QTRY_VERIFY_WITH_TIMEOUT(steps.count() >= 2, 120000);
        window.controller()->pause();
        QTest::qWait(400);  // a step in flight may still report
        const int atPause = steps.count();
        QTest::qWait(600);
        QCOMPARE(steps.count(), atPause);
        window.controller()->resume();
        QTRY_VERIFY_WITH_TIMEOUT(steps.count() > atPause, 60000);
        QElapsedTimer cancel;
        cancel.start();
        window.controller()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QCOMPARE(finished.first().at(1).toString(), QString("stopped"));
        QVERIFY2(cancel.elapsed() < 2000, qPrintable(QString("stop took %1 ms").arg(cancel.elapsed())));
        qInfo("stop to 'stopped' (checkpoint saved): %lld ms", (long long)cancel.elapsed());
        window.close();
    }

    // The disk fills as a checkpoint is saved: the run pauses with the reason, the
    // previous checkpoint still loads, and Resume retries the save and finishes.
    void fullDiskPausesTheRun() {
        QTemporaryDir dir;
        auto store = std::make_shared<ExperimentStore>(dir.path().toStdString());
        MainWindow window(store);
        QSignalSpy finished(window.controller(), &RunController::runFinished);
        RunConfig config = test::smallRunConfig();
        config.checkpoint.every_steps = 3;
        armFault("atomic.before_rename:enospc:2");  // the second checkpoint, at step 6
        const qint64 id = window.startRun(config);
        QTRY_VERIFY_WITH_TIMEOUT(window.controller()->paused(), 120000);
        armFault("");
        QTRY_COMPARE(store->run(id)->status, std::string(run_status::kPaused));
        QVERIFY2(store->run(id)->error.find("No space left on device") != std::string::npos, store->run(id)->error.c_str());
        QTRY_VERIFY(window.findChild<QAction*>("actionResume")->isEnabled());  // enabled on a queued signal
        const auto saved = store->checkpoints(id);
        QCOMPARE(int(saved.size()), 1);
        QCOMPARE(saved[0].step, int64_t(3));
        loadCheckpointModel(saved[0].path);  // throws if damaged
        window.controller()->resume();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QCOMPARE(finished.first().at(1).toString(), QString("finished"));
        QCOMPARE(int(store->epochMetrics(id).size()), 2);
    }

    // Cancel takes effect within 2 s in label generation too.
    void labelGenerationCancelsWithinTwoSeconds() {
        QTemporaryDir dir;
        const std::string d = writeSmallIdxData(dir);
        auto store = std::make_shared<ExperimentStore>(dir.path().toStdString() + "/ws");
        MainWindow window(store);
        QSignalSpy finished(window.controller(), &RunController::runFinished);
        QSignalSpy labelled(window.controller(), &RunController::labelProgress);
        RunConfig teacher = test::smallRunConfig(d);
        teacher.schedule.epochs = 1;
        LabelJob job;
        job.data = d;
        job.crops = 400;  // long enough to cancel in the middle
        job.threads = 1;
        job.out = dir.path().toStdString() + "/cancel.fkdl";
        window.controller()->enqueuePipeline(teacher, job, teacher);
        QTRY_VERIFY_WITH_TIMEOUT(labelled.count() > 0, 120000);
        QElapsedTimer cancel;
        cancel.start();
        window.controller()->stopAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(finished.last().at(1).toString(), QString("stopped"));
        QVERIFY2(cancel.elapsed() < 2000, qPrintable(QString("cancel took %1 ms").arg(cancel.elapsed())));
        qInfo("label generation: stop to 'stopped' in %lld ms", (long long)cancel.elapsed());
        QVERIFY(!window.controller()->busy() || window.controller()->waitUntilIdle(10000));
    }

    void closingDuringARunStopsItCleanly() {
        QTemporaryDir dir;
        auto store = std::make_shared<ExperimentStore>(dir.path().toStdString());
        qint64 id = 0;
        {
            MainWindow window(store);
            window.setAskBeforeClosing(false);
            QSignalSpy steps(window.controller(), &RunController::stepReported);
            RunConfig config = test::smallRunConfig();
            config.schedule.epochs = 20;
            id = window.startRun(config);
            QTRY_VERIFY_WITH_TIMEOUT(steps.count() >= 1, 120000);
            QVERIFY(window.close());
            QVERIFY(!window.controller()->busy());
        }
        QCOMPARE(store->run(id)->status, std::string(run_status::kStopped));
        QVERIFY(!store->checkpoints(id).empty());  // resumable
    }

    // A hand-made label set: 5 crops per image with known p(true class).
    // On a cluttered set the object's true box is drawn and the coverage plot is filled;
    // on a set without boxes its tab is off and says why.
    // Rename, tags, notes, archive (hidden unless "show archived"), delete with the disk
    // space it frees; a run that is training cannot be deleted.
    void runActionsManageTheWorkspace() {
        QTemporaryDir dir;
        QSettings().setValue("runs/showArchived", false);
        auto store = std::make_shared<ExperimentStore>(dir.path().toStdString());
        const int64_t a = store->createRun("a", "train", "", "{}");
        const int64_t b = store->createRun("b", "train", "", "{}");
        store->setStatus(a, run_status::kFinished);
        store->setStatus(b, run_status::kFailed);
        test::writeFile(store->runDirectory(b) + "/last.ckpt", std::string(4096, 'x'));
        MainWindow window(store);
        window.setAskBeforeClosing(false);
        RunActions* actions = window.runActions();
        QVERIFY(actions && window.findChild<QAction*>("deleteRunAction"));
        QString error;
        QVERIFY(actions->applyRename(a, "baseline", &error));
        QCOMPARE(store->run(a)->name, std::string("baseline"));
        QVERIFY(!actions->applyRename(a, "  ", &error) && !error.isEmpty());
        QVERIFY(actions->applyTags(a, "lr, sweep ,", &error));
        QCOMPARE(store->run(a)->tags, std::string("lr,sweep"));
        QVERIFY(actions->applyNotes(a, "the reference", &error));
        QCOMPARE(store->run(a)->notes, std::string("the reference"));
        QCOMPARE(window.runCount(), 2);
        QVERIFY(actions->applyArchived({b}, true, &error));
        QCOMPARE(window.runCount(), 1);
        actions->showArchivedAct->setChecked(true);
        QCOMPARE(window.runCount(), 2);
        actions->showArchivedAct->setChecked(false);

        bool possible = false;
        const QString text = actions->describeDeletion({b}, &possible);
        QVERIFY2(possible && text.contains("4 KB"), qPrintable(text));
        QVERIFY2(actions->applyDelete({b}, false, &error), qPrintable(error));
        QVERIFY(!store->run(b));
        QVERIFY(!QFileInfo::exists(QString::fromStdString(dir.path().toStdString() + "/runs/" + std::to_string(b))));
        store->markStarted(a, "cpu");  // this process: alive, so the run is training
        QVERIFY(!actions->applyDelete({a}, true, &error));
        QVERIFY2(error.contains("stop it first"), qPrintable(error));
        actions->describeDeletion({a}, &possible);
        QVERIFY(!possible && store->run(a));
        store->setStatus(a, run_status::kFinished);
    }

    void cropBrowserShowsTheObjectAndTheMining() {
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        for (const char* sub : {"/src", "/plain", "/clut"}) fs::create_directories(d + sub);
        test::writeIdxPair(d + "/src", "train", 12, 4, false);
        test::writeIdxPair(d + "/src", "t10k", 4, 4, false);
        auto source = openDataSplits(d + "/src");
        ClutterOptions clutter;
        clutter.canvas = 40;
        writePackedDataset(ClutteredDataset(source.train, clutter, "train"), d + "/clut/train.fkpack", {});
        writePackedDataset(ClutteredDataset(source.test, clutter, "test"), d + "/clut/test.fkpack", {});
        auto data = openDataSplits(d + "/clut").train;
        const std::string path = test::writeHandLabelStore(d + "/clut.fkdl", *data, [](int64_t i) {
            return std::vector<float>{0.05f + 0.01f * float(i % 5), 0.9f, 0.5f, 0.3f};
        });

        CropBrowser browser(nullptr);
        browser.resize(1100, 700);
        browser.show();
        QString error;
        QVERIFY2(browser.open(QString::fromStdString(d + "/clut"), QString::fromStdString(path), &error), qPrintable(error));
        browser.showImage(2);
        QVERIFY(browser.objectBoxShown());
        auto* tabs = browser.findChild<QTabWidget*>("cropViews");
        QVERIFY(tabs && tabs->isTabEnabled(1));
        QCOMPARE(browser.miningPlot()->dotsShown(), 48);
        QVERIFY2(browser.miningPlot()->summary().contains("ROC AUC"), qPrintable(browser.miningPlot()->summary()));
        // The tooltip of every thumbnail says how much of the object it holds.
        auto* strip = browser.findChild<QListWidget*>("cropStrip");
        QVERIFY(strip->item(0)->toolTip().contains("of the object"));
        const QImage figure = browser.figureOne(3, 1);
        QVERIFY(!figure.isNull());
        // Every image has one crop below T_M (0.1): the ranking then goes by mean p, lowest first.
        auto* ranking = browser.findChild<QListWidget*>("hardRanking");
        QVERIFY(ranking->count() >= 3);
        QVERIFY2(ranking->item(0)->text().contains(": 1/4, p 0.43"), qPrintable(ranking->item(0)->text()));
        QCOMPARE(ranking->item(0)->data(Qt::UserRole).toLongLong(), 0LL);
        QCOMPARE(ranking->item(1)->data(Qt::UserRole).toLongLong(), 5LL);
        QCOMPARE(ranking->item(2)->data(Qt::UserRole).toLongLong(), 10LL);

        // The same figure from the command line, for scripts and docs: drawn offscreen on a
        // machine without a display.
        QProcess studio;
        studio.setProcessEnvironment(withoutDisplay());
        const QString png = dir.filePath("figure1.png");
        studio.start(QString(FERKD_BIN_DIR) + "/ferkd-studio", {"--export-figure1", png, "--labels", QString::fromStdString(path),
                                                               "--data", QString::fromStdString(d + "/clut")});
        QVERIFY(studio.waitForFinished(60000));
        QVERIFY2(studio.exitCode() == 0, studio.readAllStandardError().constData());
        QVERIFY(!QImage(png).isNull());
        studio.start(QString(FERKD_BIN_DIR) + "/ferkd-studio", {"--export-figure1", png});
        QVERIFY(studio.waitForFinished(60000));
        QCOMPARE(studio.exitCode(), 2);
        QVERIFY(studio.readAllStandardError().contains("needs --labels"));

        test::writeIdxPair(d + "/plain", "train", 6, 4, false);
        test::writeIdxPair(d + "/plain", "t10k", 4, 4, false);
        auto plain = openDataSplits(d + "/plain").train;
        const std::string plainLabels = test::writeHandLabelStore(d + "/plain.fkdl", *plain, {0.05f, 0.9f});
        QVERIFY2(browser.open(QString::fromStdString(d + "/plain"), QString::fromStdString(plainLabels), &error), qPrintable(error));
        QVERIFY(!browser.objectBoxShown());
        QVERIFY(!tabs->isTabEnabled(1));
        QVERIFY(browser.miningPlot()->summary().contains("no object boxes"));
    }

    // On a server's shell: --help and --version answer, and a window asked for is refused
    // with one line that says why instead of Qt's abort.
    void studioWithoutADisplaySaysWhatItCanDo() {
        QProcess studio;
        studio.setProcessEnvironment(withoutDisplay());
        for (const char* option : {"--help", "--version"}) {
            studio.start(QString(FERKD_BIN_DIR) + "/ferkd-studio", {option});
            QVERIFY(studio.waitForFinished(60000));
            QCOMPARE(studio.exitCode(), 0);
            QVERIFY(studio.readAllStandardOutput().contains("ferkd-studio"));
        }
        QTemporaryDir dir;
        studio.start(QString(FERKD_BIN_DIR) + "/ferkd-studio", {"--workspace", dir.path()});
        QVERIFY(studio.waitForFinished(60000));
        QCOMPARE(studio.exitCode(), 2);
        const QByteArray error = studio.readAllStandardError();
        QVERIFY2(error.startsWith("error: no display") && error.count('\n') == 1, error.constData());
        QVERIFY(!QFile::exists(dir.filePath("experiments.sqlite")));  // nothing opened
    }

    void cropBrowserDrawsEveryCropAndFollowsTheRule() {
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        test::writeIdxPair(d, "train", 8, 4, false);
        test::writeIdxPair(d, "t10k", 4, 4, false);
        auto data = openDataSplits(d).train;
        const std::string path =
            test::writeHandLabelStore(d + "/hand.fkdl", *data, {0.0625f, 0.875f, 0.5f, 0.25f, 0.75f});

        CropBrowser browser(nullptr);
        browser.resize(900, 600);
        browser.show();
        QString error;
        QVERIFY2(browser.open(dir.path(), QString::fromStdString(path), &error), qPrintable(error));
        browser.showImage(3);
        QCOMPARE(browser.boxCount(), 5);
        // The paper's rule: 0.0625 discarded, 0.25 calibrated, 0.5 and 0.75 the teacher's, 0.875 discarded.
        FerkdConfig rule;
        rule.rule = "paper";
        rule.t_low = 0.1;
        rule.t_mid = 0.3;
        rule.t_top = 0.8;
        browser.setRule(rule);
        QCOMPARE(browser.groupCount(CropGroup::DiscardedHard), 1);
        QCOMPARE(browser.groupCount(CropGroup::Calibrated), 1);
        QCOMPARE(browser.groupCount(CropGroup::Teacher), 2);
        QCOMPARE(browser.groupCount(CropGroup::DiscardedEasy), 1);
        QVERIFY(std::abs(browser.datasetShares()[size_t(CropGroup::Teacher)] - 0.4) < 1e-9);
        // The sliders follow the rule, and moving one regroups the crops and the shares.
        auto* tMid = browser.findChild<QDoubleSpinBox*>("tMidSpin");
        QVERIFY(tMid);
        QVERIFY(std::abs(tMid->value() - 0.3) < 1e-9);
        tMid->setValue(0.6);  // now 0.5 is calibrated too
        QCOMPARE(browser.groupCount(CropGroup::Calibrated), 2);
        QVERIFY(std::abs(browser.datasetShares()[size_t(CropGroup::Calibrated)] - 0.4) < 1e-9);
        browser.findChild<QDoubleSpinBox*>("tLowSpin")->setValue(0.7);  // pushes T_M along: T_L <= T_M <= T_T
        QVERIFY(browser.rule().t_mid >= 0.7 && browser.rule().t_top >= browser.rule().t_mid);
        QCOMPARE(browser.groupCount(CropGroup::DiscardedHard), 3);
        // The earlier reading is still there: the least confident 40% of each image calibrated.
        FerkdConfig fraction;
        fraction.rule = "fraction";
        fraction.hard_fraction = 0.4;
        browser.setRule(fraction);
        QCOMPARE(browser.groupCount(CropGroup::Calibrated), 2);
        QCOMPARE(browser.groupCount(CropGroup::Teacher), 3);
        QVERIFY(!browser.findChild<QDoubleSpinBox*>("tLowSpin")->parentWidget()->isEnabled());
        QCOMPARE(browser.findChild<QListWidget*>("cropStrip")->count(), 5);
        // The crop under the pointer is singled out in both places: a thumbnail's box in
        // the image, a box's thumbnail in the strip.
        auto* strip = browser.findChild<QListWidget*>("cropStrip");
        auto* view = browser.findChild<QWidget*>("cropView");
        for (int row : {0, 3}) {
            const QRect item = strip->visualItemRect(strip->item(row));
            QTest::mouseMove(strip->viewport(), item.center());
            QTRY_COMPARE(browser.highlightedCrop(), strip->item(row)->data(Qt::UserRole).toInt());
        }
        size_t smallest = 0;  // a point inside the smallest box hits that box alone
        for (size_t i = 0; i < browser.currentCrops().size(); ++i) {
            const auto& b = browser.currentCrops()[i].box;
            const auto& s = browser.currentCrops()[smallest].box;
            if (b.w * b.h < s.w * s.h) smallest = i;
        }
        QTest::mouseMove(view, browser.cropBoxCentre(int(smallest)));
        QTRY_COMPARE(browser.highlightedCrop(), int(smallest));
        QCOMPARE(browser.selectedThumbnailCrop(), int(smallest));
        // IDX images are named by their index; the search shows the first match.
        QCOMPARE(browser.findByName("#5"), 1);
        QCOMPARE(browser.currentImage(), int64_t(5));
        QCOMPARE(browser.findByName("#"), 8);
        QCOMPARE(browser.findByName("cat.jpg"), 0);
        QCOMPARE(browser.currentImage(), int64_t(0));
        browser.setRule(rule);
        const QImage figure = browser.figureOne(4, 1);  // one row per group
        QVERIFY(!figure.isNull() && figure.width() > 4 * 96 && figure.height() >= 4 * 96);
        // A label set for other data is refused with the reason.
        QTemporaryDir other;
        test::writeIdxPair(other.path().toStdString(), "train", 6, 4, false);
        QVERIFY(!browser.open(other.path(), QString::fromStdString(path), &error));
        QVERIFY2(error.contains("another data set"), qPrintable(error));
    }

    void comparisonShowsOnlyWhatDiffers() {
        RunComparisonView view;
        std::vector<ComparedRun> runs(2);
        runs[0].id = 1;
        runs[0].name = "x s1";
        runs[0].config = test::smallRunConfig();
        runs[0].config.seed = 1;
        runs[0].last_top1 = 80.0;
        runs[1] = runs[0];
        runs[1].id = 2;
        runs[1].name = "x s2";
        runs[1].config.seed = 2;
        runs[1].last_top1 = 84.0;
        view.setRuns(runs);
        QTableWidget* t = view.configTable();
        QCOMPARE(t->rowCount(), 2 + 1);  // best, last, seed (names are equal in the config)
        QCOMPARE(t->verticalHeaderItem(2)->text(), QString("seed"));
        QCOMPARE(t->item(1, 1)->text(), QString("84.00"));
        QCOMPARE(view.seedTable()->rowCount(), 1);
        QCOMPARE(view.seedTable()->item(0, 2)->text(), QString("82.00 ± 2.83"));
        view.setOnlyDifferences(false);
        QVERIFY(t->rowCount() > 50);
    }

    void settingsRoundTrip() {
        QCoreApplication::setOrganizationName("ferkd-studio-test");
        QTemporaryDir dir;
        StudioSettings s;
        s.workspace = dir.path();
        s.threads = 3;
        s.device = "cpu";
        s.processes = 2;
        s.language = "zh_CN";
        s.save();
        const StudioSettings back = StudioSettings::load();
        QCOMPARE(back.workspace, s.workspace);
        QCOMPARE(back.threads, 3);
        QCOMPARE(back.processes, 2);
        QCOMPARE(back.device, QString("cpu"));
        QCOMPARE(back.language, QString("zh_CN"));
        SettingsDialog dialog;
        QCOMPARE(dialog.settings().language, QString("zh_CN"));
        QSettings().clear();
    }

    // Two processes (rank 0 on the controller's thread, rank 1 a `ferkd` child process):
    // the window draws the run as any other, one run in the workspace; Stop reaches both.
    void twoProcessRunShowsAsOneRun() {
        QTemporaryDir dir;
        auto store = std::make_shared<ExperimentStore>(dir.path().toStdString());
        MainWindow window(store);
        window.controller()->setProcesses(2);
        QSignalSpy steps(window.controller(), &RunController::stepReported);
        QSignalSpy finished(window.controller(), &RunController::runFinished);
        const qint64 id = window.startRun(test::smallRunConfig(writeSmallIdxData(dir)));
        // (The window's construction used to leave every chart's first replot to the first
        // event-loop turn, 74-81 ms, which this measured as the run's: ui/plot_refresh.h.)
        const EventLoopGap gap = watchEventLoop([&] { return finished.count() > 0; }, 240000);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(1).toString(), QString("finished"));
        QVERIFY2(gap.blockedMs() < 100, qPrintable(describe(gap)));
        qInfo("largest event-loop gap during the two-process run: %s", qPrintable(describe(gap)));
        QCoreApplication::processEvents();
        QCOMPARE(window.chart()->pointCount(id, "test_top1"), 2);
        QCOMPARE(window.chart()->pointCount(id, "loss"), 8);  // 4 global steps per epoch
        QVERIFY2(store->run(id)->device.find("2 processes") != std::string::npos, store->run(id)->device.c_str());
        QCOMPARE(store->listRuns().size(), size_t(1));

        RunConfig longer = test::smallRunConfig(writeSmallIdxData(dir));
        longer.name = "longer";
        longer.schedule.epochs = 50;
        const qint64 second = window.startRun(longer);
        QTRY_VERIFY_WITH_TIMEOUT(steps.count() >= 10, 120000);
        QElapsedTimer cancel;
        cancel.start();
        window.controller()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(finished.last().at(1).toString(), QString("stopped"));
        qInfo("two processes: stop to 'stopped' %lld ms", (long long)cancel.elapsed());
        QVERIFY(cancel.elapsed() < 5000);
        QCOMPARE(store->run(second)->status, std::string("stopped"));
        window.close();
    }

    // Teacher -> labels -> student queued at once; each stage a run of the workspace.
    void pipelineRunsItsThreeStages() {
        QTemporaryDir dir;
        const std::string d = writeSmallIdxData(dir);
        auto store = std::make_shared<ExperimentStore>(dir.path().toStdString() + "/ws");
        MainWindow window(store);  // observing every stage: charts, log, progress
        window.show();
        RunController& controller = *window.controller();
        QSignalSpy finished(&controller, &RunController::runFinished);
        QSignalSpy labelled(&controller, &RunController::labelProgress);
        RunConfig teacher = test::smallRunConfig(d);
        teacher.name = "pipeline teacher";
        teacher.schedule.epochs = 1;
        RunConfig student = teacher;
        student.name = "pipeline student";
        student.distill.mode = "ferkd";
        student.distill.num_crops = 2;
        LabelJob job;
        job.data = d;
        job.crops = 3;
        job.threads = 1;
        job.out = dir.path().toStdString() + "/pipeline.fkdl";
        const auto [teacherId, studentId] = controller.enqueuePipeline(teacher, job, student);
        // Training, label generation and checkpoint saves: the event loop never stalls.
        const EventLoopGap gap = watchEventLoop([&] { return finished.count() == 3; }, 240000);
        QCOMPARE(finished.count(), 3);
        QVERIFY2(gap.blockedMs() < 100, qPrintable(describe(gap)));
        qInfo("largest event-loop gap over teacher, labels and student: %s", qPrintable(describe(gap)));
        for (const auto& f : finished) QCOMPARE(f.at(1).toString(), QString("finished"));
        QVERIFY(labelled.count() > 0);
        QCOMPARE(store->run(teacherId)->status, std::string(run_status::kFinished));
        QCOMPARE(store->run(studentId)->status, std::string(run_status::kFinished));
        QCOMPARE(store->labelSets().size(), size_t(1));
        QCOMPARE(store->labelSets()[0].run_id, qint64(finished.at(1).at(0).toLongLong()));
        QCOMPARE(int(store->epochMetrics(studentId).size()), 1);

        // The crop browser (opened off the GUI thread) shows the student's prediction beside
        // each stored label.
        CropBrowser browser(std::make_shared<LocalWorkspace>(*store));
        QSignalSpy opened(&browser, &CropBrowser::opened);
        browser.openAsync(QString::fromStdString(d), QString::fromStdString(job.out));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 60000);
        QVERIFY2(opened.first().at(0).toBool(), qPrintable(opened.first().at(1).toString()));
        QString error;
        QCOMPARE(browser.boxCount(), 3);
        QVERIFY(browser.currentCrops()[0].student_class < 0);
        QVERIFY2(browser.setStudentRun(studentId, &error), qPrintable(error));
        for (const auto& c : browser.currentCrops()) QVERIFY(c.student_class >= 0 && c.student_class < 4);

        // The student's results beside its teacher (found through the label set's generation
        // run): agreement and KL per class, from each test image's two predictions.
        ResultsView results(std::make_shared<LocalWorkspace>(*store));
        results.setRun(studentId);
        QSignalSpy evaluated(&results, &ResultsView::evaluated);
        results.evaluate();
        QVERIFY(evaluated.wait(120000));
        const RunEvaluation& r = results.result();
        QVERIFY2(r.comparedTeacher(), qPrintable(QString::fromStdString(r.teacher_note)));
        QVERIFY(QString::fromStdString(r.teacher).contains("pipeline teacher"));
        QCOMPARE(r.class_agreement.size(), size_t(4));
        QCOMPARE(r.predictions.size(), size_t(64));
        int agree = 0;
        double kl = 0;
        for (const auto& p : r.predictions) {
            QVERIFY(p.teacher_predicted >= 0 && p.teacher_predicted < 4);
            QVERIFY(p.kl >= -1e-5);
            agree += p.teacher_predicted == p.predicted;
            kl += p.kl;
        }
        QVERIFY(std::abs(r.agreement - 100.0 * agree / 64) < 1e-9);
        QVERIFY(std::abs(r.mean_kl - kl / 64) < 1e-4);
        QCOMPARE(results.classTable()->columnCount(), 4);
        QVERIFY(results.classTable()->horizontalHeaderItem(2)->text().contains("teacher"));
        QCOMPARE(r.epoch, store->epochMetrics(studentId).back().epoch);  // the epochs as the run counts them

        // An evaluation here says how far it is after each batch, up to the whole split.
        std::vector<std::pair<int64_t, int64_t>> progress;
        LocalWorkspace(*store).evaluate(studentId, "best", false,
                                        [&](int64_t done, int64_t total) { progress.emplace_back(done, total); });
        QVERIFY(!progress.empty());
        QCOMPARE(progress.back(), (std::pair<int64_t, int64_t>(64, 64)));
    }

    // One titled chart per quantity, a legend entry for every drawn line ("run: series"),
    // the x-axis switch, the outlier-aware y range and the log scale.
    void chartsReadAtAGlance() {
        MetricsChart chart;
        const double t0 = 1.7e9;
        std::vector<RunSeries> runs;
        for (qint64 id : {1, 2}) {
            RunSeries r;
            r.id = id;
            r.name = QString("run%1").arg(id);
            for (int step = 4; step <= 16; step += 4) {  // 8 steps per epoch, logged every 4
                StepMetric m;
                m.step = step;
                m.epoch = (step - 1) / 8 + 1;
                m.loss = step == 4 ? 1000.0 : 2.0 - 0.05 * step;  // one spike
                m.lr = 0.001;
                m.images_per_sec = 500;
                m.time = t0 + 2.5 * (step - 4);
                r.steps.push_back(m);
            }
            for (int e = 1; e <= 2; ++e) {
                EpochMetric m;
                m.epoch = e;
                m.step = 8 * e;
                m.train_loss = 1.0 / e;
                m.test_loss = 1.1 / e;
                m.test_top1 = 60.0 + e;
                m.test_top5 = 90.0 + e;
                m.train_top1 = 58.0 + e;
                if (id == 2) m.val_top1 = 59.0 + e, m.val_loss = 1.2 / e, m.val_top5 = 89.0 + e;
                r.epochs.push_back(m);
            }
            runs.push_back(r);
        }
        QVERIFY(chart.showsEmptyHint());  // no run yet: the charts say how to show one
        chart.setRuns(runs);
        QVERIFY(!chart.showsEmptyHint());
        QCOMPARE(chart.chartKeys(), (QStringList{"loss", "epoch_loss", "top1", "top5", "lr", "throughput"}));
        // The lowest and highest values sit inside the frame, not on it (top-1: 59 .. 62).
        const QCPRange top1 = chart.findChild<QCustomPlot*>("chart_top1")->yAxis->range();
        QVERIFY2(top1.lower < 59 && top1.upper > 62, qPrintable(QString("%1 .. %2").arg(top1.lower).arg(top1.upper)));
        for (const QString& key : chart.chartKeys()) {
            QVERIFY2(!chart.chartTitle(key).isEmpty(), qPrintable(key));
            const QStringList legend = chart.legendNames(key);
            QVERIFY2(chart.drawnSeriesCount(key) > 0, qPrintable(key));
            QCOMPARE(legend.size(), chart.drawnSeriesCount(key));
            for (const QString& name : legend) QVERIFY2(name.startsWith("run1: ") || name.startsWith("run2: "), qPrintable(name));
        }
        QCOMPARE(chart.chartTitle("top1"), QString("Top-1 accuracy"));
        // run1 has no validation split: train and test; run2: train, val and test.
        QCOMPARE(chart.legendNames("top1"),
                 (QStringList{"run1: train", "run1: test", "run2: train", "run2: val", "run2: test"}));
        QCOMPARE(chart.legendNames("loss"), (QStringList{"run1: raw", "run1: smoothed", "run2: raw", "run2: smoothed"}));

        QCOMPARE(chart.pointKeys(1, "loss"), (QVector<double>{4, 8, 12, 16}));
        QCOMPARE(chart.pointKeys(1, "test_top1"), (QVector<double>{8, 16}));
        chart.setXAxis(XAxisMode::Epoch);
        QCOMPARE(chart.pointKeys(1, "loss"), (QVector<double>{0.5, 1, 1.5, 2}));
        QCOMPARE(chart.pointKeys(1, "test_top1"), (QVector<double>{1, 2}));
        chart.setXAxis(XAxisMode::RelativeTime);
        QCOMPARE(chart.pointKeys(1, "loss"), (QVector<double>{0, 10, 20, 30}));
        QCOMPARE(chart.pointKeys(1, "test_top1"), (QVector<double>{10, 30}));  // the time of the epoch's last step
        chart.setXAxis(XAxisMode::WallTime);
        QCOMPARE(chart.pointKeys(2, "lr"), (QVector<double>{t0, t0 + 10, t0 + 20, t0 + 30}));
        QCOMPARE(chart.legendNames("loss").size(), 4);  // the legend survives the switch
        chart.setXAxis(XAxisMode::Step);

        // A diverged first step among 100 sets the range unless outliers are ignored.
        MetricsChart spiky;
        spiky.setSmoothing(0);
        RunSeries spike;
        spike.id = 7;
        spike.name = "spike";
        for (int step = 1; step <= 100; ++step) {
            StepMetric m;
            m.step = step;
            m.epoch = 1;
            m.loss = step == 1 ? 1000.0 : 2.0 - 0.01 * step;
            spike.steps.push_back(m);
        }
        spiky.setRuns({spike});
        auto* spikyLoss = spiky.findChild<QCustomPlot*>("chart_loss");
        QVERIFY(spikyLoss->yAxis->range().upper >= 1000);
        spiky.setIgnoreOutliers(true);
        QVERIFY2(spikyLoss->yAxis->range().upper < 3, qPrintable(QString::number(spikyLoss->yAxis->range().upper)));
        QVERIFY(spikyLoss->yAxis->range().lower > 0.5);
        auto* loss = chart.findChild<QCustomPlot*>("chart_loss");
        QVERIFY(loss);
        chart.setLogScale(true);
        QCOMPARE(loss->yAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(chart.findChild<QCustomPlot*>("chart_top1")->yAxis->scaleType(), QCPAxis::stLinear);
        QString error;
        QTemporaryDir dir;
        QVERIFY(chart.saveImage(dir.filePath("charts.png"), &error));
        QCOMPARE(QImage(dir.filePath("charts.png")).size(), QSize(1120, 960));
    }

    // A sweep of three learning rates (decades apart) by two architectures by two seeds:
    // one parallel-coordinates line per run through its values, log on the lr axis, and
    // the metric against lr as mean ± std over the runs sharing each value.
    void sweepViewDrawsEachRunThroughItsValues() {
        std::vector<ComparedRun> runs;
        const double lrs[] = {0.001, 0.01, 0.1};
        const char* archs[] = {"resnet18", "resnet10_small"};
        qint64 id = 1;
        for (double lr : lrs)
            for (const char* arch : archs)
                for (int seed : {1, 2}) {
                    ComparedRun r;
                    r.id = id++;
                    r.name = QString("lr%1-%2-s%3").arg(lr).arg(arch).arg(seed).toStdString();
                    r.config = presetConfig("fmnist-resnet-quick");
                    r.config.optim.lr = lr;
                    r.config.model.arch = arch;
                    r.config.seed = seed;
                    r.config.runtime.threads = seed;  // how it ran, not what it learnt: no axis
                    r.best_top1 = 80 + 100 * lr + (std::string(arch) == "resnet18" ? 2 : 0) + seed;
                    runs.push_back(r);
                }
        runs.back().best_top1.reset();  // still training: no line
        SweepView view;
        view.resize(900, 600);
        view.setRuns(runs);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ParallelCoordinates* pc = view.parallel();
        QCOMPARE(pc->axisNames(), (QStringList{"model.arch", "optim.lr", "best test top-1 %"}));
        for (int a = 0; a < 3; ++a)  // each title whole, the outer ones too
            QVERIFY2(pc->rect().contains(pc->titleRect(a).toAlignedRect()), qPrintable(pc->axisNames()[a]));
        QCOMPARE(pc->lineCount(), 11);
        for (const auto& r : runs) {
            const auto values = pc->lineValues(r.id);
            if (!r.best_top1) {
                QVERIFY(values.empty());
                continue;
            }
            QCOMPARE(values.size(), size_t(3));
            QCOMPARE(values[0], r.config.model.arch == "resnet18" ? 0.0 : 1.0);  // categories in first-seen order
            QCOMPARE(values[1], r.config.optim.lr);
            QCOMPARE(values[2], *r.best_top1);
        }
        // The lr axis is logarithmic: 0.01 sits halfway between 0.001 and 0.1.
        const double y001 = pc->linePoint(1, 1).y(), y01 = pc->linePoint(5, 1).y(), y1 = pc->linePoint(9, 1).y();
        QVERIFY(std::abs((y001 + y1) / 2 - y01) < 1.0);
        // Clicking a line reports its run.
        QSignalSpy clicked(&view, &SweepView::runClicked);
        const QPointF on = (pc->linePoint(6, 1) + pc->linePoint(6, 2)) / 2;
        QTest::mouseClick(pc, Qt::LeftButton, {}, on.toPoint());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.first().at(0).toLongLong(), 6);
        QCOMPARE(pc->highlighted(), 6);

        view.setField("optim.lr");
        const auto points = view.fieldPoints();
        QCOMPARE(points.size(), size_t(3));
        QCOMPARE(points[0].runs, 4);
        QCOMPARE(points[2].runs, 3);  // one run without the metric
        // lr 0.001: 80.1 + {2+1, 2+2, 0+1, 0+2}
        QVERIFY(std::abs(points[0].metric.mean - 82.6) < 1e-9);
        QVERIFY(std::abs(points[0].metric.std - meanStd({83.1, 84.1, 81.1, 82.1}).std) < 1e-9);
        view.setMetric(SweepMetric::BestVal);  // no run has a validation split
        QCOMPARE(pc->lineCount(), 0);
        QVERIFY(view.fieldPoints().empty());
    }

    void seedsDrawAsAMeanWithABand() {
        MetricsChart chart;
        std::vector<RunSeries> runs;
        for (qint64 id : {1, 2, 3}) {
            RunSeries r;
            r.id = id;
            r.name = QString("run s%1").arg(id);
            for (int e = 1; e <= 3; ++e) {
                EpochMetric m;
                m.epoch = e;
                m.step = e * 10;
                m.test_top1 = 50.0 + 10.0 * e + double(id);
                r.epochs.push_back(m);
            }
            runs.push_back(r);
        }
        chart.setRuns(runs);
        chart.setSeedGroups({{1, 2, 3}});
        QCOMPARE(chart.bandCount(), 0);
        chart.setSeedBands(true);
        QCOMPARE(chart.bandCount(), 1);
        chart.setSeedGroups({{1}, {2}, {3}});  // groups of one stay single curves
        QCOMPARE(chart.bandCount(), 0);
        QString error;
        QTemporaryDir dir;
        QVERIFY(chart.saveImage(dir.filePath("bands.png"), &error));
    }

    // The language switches at once: the window is rebuilt in it, keeping the selected
    // run and tab, while the run goes on and the new window draws it.
    void languageSwitchesWhileARunGoesOn() {
        QCoreApplication::setOrganizationName("ferkd-studio-test");
        QTemporaryDir dir;
        auto store = std::make_shared<ExperimentStore>(dir.path().toStdString());
        LanguageManager languages;
        languages.install(QLocale("en"));
        StudioShell shell(store, &languages);
        shell.window()->setAskBeforeClosing(false);
        shell.window()->show();
        QSignalSpy started(shell.controller(), &RunController::runStarted);
        QSignalSpy finished(shell.controller(), &RunController::runFinished);
        const qint64 id = shell.window()->startRun(test::smallRunConfig());
        QTRY_VERIFY_WITH_TIMEOUT(started.count() > 0, 60000);
        shell.window()->showTab("log");
        QPointer<MainWindow> old = shell.window();
        QCOMPARE(old->findChild<QAction*>("actionNewRun")->text(), QString("New run"));

        shell.setLanguage("de");
        QVERIFY(shell.window() != old.data());
        QCOMPARE(shell.window()->findChild<QAction*>("actionNewRun")->text(), QString("Neuer Lauf"));
        QCOMPARE(shell.window()->currentTabName(), QString("log"));
        QCOMPARE(shell.window()->selectedRuns(), QList<qint64>{id});
        QTRY_VERIFY(old.isNull());  // the old window is gone, the run is not
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, 240000);
        QCOMPARE(finished.first().at(1).toString(), QString("finished"));
        QTRY_COMPARE(shell.window()->chart()->pointCount(id, "test_top1"), 2);
        shell.setLanguage("zh_CN");
        QCOMPARE(shell.window()->findChild<QAction*>("actionNewRun")->text(), QString::fromUtf8("新建运行"));
        languages.install(QLocale("en"));
        QSettings().clear();
    }

    // The data set view scans off the GUI thread and lists every file left out.
    void datasetViewScansWithoutBlocking() {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        for (const char* c : {"cat", "dog"})
            for (int i = 0; i < 6; ++i) {
                QImage img(40, 30, QImage::Format_RGB888);
                img.fill(QColor(20 * i, c[0], 90));
                QDir().mkpath(QString::fromStdString(root + "/" + c));
                QVERIFY(img.save(QString::fromStdString(root + "/" + c + "/" + std::to_string(i) + " é.png")));
            }
        test::writeFile(root + "/cat/zero.png", "");
        test::writeFile(root + "/dog/text.jpg", "not an image");

        DatasetView view;
        view.show();
        QSignalSpy scanned(&view, &DatasetView::scanned);
        view.scan(dir.path());
        const EventLoopGap gap = watchEventLoop([&] { return scanned.count() > 0; }, 60000);
        QCOMPARE(scanned.count(), 1);
        QVERIFY2(scanned.first().at(0).toBool(), qPrintable(scanned.first().at(1).toString()));
        QVERIFY2(gap.blockedMs() < 100, qPrintable(describe(gap)));
        QCOMPARE(view.problemRows(), 2);
        QCOMPARE(view.sampleCount(), 8);  // 4 per class
        QCOMPARE(view.inspection().splits.front().images, int64_t(12));
        QCOMPARE(view.inspection().splits.front().samples[0][0].name, std::string("cat/0 é.png"));

        view.scan(dir.filePath("missing"));
        QTRY_COMPARE(scanned.count(), 2);
        QVERIFY(!scanned.last().at(0).toBool());
        QVERIFY2(scanned.last().at(1).toString().contains("missing"), qPrintable(scanned.last().at(1).toString()));
    }

    // An empty workspace shows what to do first, not empty charts; its quick start trains.
    void firstStartShowsTheWelcomePanel() {
        QTemporaryDir dir;
        auto store = std::make_shared<ExperimentStore>(dir.path().toStdString());
        MainWindow window(store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showsWelcome());
        QVERIFY(window.findChild<WelcomePanel*>("welcomePanel")->isVisible());
        QVERIFY(window.findChild<QLabel*>("welcomeWorkspace")->text().contains(dir.path()));
        for (auto* plot : window.chart()->findChildren<QCustomPlot*>()) QVERIFY(!plot->legend->visible());
        QSignalSpy started(window.controller(), &RunController::runStarted);
        window.findChild<QPushButton*>("welcomeQuickStart")->click();
        QTRY_VERIFY_WITH_TIMEOUT(started.count() > 0, 60000);
        QTRY_VERIFY(!window.showsWelcome());
        window.controller()->stopAll();
        QVERIFY(window.controller()->waitUntilIdle(120000));
        QCOMPARE(store->listRuns().size(), size_t(1));
        QCOMPARE(store->listRuns()[0].preset, std::string("fmnist-resnet-quick"));
    }

    // Opening another workspace from the studio: a new window on it, remembered for the next start.
    void anotherWorkspaceOpensInTheStudio() {
        QCoreApplication::setOrganizationName("ferkd-studio-test");
        const StudioSettings before = StudioSettings::load();
        QTemporaryDir first, second;
        LanguageManager languages;
        languages.install(QLocale("en"));
        StudioShell shell(std::make_shared<ExperimentStore>(first.path().toStdString()), &languages);
        shell.window()->show();
        shell.openWorkspace(second.path());
        QVERIFY(shell.window()->showsWelcome());
        QVERIFY(shell.window()->findChild<QLabel*>("welcomeWorkspace")->text().contains(second.path()));
        QVERIFY(QFileInfo::exists(second.filePath("experiments.db")) || !QDir(second.path()).isEmpty());
        QCOMPARE(StudioSettings::load().workspace, second.path());
        before.save();
    }

    void quickStartIsOneClick() {
        QTemporaryDir dir;
        auto store = std::make_shared<ExperimentStore>(dir.path().toStdString());
        MainWindow window(store);
        auto* button = window.findChild<QToolButton*>("quickStartButton");
        QVERIFY(button && button->menu());
        QAction *quick = nullptr, *student = nullptr;
        for (QAction* a : button->menu()->actions()) {
            if (a->text() == "fmnist-resnet-quick") quick = a;
            if (a->text().startsWith("fmnist-ferkd-student")) student = a;
        }
        QVERIFY(quick && quick->isEnabled());
        QVERIFY(student && !student->isEnabled());  // needs a label set first
        QSignalSpy started(window.controller(), &RunController::runStarted);
        quick->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(started.count() > 0, 60000);  // may come before any wait() starts
        window.controller()->stopAll();
        QVERIFY(window.controller()->waitUntilIdle(120000));
        QCOMPARE(store->listRuns().size(), size_t(1));
        QCOMPARE(store->listRuns()[0].preset, std::string("fmnist-resnet-quick"));
    }
};

FERKD_TEST_SUITE("studio", TestStudio)
#include "moc_test_studio.cpp"
