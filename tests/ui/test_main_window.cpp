// The studio starts, shows its main window with the workspace's runs, and exits cleanly.
#include <QProcess>
#include <QTableWidget>
#include <QtTest>

#include "main_window.h"
#include "store/experiment_store.h"

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void showsRunsFromTheStore() {
        QTemporaryDir dir;
        auto store = std::make_shared<ferkd::ExperimentStore>(dir.path().toStdString());
        store->createRun("first", "train", "fmnist-resnet-quick", "{}");
        store->createRun("second", "train", "", "{}");
        ferkd::ui::MainWindow window(store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.runCount(), 2);
        auto* table = window.findChild<QTableWidget*>("runsTable");
        QVERIFY(table);
        QCOMPARE(table->item(1, 1)->text(), QString("second"));
        store->createRun("third", "train", "", "{}");
        window.refreshRuns();
        QCOMPARE(window.runCount(), 3);
        window.close();
    }

    void binaryStartsAndExitsCleanly() {
        QTemporaryDir dir;
        QProcess studio;
        studio.start(QString(FERKD_BIN_DIR) + "/ferkd-studio", {"--workspace", dir.path(), "--quit-after", "500"});
        QVERIFY(studio.waitForStarted());
        QVERIFY(studio.waitForFinished(30000));
        QCOMPARE(studio.exitStatus(), QProcess::NormalExit);
        QCOMPARE(studio.exitCode(), 0);
        QVERIFY(QFile::exists(dir.path() + "/experiments.sqlite"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
