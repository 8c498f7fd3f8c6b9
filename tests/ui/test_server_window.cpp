// The studio on a `ferkd serve` (File > Connect to server), offscreen, on loopback: the
// connection (a saved token, a wrong one), a run queued from the window whose curve grows
// while it trains on the server, a second run stopped from the window with its
// checkpoint, the crop browser on a label set of the server, and the window through a
// server killed and restarted.
#include <signal.h>
#include <sys/stat.h>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "charts/metrics_chart.h"
#include "crops/crop_browser.h"
#include "dialogs/pipeline_dialog.h"
#include "labels/crop_inspector.h"
#include "config/config_request.h"
#include "remote/access_token.h"
#include "remote/remote_workspace.h"
#include "runs/checkpoints_view.h"
#include "runs/results_view.h"
#include "runs/runs_panel.h"
#include "serve_process.h"
#include "server/connect_dialog.h"
#include "server/server_run_host.h"
#include "store/experiment_store.h"
#include "test_suites.h"
#include "test_support.h"
#include "window/language_manager.h"
#include "window/main_window.h"
#include "window/studio_shell.h"
#include "workspace/local_workspace.h"

using namespace ferkd;
using ferkd::test::ServeProcess;

class ServerWindowTest : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString data_;

    RunConfig smallRun(const QString& name, int epochs) const {
        ConfigRequest request;
        request.json = {{"name", name.toStdString()},
                        {"data", {{"path", data_.toStdString()}, {"test_limit", 64}}},
                        {"model", {{"arch", "resnet10_small"}}},
                        {"schedule", {{"epochs", epochs}, {"batch_size", 32}}},
                        {"runtime", {{"threads", 1}, {"log_every", 1}}}};
        return resolveConfig(request);
    }

    static bool tableShows(const ui::MainWindow& window, const QString& text) {
        const auto* model = window.runsPanel()->table()->model();
        for (int r = 0; r < model->rowCount(); ++r)
            for (int c = 0; c < model->columnCount(); ++c)
                if (model->index(r, c).data().toString() == text) return true;
        return false;
    }

    // Ends the workspace's runs still training when a test leaves early: a run paused on
    // a server that is gone would wait forever.
    struct StopsItsRuns {
        QString workspace;
        ~StopsItsRuns() {
            try {
                auto local = LocalWorkspace::open(workspace.toStdString());
                for (const auto& r : local->listRuns())
                    if (r.status == run_status::kRunning || r.status == run_status::kPaused) local->stop(r.id);
            } catch (const std::exception&) {
            }
        }
    };

    // A window on the server at `url` serving `ws`, shown, polling every 200 ms.
    static std::unique_ptr<ui::MainWindow> serverWindow(const QString& url, const QString& ws) {
        auto remote = std::make_shared<RemoteWorkspace>(url.toStdString(), readAccessToken((ws + "/server/token").toStdString()));
        auto window = std::make_unique<ui::MainWindow>(remote, std::make_unique<ui::ServerRunHost>(remote, 200));
        window->setAskBeforeClosing(false);
        window->show();
        return window;
    }

    static std::optional<RunRecord> runOn(const std::shared_ptr<RemoteWorkspace>& server, int64_t id) {
        try {
            return server->run(id);
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // the saved token goes to a test folder, not the user's
        QVERIFY(tmp_.isValid());
        data_ = QString::fromStdString(test::writeIdxDataSet(tmp_.filePath("data").toStdString(), 256, 128));
    }

    // The token is kept for the next connection, readable by its owner alone; a token that
    // is not one, a URL that is not one, and a server that refuses the token are said at once.
    void connectingKeepsTheTokenPrivate() {
        const QString ws = tmp_.filePath("connect");
        ServeProcess server(ws, {});
        QVERIFY2(!server.url().isEmpty(), qPrintable(server.output()));
        const std::string token = readAccessToken((ws + "/server/token").toStdString());

        ui::ConnectDialog dialog;
        dialog.urlField()->setText("ftp://example");
        dialog.tokenField()->setText(QString::fromStdString(token));
        dialog.accept();
        QVERIFY2(dialog.result() != QDialog::Accepted && dialog.error().contains("http://host:port"), qPrintable(dialog.error()));
        dialog.urlField()->setText(server.url());
        dialog.tokenField()->setText("not-a-token");
        dialog.accept();
        QVERIFY2(dialog.result() != QDialog::Accepted && dialog.error().contains("64 hex digits"), qPrintable(dialog.error()));
        dialog.tokenField()->setText(QString::fromStdString(token));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        struct stat st {};
        QCOMPARE(::stat(dialog.tokenFile().toLocal8Bit().constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QCOMPARE(QString::fromStdString(readAccessToken(dialog.tokenFile().toStdString())), QString::fromStdString(token));

        ui::ConnectDialog again;  // remembered: nothing to type
        QCOMPARE(again.urlField()->text(), server.url());
        again.accept();
        QCOMPARE(again.result(), int(QDialog::Accepted));

        auto local = std::make_shared<ExperimentStore>(tmp_.filePath("local").toStdString());
        ui::LanguageManager languages;
        ui::StudioShell shell(local, &languages);
        const QString wrong = tmp_.filePath("wrong.token");
        saveAccessToken(wrong.toStdString(), std::string(64, 'f'));
        QString error;
        QVERIFY(!shell.connectToServer(server.url(), wrong, &error));
        QVERIFY2(error.contains("401"), qPrintable(error));
        ui::MainWindow* window = shell.connectToServer(server.url(), dialog.tokenFile(), &error);
        QVERIFY2(window, qPrintable(error));
        QVERIFY(window->connectionText().contains("connected"));
        QVERIFY(window->cropBrowser());  // the server's label sets, opened there
        QVERIFY(!window->cropBrowser()->findChild<QLineEdit*>("cropLabels")->isVisibleTo(window));
        QVERIFY(window->showsWelcome());    // an empty workspace, without this machine's choices
        QVERIFY(window->findChild<QPushButton*>("welcomeQuickStart")->isVisibleTo(window));
        QVERIFY(!window->findChild<QPushButton*>("welcomePipeline")->isVisibleTo(window));
    }

    // Pipeline in a server's window: the server names the label file (no field for it),
    // and checks the three parts before it records anything.
    void pipelineIsQueuedOnTheServer() {
        const QString ws = tmp_.filePath("pipeline");
        ServeProcess server(ws, {"--allow-control", "--data-root", data_});
        QVERIFY2(!server.url().isEmpty(), qPrintable(server.output()));
        auto window = serverWindow(server.url(), ws);
        auto* action = window->findChild<QAction*>("actionPipeline");
        QVERIFY(action && action->isEnabled());
        ui::PipelineDialog dialog(QString(), window.get());
        dialog.show();
        QVERIFY(!dialog.findChild<QLineEdit*>("pipelineOut")->isVisible());
        RunConfig teacher = smallRun("teacher", 1);
        RunConfig student = teacher;
        student.distill.mode = "fkd";
        student.optim.lr = -1;
        LabelJob job;
        job.crops = 0;
        try {
            window->host()->enqueuePipeline(teacher, job, student);
            QFAIL("a pipeline with a bad student and a bad crop count was queued");
        } catch (const ConfigError& e) {
            QVERIFY2(QString(e.what()).contains("student: ") && QString(e.what()).contains("optim.lr"), e.what());
        }
        auto remote = std::make_shared<RemoteWorkspace>(server.url().toStdString(),
                                                        readAccessToken((ws + "/server/token").toStdString()));
        QCOMPARE(int(remote->listRuns().size()), 0);
    }

    void studioQueuesFollowsAndStopsServerRuns() {
        const QString ws = tmp_.filePath("queue");
        const StopsItsRuns cleanup{ws};
        ServeProcess server(ws, {"--allow-control", "--data-root", data_});
        QVERIFY2(!server.url().isEmpty(), qPrintable(server.output()));
        auto remote = std::make_shared<RemoteWorkspace>(server.url().toStdString(),
                                                        readAccessToken((ws + "/server/token").toStdString()));
        ui::MainWindow window(remote, std::make_unique<ui::ServerRunHost>(remote, 200));
        window.setAskBeforeClosing(false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Queued from the window (New run's path), validated on the server.
        QElapsedTimer clock;
        clock.start();
        // 12 epochs, about 6 s alone: on a busy machine (ctest -j 2) a 4-epoch run ended in
        // the time the window took to see its curve grow three times.
        const qint64 first = window.startRun(smallRun("from the studio", 12));
        QCOMPARE(window.selectedRuns(), QList<qint64>{first});
        // The curve grows while the run trains: counts seen at different times, each larger.
        QList<int> counts;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     const int n = window.chart()->pointCount(first, "loss");
                                     const auto r = runOn(remote, first);
                                     if (n > 0 && (counts.isEmpty() || n > counts.last()) && r &&
                                         r->status == run_status::kRunning)
                                         counts << n;
                                     return counts.size() >= 3;
                                 }()),
                                 60000);
        qInfo("the curve grew %d times while the run trained (%lld ms in)", int(counts.size()), clock.elapsed());
        QTRY_VERIFY_WITH_TIMEOUT(runOn(remote, first) && runOn(remote, first)->status == run_status::kFinished, 120000);
        qInfo("first run finished at %lld ms", clock.elapsed());
        QTRY_VERIFY_WITH_TIMEOUT(window.chart()->pointCount(first, "test_top1") == 12, 10000);
        // Each step once: the live rows and the history read on selection do not repeat.
        QCOMPARE(window.chart()->pointCount(first, "loss"), int(remote->stepMetrics(first).size()));
        // Its final top-1 in the runs table, as the server's store has it.
        const QString best = QString::number(*remote->run(first)->best_top1, 'f', 2);
        QTRY_VERIFY_WITH_TIMEOUT(tableShows(window, best), 10000);
        // Its results, evaluated on the server: the run's best top-1, the confusion matrix
        // of the test split; a cell's thumbnails come from the server as PNG, the same pixels
        // as the test split's here.
        window.showTab("results");
        QSignalSpy evaluated(window.results(), &ui::ResultsView::evaluated);
        window.results()->evaluate();
        QTRY_COMPARE_WITH_TIMEOUT(evaluated.count(), 1, 60000);
        QCOMPARE(QString::number(window.results()->result().top1, 'f', 2), best);
        QCOMPARE(window.results()->result().images, int64_t(64));
        QCOMPARE(int(window.results()->result().predictions.size()), 64);
        const ImagePrediction p = window.results()->result().predictions.front();
        window.results()->showCell(p.truth, p.predicted);
        QListWidget* images = window.results()->imageList();
        QVERIFY(images->count() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(images->item(images->count() - 1)->data(ui::ResultsView::kThumbnailRole).toBool(), 10000);
        const auto here = LocalWorkspace::open(ws.toStdString())->evaluate(first, "best", false, {});
        const ImagePixels a = here.image(p.image), b = window.results()->result().image(p.image);
        QVERIFY(a.width == b.width && a.channels == b.channels && a.data == b.data);

        // A second run, stopped from the window: it checkpoints and ends "stopped".
        const qint64 second = window.startRun(smallRun("stopped from the studio", 300));
        QTRY_VERIFY_WITH_TIMEOUT(window.host()->activeRun() == second && window.chart()->pointCount(second, "loss") > 0, 60000);
        qInfo("second run shown training at %lld ms", clock.elapsed());
        QVERIFY(window.findChild<QAction*>("actionStop")->isEnabled());
        window.findChild<QAction*>("actionStop")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(runOn(remote, second) && runOn(remote, second)->status == run_status::kStopped, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.host()->busy(), 5000);
        window.selectRun(second);
        window.showTab("checkpoints");
        QTRY_VERIFY_WITH_TIMEOUT(window.checkpoints()->table()->rowCount() > 0, 5000);
        QVERIFY(!window.checkpoints()->table()->findItems("last", Qt::MatchExactly).isEmpty());

        // Start on the stopped run queues it again on the server: it resumes from that checkpoint.
        const int steps = int(remote->stepMetrics(second).size());
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QAction*>("actionStart")->isEnabled(), 10000);
        window.findChild<QAction*>("actionStart")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.host()->activeRun() == second, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(int(remote->stepMetrics(second).size()) > steps, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QAction*>("actionStop")->isEnabled(), 5000);
        window.findChild<QAction*>("actionStop")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(runOn(remote, second) && runOn(remote, second)->status == run_status::kStopped, 60000);
    }

    // The server killed mid-run and started again at the same address: the window says the
    // server is out of reach, keeps its curves, and goes on when it is back.
    // The crop browser of a server window opens the server's label set there: the same
    // crops as the files give here, the student's predictions, the Figure-1 export.
    void cropBrowserOpensAServersLabelSet() {
        const QString ws = tmp_.filePath("crops");
        const QString made = test::makeLabelledWorkspace(ws, data_, 4);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        ServeProcess server(ws, {});
        QVERIFY2(!server.url().isEmpty(), qPrintable(server.output()));
        const auto shown = serverWindow(server.url(), ws);
        ui::MainWindow& window = *shown;
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showTab("crops");
        ui::CropBrowser* browser = window.cropBrowser();
        auto* sets = browser->findChild<QComboBox*>("labelSetCombo");
        QCOMPARE(sets->count(), 1);
        QVERIFY(sets->itemData(0, Qt::ToolTipRole).toString().contains(data_));  // the data set it was made for
        QSignalSpy opened(browser, &ui::CropBrowser::opened);
        browser->openLabelSetAsync(sets->itemData(0).toLongLong());
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 60000);
        QVERIFY2(opened.first().at(0).toBool(), qPrintable(opened.first().at(1).toString()));
        // The server's answers come on a worker thread; the window goes on meanwhile.
        QTRY_VERIFY_WITH_TIMEOUT(browser->settled(), 30000);
        QCOMPARE(browser->boxCount(), 4);
        QVERIFY(browser->datasetShares()[0] + browser->datasetShares()[1] + browser->datasetShares()[2] +
                    browser->datasetShares()[3] > 0.99);
        // Five images asked for at once, as a slider drag does: the last one is shown.
        for (int64_t image = 1; image <= 5; ++image) browser->showImage(image);
        QVERIFY(!browser->settled());
        QTRY_VERIFY_WITH_TIMEOUT(browser->settled(), 30000);
        QCOMPARE(browser->currentImage(), int64_t(5));

        ExperimentStore store(ws.toStdString());
        LocalWorkspace local(store);
        const auto here = local.inspectLabelSet(sets->itemData(0).toLongLong());
        const auto crops = here->crops(browser->currentImage(), browser->rule());
        QCOMPARE(browser->currentCrops().size(), crops.size());
        for (size_t c = 0; c < crops.size(); ++c) {
            QCOMPARE(browser->currentCrops()[c].p_true, crops[c].p_true);
            QVERIFY(browser->currentCrops()[c].group == crops[c].group);
        }
        QString error;
        QVERIFY2(browser->setStudentRun(requireRun(local, "teacher").id, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(browser->settled(), 30000);
        for (const auto& c : browser->currentCrops()) QVERIFY(c.student_class >= 0 && c.student_class < 4);
        const QImage figure = browser->figureOne(2, 1);
        QVERIFY(!figure.isNull() && figure.width() > 100);
    }

    void windowRidesOutAServerRestart() {
        const QString ws = tmp_.filePath("restart");
        const StopsItsRuns cleanup{ws};
        const QString listen = QString("127.0.0.1:%1").arg(test::freeLoopbackPort());
        auto server = std::make_unique<ServeProcess>(ws, QStringList{"--allow-control", "--data-root", data_}, listen);
        QVERIFY2(!server->url().isEmpty(), qPrintable(server->output()));
        auto remote = std::make_shared<RemoteWorkspace>(server->url().toStdString(),
                                                        readAccessToken((ws + "/server/token").toStdString()));
        ui::MainWindow window(remote, std::make_unique<ui::ServerRunHost>(remote, 200));
        window.setAskBeforeClosing(false);
        window.show();
        const qint64 id = window.startRun(smallRun("through a restart", 6));
        QTRY_VERIFY_WITH_TIMEOUT(window.chart()->pointCount(id, "loss") > 0, 180000);
        remote->pause(id);  // so that it cannot end while no server watches it
        QTRY_VERIFY_WITH_TIMEOUT(window.host()->paused(), 30000);
        // Paused by another client: the window's actions follow.
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QAction*>("actionResume")->isEnabled(), 5000);
        QVERIFY(!window.findChild<QAction*>("actionPause")->isEnabled());
        const int before = window.chart()->pointCount(id, "loss");

        server->stop(SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionText().contains("not reachable"), 10000);
        QCOMPARE(window.chart()->pointCount(id, "loss"), before);  // what it showed stays
        QCOMPARE(window.runCount(), 1);

        server = std::make_unique<ServeProcess>(ws, QStringList{"--allow-control", "--data-root", data_}, listen);
        QVERIFY2(!server->url().isEmpty(), qPrintable(server->output()));
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionText().contains("connected") &&
                                     !window.connectionText().contains("not reachable"),
                                 10000);
        QVERIFY(window.findChild<QAction*>("actionResume")->isEnabled());
        window.findChild<QAction*>("actionResume")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(runOn(remote, id) && runOn(remote, id)->status == run_status::kFinished, 240000);
        QTRY_COMPARE_WITH_TIMEOUT(window.chart()->pointCount(id, "loss"), int(remote->stepMetrics(id).size()), 10000);
        QCOMPARE(test::sqliteIntegrity((ws + "/experiments.sqlite").toStdString()), std::string("ok"));
    }
};

FERKD_TEST_SUITE("server", ServerWindowTest)
#include "moc_test_server_window.cpp"
