// The studio starts, shows its main window with the workspace's runs, and exits cleanly;
// the runs table (model/view) at 1366 px, its sorting, filters and remembered columns,
// and a workspace of 2,000 runs without a blocked event loop.
#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QLabel>
#include <QProcess>
#include <QScrollBar>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QtTest>

#include <qcustomplot.h>

#include "charts/metrics_chart.h"
#include "config/presets.h"
#include "event_loop_watch.h"
#include "dialogs/config_editor.h"
#include "test_suites.h"
#include "window/main_window.h"
#include "runs/runs_panel.h"
#include "runs/runs_table_model.h"
#include "store/experiment_store.h"

using ferkd::ui::RunsTableModel;

namespace {

// A finished run with a best test top-1 and tags.
qint64 finishedRun(ferkd::ExperimentStore& store, const std::string& name, double top1, const std::string& tags) {
    const qint64 id = store.createRun(name, "train", "fmnist-resnet-quick", "{}");
    store.markStarted(id, "cpu");
    store.setStatus(id, ferkd::run_status::kFinished);
    store.setBestTop1(id, top1);
    if (!tags.empty()) store.setTags(id, tags);
    return id;
}

// The names down the table as it is sorted and filtered now.
QStringList shownNames(const QTableView* table) {
    QStringList names;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        names << table->model()->index(row, RunsTableModel::kName).data().toString();
    return names;
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName("ferkd-studio-test");
        QCoreApplication::setApplicationName("test_main_window");
        QSettings().clear();
    }
    void cleanup() { QSettings().clear(); }

    // Four problems typed into the form come at once, counted on the first line, each
    // naming its field (as `ferkd train --set` reports them).
    void theFormReportsEveryProblemCounted() {
        ferkd::ui::ConfigEditor editor;
        editor.show();
        for (const auto& [field, text] : std::vector<std::pair<QString, QString>>{
                 {"distill.ferkd.t_low", "0.5"}, {"distill.ferkd.t_mid", "0.2"}, {"distill.ferkd.eps", "1.5"},
                 {"optim.lr", "-1"}, {"schedule.epochs", "0"}}) {
            auto* line = editor.findChild<QLineEdit*>(field);
            QVERIFY2(line, qPrintable(field));
            line->selectAll();
            QTest::keyClicks(line, text);
        }
        const QStringList lines = editor.findChild<QLabel*>("validationSummary")->text().split('\n');
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[0], QString("4 problems in the config:"));
        for (const char* field : {"distill.ferkd.t_low", "distill.ferkd.eps", "optim.lr", "schedule.epochs"})
            QVERIFY2(lines.filter(QString(field) + ": ").size() == 1, qPrintable(lines.join('\n')));
        QVERIFY(!editor.isValid());

