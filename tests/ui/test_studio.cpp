// The studio's own behaviour, offscreen: the config form refuses bad fields with the
// core's message and blocks Start; a run started from the window trains on the worker
// thread, draws its curves and ends "finished" while the event loop stays responsive;
// pause, resume and stop; CSV export; closing during a run stops it cleanly.
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

#include "config_editor.h"
#include "main_window.h"
#include "metrics_chart.h"
#include "new_run_dialog.h"
#include "run_controller.h"
#include "store/experiment_store.h"
#include "test_support.h"

using namespace ferkd;
using namespace ferkd::ui;

namespace {

void type(QWidget* root, const char* field, const QString& text) {
    auto* line = root->findChild<QLineEdit*>(field);
    QVERIFY2(line, field);
    line->clear();
    QTest::keyClicks(line, text);
}

QString statusOf(QTableWidget* table, qint64 id) {
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->text().toLongLong() == id) return table->item(row, 4)->text();
    return {};
}

// Largest gap between the ticks of a 10 ms timer while `until` is false: how long the
// event loop was blocked.
qint64 maxEventLoopGap(const std::function<bool()>& until, int timeoutMs) {
    QElapsedTimer clock, since;
    clock.start();
    since.start();
    qint64 worst = 0;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        worst = std::max(worst, since.restart());
    });
    tick.start(10);
    while (!until() && clock.elapsed() < timeoutMs) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return worst;
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

    void runFromTheWindowDrawsCurvesAndFinishes() {
        QTemporaryDir dir;
        auto store = std::make_shared<ExperimentStore>(dir.path().toStdString());
        MainWindow window(store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(window.controller(), &RunController::runFinished);
        RunConfig config = test::smallRunConfig();
        const qint64 id = window.startRun(config);
        const qint64 gap = maxEventLoopGap([&] { return finished.count() > 0; }, 240000);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(1).toString(), QString("finished"));
        QVERIFY2(gap < 100, qPrintable(QString("event loop blocked for %1 ms").arg(gap)));
        qInfo("largest event-loop gap during the run: %lld ms", (long long)gap);
        QCoreApplication::processEvents();
        QCOMPARE(window.chart()->pointCount(id, "test_top1"), 2);
        QVERIFY(window.chart()->pointCount(id, "loss") >= 8);  // 8 steps per epoch, live
        QCOMPARE(statusOf(window.findChild<QTableWidget*>("runsTable"), id), QString("finished"));

        // CSV export of the run: one row per epoch plus the header.
        const QString csv = dir.filePath("metrics.csv");
        QString error;
        QVERIFY2(window.exportMetricsCsv(csv, {id}, &error), qPrintable(error));
        QCOMPARE(QString::fromStdString(test::readFile(csv.toStdString())).count('\n'), 1 + 2);
        // Charts save as PNG and PDF.
        QVERIFY(window.chart()->saveImage(dir.filePath("chart.png"), &error));
        QVERIFY(window.chart()->saveImage(dir.filePath("chart.pdf"), &error));
        QVERIFY(test::readFile(dir.filePath("chart.pdf").toStdString()).rfind("%PDF", 0) == 0);
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
        window.controller()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QCOMPARE(finished.first().at(1).toString(), QString("stopped"));
        window.close();
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
};

QTEST_MAIN(TestStudio)
#include "test_studio.moc"