        // Valid, the form says what batch and epochs come to under FKD's accounting: Table 1's numbers.
        editor.setConfig(ferkd::presetConfig("table1-resnet50-pretrain"));
        QTest::keyClicks(editor.findChild<QLineEdit*>("distill.labels"), "imagenet.fkdl");
        const QString summary = editor.findChild<QLabel*>("validationSummary")->text();
        QVERIFY2(editor.isValid(), qPrintable(summary));
        QVERIFY2(summary.endsWith("\n1024 crops per step (256 images x 4); 300 epochs of crop-views = 75 passes (FKD's accounting)"),
                 qPrintable(summary));
    }

    // A quick-start run's long default name neither widens its chart nor pushes the second
    // column behind a scroll bar at 1366 px; its legend entry keeps the name, elided.
    void longRunNamesKeepBothChartColumnsAt1366() {
        QTemporaryDir dir;
        auto store = std::make_shared<ferkd::ExperimentStore>(dir.path().toStdString());
        finishedRun(*store, "another", 80, "");  // a workspace with runs shows the monitor, not the welcome panel
        ferkd::ui::MainWindow window(store);
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* chart = window.findChild<ferkd::ui::MetricsChart*>();
        QVERIFY(chart);
        const QString name = "fmnist-resnet-quick-20261206-142042-with-a-longer-tail";
        ferkd::ui::RunSeries series;
        series.id = 1;
        series.name = name;
        for (int s = 1; s <= 20; ++s) {
            ferkd::StepMetric m;
            m.step = s;
            m.loss = 2.0 / s;
            m.lr = 0.1;
            m.images_per_sec = 100;
            m.time = s;
            series.steps.push_back(m);
        }
        chart->setRuns({series});
        auto* tabs = window.findChild<QTabWidget*>("detailTabs");
        tabs->setCurrentWidget(chart);
        QApplication::processEvents();
        auto* cards = chart->findChild<QScrollArea*>("chartCards");
        QVERIFY(cards);
        QVERIFY(!cards->horizontalScrollBar()->isVisible());
        QCustomPlot* loss = chart->findChild<QCustomPlot*>("chart_loss");
        QCustomPlot* epochLoss = chart->findChild<QCustomPlot*>("chart_epoch_loss");
        QVERIFY(std::abs(loss->width() - epochLoss->width()) <= 2);  // the two columns share the width
        QVERIFY(epochLoss->geometry().right() <= cards->viewport()->width());
        QCOMPARE(chart->legendNames("loss"), (QStringList{name + ": raw", name + ": smoothed"}));
        // The empty charts keep a chart's size, their axes too.
        QCustomPlot* top1 = chart->findChild<QCustomPlot*>("chart_top1");
        QVERIFY(top1->height() >= 220);
        top1->replot();
        QVERIFY2(top1->axisRect()->width() > top1->width() / 2,
                 qPrintable(QString("axes %1 px of %2").arg(top1->axisRect()->width()).arg(top1->width())));
        // The crop browser's three panes fit beside the runs table too.
        auto* crops = window.findChild<QScrollArea*>("cropBrowserScroll");
        tabs->setCurrentWidget(crops);
        QApplication::processEvents();
        QVERIFY2(crops->widget()->minimumSizeHint().width() <= crops->viewport()->width(),
                 qPrintable(QString("%1 > %2").arg(crops->widget()->minimumSizeHint().width()).arg(crops->viewport()->width())));
        QVERIFY(!crops->horizontalScrollBar()->isVisible());
    }

    void defaultTableShowsStatusAndBestAt1366() {
        QTemporaryDir dir;
        auto store = std::make_shared<ferkd::ExperimentStore>(dir.path().toStdString());
        for (int i = 0; i < 5; ++i) finishedRun(*store, "fmnist-resnet-quick-" + std::to_string(i), 80 + i, "baseline");
        ferkd::ui::MainWindow window(store);
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* table = window.findChild<QTableView*>("runsTable");
        QVERIFY(table);
        const int viewport = table->viewport()->width();
        for (int column : {RunsTableModel::kName, RunsTableModel::kStatus, RunsTableModel::kBestVal, RunsTableModel::kBestTest,
                           RunsTableModel::kTags, RunsTableModel::kStarted, RunsTableModel::kDuration}) {
            QVERIFY2(!table->isColumnHidden(column), qPrintable(QString::number(column)));
            const int right = table->columnViewportPosition(column) + table->columnWidth(column);
            QVERIFY2(right <= viewport, qPrintable(QString("column %1 ends at %2 of %3 px").arg(column).arg(right).arg(viewport)));
        }
        QVERIFY(!table->horizontalScrollBar()->isVisible());
        QCOMPARE(table->model()->index(0, RunsTableModel::kStatus).data().toString(), QString("finished"));
        window.close();
    }

    void tableSortsFiltersAndRemembersColumns() {
        QTemporaryDir dir;
        auto store = std::make_shared<ferkd::ExperimentStore>(dir.path().toStdString());
        finishedRun(*store, "low", 50, "sweep");
        const qint64 high = finishedRun(*store, "high", 90, "baseline");
        finishedRun(*store, "mid", 70, "sweep,lr");
        const qint64 failed = store->createRun("broken", "train", "fmnist-vit-quick", "{}");
        store->setStatus(failed, ferkd::run_status::kFailed, "out of memory");
        {
            ferkd::ui::MainWindow window(store);
            auto* table = window.findChild<QTableView*>("runsTable");
            table->sortByColumn(RunsTableModel::kBestTest, Qt::DescendingOrder);
            QCOMPARE(shownNames(table), (QStringList{"high", "mid", "low", "broken"}));  // numbers sort as numbers
            auto* filter = window.findChild<QLineEdit*>("runFilter");
            filter->setText("tag:sweep");
            QCOMPARE(shownNames(table), (QStringList{"mid", "low"}));
            filter->setText("sweep lr");  // every word must match
            QCOMPARE(shownNames(table), (QStringList{"mid"}));
            filter->setText("preset:vit");
            QCOMPARE(shownNames(table), (QStringList{"broken"}));
            filter->clear();
            auto* status = window.findChild<QComboBox*>("statusFilter");
            status->setCurrentIndex(status->findData(QString(ferkd::run_status::kFailed)));
            QCOMPARE(shownNames(table), (QStringList{"broken"}));
            QCOMPARE(table->model()->index(0, RunsTableModel::kStatus).data(Qt::ToolTipRole).toString(), QString("out of memory"));
            status->setCurrentIndex(0);

            // Start is offered for a run it would queue: the failed one (it resumes), not a finished one.
            auto* start = window.findChild<QAction*>("actionStart");
            window.selectRun(high);
            QVERIFY(!start->isEnabled());
            window.selectRun(failed, true);
            QVERIFY(start->isEnabled());

            // A refresh with a changed and a new run keeps the selection and the sort, and
            // the actions follow the changed status.
            window.selectRun(failed);
            store->setBestTop1(failed, 95);
            store->setStatus(failed, ferkd::run_status::kFinished);
            finishedRun(*store, "new", 60, "");
            window.refreshRuns();
            QCOMPARE(shownNames(table), (QStringList{"broken", "high", "mid", "new", "low"}));
            QCOMPARE(window.selectedRuns(), QList<qint64>{failed});
            QVERIFY(!start->isEnabled());

            window.runsPanel()->setColumnShown(RunsTableModel::kTags, false);
            window.runsPanel()->setColumnShown(RunsTableModel::kId, true);
        }
        ferkd::ui::MainWindow again(store);  // the column choice is remembered
        QVERIFY(!again.runsPanel()->columnShown(RunsTableModel::kTags));
        QVERIFY(again.runsPanel()->columnShown(RunsTableModel::kId));
    }

    // A workspace of 2,000 finished runs: opening, sorting, filtering and refreshing it
    // never blocks the event loop for 100 ms.
    void twoThousandRunsStayResponsive() {
        QTemporaryDir dir;
        auto store = std::make_shared<ferkd::ExperimentStore>(dir.path().toStdString());
        QElapsedTimer made;
        made.start();
        for (int i = 0; i < 2000; ++i)
            finishedRun(*store, "run-" + std::to_string(i), (i * 37) % 1000 / 10.0, i % 3 ? "sweep" : "baseline");
        qInfo("2000 runs written through the store in %lld ms", (long long)made.elapsed());

        std::unique_ptr<ferkd::ui::MainWindow> window;
        QTableView* table = nullptr;
        // Each step runs from the event loop; the watch says how long the longest blocked it.
        const QList<std::function<void()>> steps = {
            [&] {
                window = std::make_unique<ferkd::ui::MainWindow>(store);
                window->resize(1366, 768);
                window->show();
                table = window->findChild<QTableView*>("runsTable");
            },
            [&] { table->sortByColumn(RunsTableModel::kBestTest, Qt::DescendingOrder); },
            [&] { table->sortByColumn(RunsTableModel::kName, Qt::AscendingOrder); },
            [&] { table->sortByColumn(RunsTableModel::kDuration, Qt::DescendingOrder); },
            [&] { window->findChild<QLineEdit*>("runFilter")->setText("tag:baseline"); },
            [&] { window->findChild<QLineEdit*>("runFilter")->setText("run-1"); },
            [&] { window->findChild<QLineEdit*>("runFilter")->clear(); },
            [&] { window->selectRun(1000); },
            [&] { window->refreshRuns(); },
            [&] { window->refreshRuns(); },
            [&] { table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum()); },
        };
        int next = 0;
        ferkd::test::EventLoopWatch watch;
        QTimer driver;
        QObject::connect(&driver, &QTimer::timeout, [&] {
            if (next < steps.size()) steps[next++]();
        });
        driver.start(30);
        QTRY_VERIFY_WITH_TIMEOUT(next == steps.size(), 30000);
        QTest::qWait(100);
        const ferkd::test::EventLoopGap worst = watch.worst();
        qInfo("largest event-loop gap with 2000 runs: %s", qPrintable(describe(worst)));
        QCOMPARE(window->runCount(), 2000);
        QCOMPARE(window->selectedRuns(), QList<qint64>{1000});
        QVERIFY2(worst.blockedMs() < 100, qPrintable(describe(worst)));
        window->close();
    }

    void showsRunsFromTheStore() {
        QTemporaryDir dir;
        auto store = std::make_shared<ferkd::ExperimentStore>(dir.path().toStdString());
        store->createRun("first", "train", "fmnist-resnet-quick", "{}");
        store->createRun("second", "train", "", "{}");
        ferkd::ui::MainWindow window(store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.runCount(), 2);
        auto* table = window.findChild<QTableView*>("runsTable");
        QVERIFY(table);
        // Newest first by default.
        QCOMPARE(table->model()->index(0, ferkd::ui::RunsTableModel::kName).data().toString(), QString("second"));
        store->createRun("third", "train", "", "{}");
        window.refreshRuns();
        QCOMPARE(window.runCount(), 3);
        // A label generation's run (its config is the job's) selected alone and beside a
        // training run: shown, not compared, not duplicated (this once ended the studio).
        const qint64 labels = store->createRun("labels x", "labels", "", R"({"crops": 4, "data": "d", "out": "x.fkdl"})");
        window.refreshRuns();
        window.selectRun(labels);
        window.selectRun(1, true);
        QCOMPARE(window.selectedRuns().size(), 2);
        window.selectRun(labels);
        window.findChild<QAction*>("actionDuplicate")->trigger();
        QVERIFY(window.statusBar()->currentMessage().contains("generated labels"));
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

FERKD_TEST_SUITE("main_window", TestMainWindow)
#include "moc_test_main_window.cpp"
