#include "window/main_window.h"

#include <algorithm>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <sstream>
#include <thread>

#include "charts/metrics_chart.h"
#include "charts/sweep_view.h"
#include "charts/system_metrics_view.h"
#include "config/config_io.h"
#include "config/presets.h"
#include "crops/crop_browser.h"
#include "crops/dataset_view.h"
#include "dialogs/export_dialog.h"
#include "dialogs/new_run_dialog.h"
#include "dialogs/pipeline_dialog.h"
#include "dialogs/settings_dialog.h"
#include "runs/checkpoints_view.h"
#include "runs/results_view.h"
#include "runs/run_actions.h"
#include "runs/run_comparison_view.h"
#include "runs/run_controller.h"
#include "runs/runs_panel.h"
#include "runs/runs_table_model.h"
#include "store/experiment_store.h"
#include "window/welcome_panel.h"
#include "workspace/local_workspace.h"
#include "workspace/metrics_csv.h"
#ifdef FERKD_WITH_SERVER
#include "server/connect_dialog.h"
#endif
#include "store/run_files.h"
#include "util/atomic_file.h"
#include "util/text.h"

namespace ferkd::ui {

namespace {

// The store's workspace, keeping the store alive as long as any view holds the workspace
// (views are deleted after the window's members).
std::shared_ptr<Workspace> localWorkspaceOf(const std::shared_ptr<ExperimentStore>& store) {
    return std::shared_ptr<Workspace>(new LocalWorkspace(*store), [store](Workspace* w) { delete w; });
}

// A training run that is not under way, queued or done: Start puts it in the queue (a
// stopped or failed one resumes from its last checkpoint).
bool startable(const RunRecord& r) {
    return r.kind == "train" && r.status != run_status::kFinished && r.status != run_status::kRunning &&
           r.status != run_status::kQueued && r.status != run_status::kPaused;
}

}  // namespace

MainWindow::MainWindow(std::shared_ptr<ExperimentStore> store, RunController* controller, QWidget* parent)
    : QMainWindow(parent), store_(std::move(store)), workspace_(localWorkspaceOf(store_)), controller_(controller) {
    if (!controller_) controller_ = new RunController(store_, this);
    host_ = controller_;
    build();
}

MainWindow::MainWindow(std::shared_ptr<Workspace> workspace, std::unique_ptr<RunHost> host, QWidget* parent)
    : QMainWindow(parent), workspace_(std::move(workspace)), host_(host.get()), serverHost_(std::move(host)) {
    build();
}

template <typename Read>
bool MainWindow::reading(Read&& read) {
    try {
        read();
        if (!connectedShown_) showConnection(true, {});
        return true;
    } catch (const std::exception& e) {
        if (store_) throw;  // a local store's problems are not a connection's
        showConnection(false, QString::fromUtf8(e.what()));
        return false;
    }
}

QString MainWindow::connectionText() const { return connectionLabel_ ? connectionLabel_->text() : QString(); }

void MainWindow::showConnection(bool connected, const QString& message) {
    if (!connectionLabel_) return;
    const bool back = connected && !connectedShown_;
    connectedShown_ = connected;
    const QString where = QString::fromStdString(workspace_->location());
    connectionLabel_->setText(connected ? tr("Server %1: connected").arg(where)
                                        : tr("Server %1: not reachable, showing what was read before (%2)").arg(where, message));
    connectionLabel_->setStyleSheet(connected ? QString() : QStringLiteral("color: #b00020;"));
    if (back) {  // what changed meanwhile
        refreshRuns();
        showSelection();
    }
}

void MainWindow::build() {
    setObjectName("MainWindow");
    setWindowTitle(store_ ? tr("FerKD Studio") : tr("FerKD Studio: %1").arg(QString::fromStdString(workspace_->location())));
    setWindowIcon(QIcon(":/icons/ferkd-studio.svg"));
    buildLayout();
    buildToolbar();
    buildMenus();
    buildStatusBar();
    observeHost();
    // Runs started elsewhere (the CLI, another studio) show up without a manual refresh.
    auto* poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this] {
        // Rows update in place: cheap, and the running run's duration moves. A server out of
        // reach is not asked (its host says when it is back).
        if (connectedShown_) refreshRuns();
        // The system tab follows a run in progress at the monitor's sampling pace.
        if (connectedShown_ && host_->busy() && details_->currentWidget() == system_) showSystemMetrics();
    });
    poll->start(5000);

    refreshRuns();
    restoreLayout();
}

// The stage, progress and device; a server's workspace also shows its connection.
void MainWindow::buildStatusBar() {
    deviceLabel_ = new QLabel(tr("Device: CPU, %1 threads").arg(std::thread::hardware_concurrency()), this);
    deviceLabel_->setObjectName("deviceLabel");
    statusBar()->addPermanentWidget(stageLabel_);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(deviceLabel_);
    if (store_) {
        statusBar()->showMessage(tr("Workspace: %1").arg(QString::fromStdString(workspace_->location())));
    } else {
        deviceLabel_->setText(tr("Runs train on the server"));
        chart_->setSkipsKnownPoints(true);
        connectionLabel_ = new QLabel(this);
        connectionLabel_->setObjectName("connectionLabel");
        statusBar()->addPermanentWidget(connectionLabel_);
        showConnection(true, {});
        connect(host_, &RunHost::connectionChanged, this, &MainWindow::showConnection);
    }
}

// The runs' progress as the host reports it: the chart, the runs table, the status bar, the log.
void MainWindow::observeHost() {
    connect(host_, &RunHost::activeRunChanged, this, &MainWindow::updateActions);
    connect(host_, &RunHost::runStarted, this, [this](qint64 id) {
        refreshRuns();
        if (selectedRuns().isEmpty() || selectedRuns() == QList<qint64>{id}) selectRun(id);
        logView_->appendPlainText(tr("run %1 started").arg(id));
    });
    connect(host_, &RunHost::stageStarted, this, [this](qint64 id, const QString& stage) {
        stageLabel_->setText(stage);
        showRunDevice(id);
        updateActions();  // the trainer pauses itself when the disk is full
    });
    connect(host_, &RunHost::stepReported, this, [this](const StepReport& r) {
        chart_->appendStep(r);
        runsPanel_->setProgress(r.run_id, r.step, r.total_steps);
        // A server's run has no step total until its first epoch ends: its bar counts epochs till then.
        progress_->setMaximum(int(std::max<int64_t>(1, r.total_steps > 0 ? r.total_steps : r.epochs)));
        progress_->setValue(int(r.total_steps > 0 ? r.step : r.epoch - 1));
        // r.epoch is already 1-based, as the CLI prints it.
        const QString stage = tr("epoch %1/%2, %3 img/s").arg(r.epoch).arg(r.epochs).arg(r.images_per_sec, 0, 'f', 0);
        stageLabel_->setText(r.eta_seconds > 0
                                 ? tr("%1, ETA %2").arg(stage, QString::fromStdString(formatDuration(r.eta_seconds)))
                                 : stage);
    });
    connect(host_, &RunHost::labelProgress, this,
            [this](qint64, qint64 done, qint64 total, double ips, double eta) {
                progress_->setMaximum(int(std::max<qint64>(1, total)));
                progress_->setValue(int(done));
                stageLabel_->setText(tr("labelling %1/%2 images, %3 img/s, ETA %4")
                                         .arg(done)
                                         .arg(total)
                                         .arg(ips, 0, 'f', 0)
                                         .arg(QString::fromStdString(formatDuration(eta))));
            });
    connect(host_, &RunHost::epochReported, this, [this](const EpochReport& r) {
        chart_->appendEpoch(r);
        refreshRuns();
    });
    connect(host_, &RunHost::logged, this, [this](qint64 id, const QString& level, const QString& message) {
        if (selectedRuns().contains(id)) logView_->appendPlainText(level + ": " + message);
    });
    connect(host_, &RunHost::runFinished, this, [this](qint64 id, const QString& status, const QString& message) {
        refreshRuns();
        // The run's last system sample is written as it ends. (The charts keep the live
        // points: every step, where the store logs every few.)
        if (selectedRuns().contains(id)) showSystemMetrics();
        stageLabel_->setText(tr("run %1 %2").arg(id).arg(runStatusText(status.toStdString())));
        if (!message.isEmpty()) logView_->appendPlainText(message);
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::buildLayout() {
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName("mainSplitter");
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    runsPanel_ = new RunsPanel(workspace_);
    runsPanel_->setObjectName("runsPanel");
    connect(runsPanel_, &RunsPanel::selectionChanged, this, [this] {
        showSelection();
        updateActions();
    });
    leftLayout->addWidget(runsPanel_, 1);
    split->addWidget(left);

    details_ = new QTabWidget;
    details_->setObjectName("detailTabs");
    chart_ = new MetricsChart;
    chart_->setObjectName("metricsChart");
    details_->addTab(chart_, tr("Monitor"));
    system_ = new SystemMetricsView;
    system_->setObjectName("systemMetricsView");
    details_->addTab(system_, tr("System"));
    configView_ = new QPlainTextEdit;
    configView_->setObjectName("configView");
    configView_->setReadOnly(true);
    details_->addTab(configView_, tr("Config"));
    logView_ = new QPlainTextEdit;
    logView_->setObjectName("logView");
    logView_->setReadOnly(true);
    logView_->setMaximumBlockCount(5000);
    details_->addTab(logView_, tr("Log"));
    comparison_ = new RunComparisonView;
    comparison_->setObjectName("comparisonView");
    details_->addTab(comparison_, tr("Compare"));
    sweep_ = new SweepView;
    sweep_->setObjectName("sweepView");
    // A clicked line's run becomes the runs table's current row; the selection (the
    // runs the sweep view shows) stays.
    connect(sweep_, &SweepView::runClicked, this, [this](qint64 id) { runsPanel_->revealRun(id); });
    details_->addTab(sweep_, tr("Sweep"));
    results_ = new ResultsView(workspace_);  // a server's evaluates there
    results_->setObjectName("resultsView");
    details_->addTab(results_, tr("Results"));
    checkpoints_ = new CheckpointsView(workspace_, host_);
    checkpoints_->setObjectName("checkpointsView");
    details_->addTab(checkpoints_, tr("Checkpoints"));
    welcome_ = new WelcomePanel(QString::fromStdString(workspace_->location()));
    if (!store_) welcome_->hideLocalChoices();
    connect(welcome_, &WelcomePanel::quickStartRequested, this, [this] { quickStart("fmnist-resnet-quick"); });
    connect(welcome_, &WelcomePanel::pipelineRequested, this, &MainWindow::openPipeline);
    connect(welcome_, &WelcomePanel::inspectDataRequested, this, [this] { showDatasetView({}); });
    connect(welcome_, &WelcomePanel::openWorkspaceRequested, this, &MainWindow::chooseWorkspace);
    rightStack_ = new QStackedWidget;
    rightStack_->setObjectName("rightStack");
    rightStack_->addWidget(welcome_);
    rightStack_->addWidget(details_);
    split->addWidget(rightStack_);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    setCentralWidget(split);

    stageLabel_ = new QLabel(this);
    stageLabel_->setObjectName("stageLabel");
    progress_ = new QProgressBar(this);
    progress_->setObjectName("stageProgress");
    progress_->setMaximumWidth(180);
    cropBrowser_ = new CropBrowser(workspace_);
    cropBrowser_->setObjectName("cropBrowser");
    if (!store_) cropBrowser_->hideLocalChoices();  // a server's label sets open there
    // Its three panes need about 890 px: in a scroll area, so the runs table beside it
    // keeps its default columns in a 1366 px window.
    auto* cropScroll = new QScrollArea;
    cropScroll->setObjectName("cropBrowserScroll");
    cropScroll->setWidgetResizable(true);
    cropScroll->setFrameShape(QFrame::NoFrame);
    cropScroll->setWidget(cropBrowser_);
    cropTab_ = cropScroll;
    details_->addTab(cropTab_, tr("Crop browser"));
}

// The runs' actions, each with its shortcut, on the toolbar (the menus reuse them).
void MainWindow::buildToolbar() {
    auto* toolbar = addToolBar(tr("Runs"));
    toolbar->setObjectName("runsToolbar");
    auto add = [&](const QString& text, const QKeySequence& key, const QString& name, auto slot) {
        auto* a = new QAction(text, this);
        a->setShortcut(key);
        a->setObjectName(name);
        a->setToolTip(text + " (" + key.toString(QKeySequence::NativeText) + ")");
        connect(a, &QAction::triggered, this, slot);
        toolbar->addAction(a);
        return a;
    };
    newAct_ = add(tr("New run"), QKeySequence::New, "actionNewRun", [this] { newRun(nullptr); });
    toolbar->addWidget(buildQuickStart());
    add(tr("Pipeline"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), "actionPipeline", [this] { openPipeline(); });
    startAct_ = add(tr("Start"), QKeySequence(Qt::CTRL | Qt::Key_R), "actionStart",
                    [this] { steer(tr("Start"), [this] { startSelected(); }); });
    pauseAct_ = add(tr("Pause"), QKeySequence(Qt::CTRL | Qt::Key_P), "actionPause", [this] {
        steer(tr("Pause"), [this] {
            host_->pause();
            stageLabel_->setText(tr("paused"));
        });
    });
    resumeAct_ = add(tr("Resume"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), "actionResume",
                     [this] { steer(tr("Resume"), [this] { host_->resume(); }); });
    stopAct_ = add(tr("Stop"), QKeySequence(Qt::CTRL | Qt::Key_Period), "actionStop",
                   [this] { steer(tr("Stop"), [this] { host_->stop(); }); });
    toolbar->addSeparator();
    duplicateAct_ = add(tr("Duplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), "actionDuplicate", [this] { duplicateSelected(); });
    exportAct_ = add(tr("Export..."), QKeySequence(Qt::CTRL | Qt::Key_E), "actionExport", [this] { exportWeights(); });
    csvAct_ = add(tr("Export CSV"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), "actionCsv", [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export metrics"), "metrics.csv", tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportMetricsCsv(path, selectedRuns(), &error))
            QMessageBox::warning(this, tr("Export metrics"), error);
    });
    saveChartAct_ = add(tr("Save chart"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), "actionSaveChart", [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save chart"), "chart.png", tr("PNG (*.png);;PDF (*.pdf)"));
        QString error;
        if (!path.isEmpty() && !chart_->saveImage(path, &error)) QMessageBox::warning(this, tr("Save chart"), error);
    });
}

// One click from an empty workspace to a training run: the quick presets that need
// nothing else (the distillation students need a label set: Pipeline does that).
QToolButton* MainWindow::buildQuickStart() {
    auto* quick = new QMenu(tr("Quick start"), this);
    quick->setObjectName("quickStartMenu");
    for (const auto& preset : presetRegistry()) {
        if (preset.source != "quick start") continue;
        const std::string name = preset.name;
        QAction* a = quick->addAction(QString::fromStdString(name), this, [this, name] { quickStart(name); });
        a->setToolTip(QString::fromStdString(preset.description));
        const bool ready = validationErrors(presetConfig(name)).empty();
        a->setEnabled(ready);
        if (!ready) a->setText(a->text() + " " + tr("(needs a label set: use Pipeline)"));
    }
    quick->setToolTipsVisible(true);
    auto* quickButton = new QToolButton;
    quickButton->setObjectName("quickStartButton");
    quickButton->setText(tr("Quick start"));
    quickButton->setMenu(quick);
    quickButton->setPopupMode(QToolButton::InstantPopup);
    return quickButton;
}

// Steering a server's run can fail (the run ended meanwhile, the server is out of reach).
void MainWindow::steer(const QString& what, const std::function<void()>& act) {
    try {
        act();
    } catch (const std::exception& e) {
        QMessageBox::warning(this, what, QString::fromUtf8(e.what()));
    }
    updateActions();
}

// The selected training runs that are not under way or done go into the queue.
void MainWindow::startSelected() {
    for (qint64 id : selectedRuns()) {
        auto r = workspace_->run(id);  // as it is now, not as the table last showed it
        if (r && startable(*r)) host_->enqueueExisting(id);
    }
}

// The New run form with the first selected run's config (a training run's only).
void MainWindow::duplicateSelected() {
    auto ids = selectedRuns();
    if (ids.isEmpty()) return;
    std::optional<RunRecord> r;
    if (!reading([&] { r = workspace_->run(ids.first()); }) || !r) return;
    if (!trainsAModel(*r)) {
        statusBar()->showMessage(tr("Run %1 generated labels: only a training run can be duplicated").arg(r->id), 5000);
        return;
    }
    RunConfig config = runConfigOf(*r);
    config.name.clear();
    newRun(&config);
}

// File, Run (the toolbar's actions and the runs' management), Help; the runs table's context menu.
void MainWindow::buildMenus() {
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(newAct_);
    auto* refresh = file->addAction(tr("&Refresh runs"), this, &MainWindow::refreshRuns);
    refresh->setShortcut(QKeySequence::Refresh);
    file->addAction(exportAct_);
    file->addAction(csvAct_);
    file->addAction(saveChartAct_);
    file->addSeparator();
    auto* open = file->addAction(tr("&Open workspace..."), this, &MainWindow::chooseWorkspace);
    open->setObjectName("actionOpenWorkspace");
    open->setShortcut(QKeySequence::Open);
    open->setVisible(store_ != nullptr);  // a server's window shows that server only
#ifdef FERKD_WITH_SERVER
    auto* connectServer = file->addAction(tr("&Connect to server..."), this, &MainWindow::connectToServer);
    connectServer->setObjectName("actionConnectServer");
#endif
    auto* inspect = file->addAction(tr("&Inspect data set..."), this, [this] { showDatasetView({}); });
    inspect->setObjectName("actionInspectData");
    inspect->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    auto* settings = file->addAction(tr("&Settings..."), this, [this] {
        const QString before = StudioSettings::load().language;
        SettingsDialog dialog(this);
        if (dialog.exec() != QDialog::Accepted) return;
        if (controller_) controller_->setProcesses(dialog.settings().processes);
        if (dialog.settings().language != before) emit languageChosen(dialog.settings().language);
    });
    settings->setShortcut(QKeySequence::Preferences);
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    auto* runMenu = menuBar()->addMenu(tr("&Run"));
    for (QAction* a : {startAct_, pauseAct_, resumeAct_, stopAct_, duplicateAct_}) runMenu->addAction(a);
    runMenu->addSeparator();
    runActions_ = new RunActions(workspace_, this, [this] { return selectedRuns(); });
    runActions_->addTo(runMenu);
    // Del deletes the selected runs while the runs table has the focus, not while a field
    // elsewhere in the window is being edited.
    runActions_->deleteAct->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    runsPanel_->table()->addAction(runActions_->deleteAct);
    connect(runActions_, &RunActions::changed, this, [this] {
        refreshRuns();
        updateActions();
    });
    connect(runsPanel_, &RunsPanel::contextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu(this);
        for (QAction* a : {startAct_, duplicateAct_, exportAct_, csvAct_}) menu.addAction(a);
        menu.addSeparator();
        runActions_->addTo(&menu);
        menu.exec(at);
    });
    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About FerKD Studio"), this, [this] {
        QMessageBox::about(this, tr("About FerKD Studio"),
                           tr("FerKD Studio %1\nKnowledge distillation with region-level soft labels (FKD, FerKD).")
                               .arg(QApplication::applicationVersion()));
    });
}

// The device and precision (runtime.precision = auto resolved) a run computes on, once
// its worker has chosen them.
void MainWindow::showRunDevice(qint64 runId) {
    std::optional<RunRecord> run;
    if (!reading([&] { run = workspace_->run(runId); }) || !run || run->device.empty()) return;
    const QString device = QString::fromStdString(run->device);
    deviceLabel_->setText(run->precision.empty()
                              ? tr("Device: %1").arg(device)
                              : tr("Device: %1, %2").arg(device, QString::fromStdString(run->precision)));
}

void MainWindow::updateActions() {
    const bool active = host_->activeRun() != 0;
    const bool paused = host_->paused();
    const std::vector<const RunRecord*> selected = runsPanel_->selectedRecords();
    const bool selection = !selected.empty();
    startAct_->setEnabled(std::any_of(selected.begin(), selected.end(), [](const RunRecord* r) { return startable(*r); }));
    pauseAct_->setEnabled(active && !paused);
    resumeAct_->setEnabled(active && paused);
    stopAct_->setEnabled(active);
    duplicateAct_->setEnabled(selection);
    exportAct_->setEnabled(selected.size() == 1);
    csvAct_->setEnabled(selection);
    if (runActions_) runActions_->updateEnabled();
}

void MainWindow::refreshRuns() {
    std::vector<RunRecord> runs;
    if (reading([&] { runs = workspace_->listRuns(); })) {
        rightStack_->setCurrentWidget(runs.empty() && !welcomeDismissed_ ? static_cast<QWidget*>(welcome_) : details_);
        if (runActions_) runsPanel_->setShowArchived(runActions_->showArchived());
        // The model updates rows in place: selection, sort and scroll position stay.
        runsPanel_->setRuns(std::move(runs));
    }
    updateActions();  // a selected run's status may have moved (set also when a server is out of reach)
}

int MainWindow::runCount() const { return runsPanel_->visibleCount(); }

QList<qint64> MainWindow::selectedRuns() const { return runsPanel_->selectedRuns(); }

void MainWindow::selectRun(qint64 runId, bool addToSelection) {
    const QList<qint64> before = selectedRuns();
    runsPanel_->selectRun(runId, addToSelection);
    // Asked for again: the details are read again from the store (a run that ended since).
    if (selectedRuns() == before) showSelection();
}

void MainWindow::showSelection() {
    std::vector<RunSeries> series;
    std::vector<ComparedRun> compared;
    const bool read = reading([&] {
        for (qint64 id : selectedRuns()) {
            auto r = workspace_->run(id);
            if (!r) continue;
            series.push_back({id, QString::fromStdString(r->name), workspace_->stepMetrics(id), workspace_->epochMetrics(id)});
            if (!trainsAModel(*r)) continue;  // a label generation has no training config to compare
            ComparedRun c;
            c.id = id;
            c.name = r->name;
            c.config = runConfigOf(*r);
            c.best_top1 = r->best_top1;
            c.best_val_top1 = r->best_val_top1;
            if (!series.back().epochs.empty()) c.last_top1 = series.back().epochs.back().test_top1;
            compared.push_back(std::move(c));
        }
    });
    if (!read) return;  // the views keep what they show
    chart_->setRuns(series);
    showSystemMetrics();
    std::vector<std::vector<qint64>> groups;
    for (const auto& g : groupBySeed(compared)) groups.emplace_back(g.runs.begin(), g.runs.end());
    chart_->setSeedGroups(groups);
    comparison_->setRuns(compared);
    sweep_->setRuns(compared);
    results_->setRun(series.size() == 1 ? series.front().id : 0);
    checkpoints_->setRun(series.size() == 1 ? series.front().id : 0);
    configView_->clear();
    logView_->clear();
    if (series.empty()) return;
    std::optional<RunRecord> first;
    std::vector<EventRecord> events;
    if (!reading([&] {
            first = workspace_->run(series.front().id);
            if (first) events = workspace_->events(first->id);
        }) || !first)
        return;
    configView_->setPlainText(QString::fromStdString(first->config_json));
    for (const auto& e : events) logView_->appendPlainText(QString::fromStdString(e.level + ": " + e.message));
}

void MainWindow::showSystemMetrics() {
    QList<QPair<qint64, QString>> named;
    reading([&] {
        for (qint64 id : selectedRuns())
            if (auto r = workspace_->run(id)) named.append({id, QString::fromStdString(r->name)});
        system_->setRuns(*workspace_, named);
    });
}

qint64 MainWindow::startRun(const RunConfig& config) {
    const qint64 id = host_->enqueue(config);
    refreshRuns();
    selectRun(id);
    updateActions();
    return id;
}

// The tabs by the names showTab and currentTabName use.
QList<QPair<QString, QWidget*>> MainWindow::namedTabs() const {
    return {{"monitor", chart_},     {"system", system_},     {"config", configView_}, {"log", logView_},           {"compare", comparison_}, {"sweep", sweep_},
            {"results", results_},   {"checkpoints", checkpoints_}, {"crops", cropTab_}};
}

bool MainWindow::showsWelcome() const { return rightStack_->currentWidget() == welcome_; }

void MainWindow::showTab(const QString& name) {
    welcomeDismissed_ = true;  // a tab asked for by name (e.g. --labels opens the crop browser) is shown
    rightStack_->setCurrentWidget(details_);
    for (const auto& [tabName, widget] : namedTabs())
        if (widget && tabName == name.toLower()) details_->setCurrentWidget(widget);
}

void MainWindow::showDatasetView(const QString& path) {
    auto* view = new DatasetView(this);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->show();
    if (!path.isEmpty()) view->scan(path);
}

QString MainWindow::currentTabName() const {
    for (const auto& [tabName, widget] : namedTabs())
        if (widget == details_->currentWidget()) return tabName;
    return {};
}

void MainWindow::showCropBrowser(const QString& dataPath, const QString& labelsPath) {
    if (!cropBrowser_) return;
    details_->setCurrentWidget(cropTab_);
    cropBrowser_->openAsync(dataPath, labelsPath);
}

void MainWindow::newRun(const RunConfig* base) {
    NewRunDialog dialog(this);
    if (controller_) dialog.setPlanContext(store_->workspace(), controller_->processes());
    else dialog.setTrainsOn(QString::fromStdString(workspace_->location()));
    if (base) {
        dialog.setConfig(*base);
    } else if (controller_) {  // a preset, with this machine's threads and device from the settings
        RunConfig config = dialog.config();
        StudioSettings::load().applyTo(config);
        dialog.setConfig(config);
    }
    if (dialog.exec() != QDialog::Accepted) return;
    try {
        startRun(dialog.config());
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("New run"), QString::fromUtf8(e.what()));
    }
}

QString MainWindow::systemCsvPath(const QString& metricsCsv) {
    QString base = metricsCsv;
    if (base.endsWith(".csv", Qt::CaseInsensitive)) base.chop(4);
    return base + "-system.csv";
}

bool MainWindow::exportMetricsCsv(const QString& path, const QList<qint64>& runs, QString* error) const {
    try {
        const std::vector<int64_t> ids(runs.begin(), runs.end());
        std::ostringstream text;
        writeMetricsCsv(*workspace_, ids, false, text);
        writeTextFileAtomically(path.toStdString(), text.str());
        // The system samples beside it (as `ferkd runs export-csv --system` writes them).
        if (std::any_of(ids.begin(), ids.end(), [&](int64_t id) { return !workspace_->systemMetrics(id).empty(); })) {
            std::ostringstream system;
            writeSystemMetricsCsv(*workspace_, ids, system);
            writeTextFileAtomically(systemCsvPath(path).toStdString(), system.str());
        }
        return true;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

void MainWindow::quickStart(const std::string& preset) {
    RunConfig config = presetConfig(preset);
    if (controller_) StudioSettings::load().applyTo(config);  // this machine's threads and device
    try {
        startRun(config);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Quick start"), QString::fromUtf8(e.what()));
    }
}

void MainWindow::openPipeline() {
    // Here the label store goes to this workspace's labels/ folder; a server names its own.
    QString folder;
    if (store_) {
        folder = QString::fromStdString(store_->workspace()) + "/labels";
        QDir().mkpath(folder);
    }
    PipelineDialog dialog(folder, this);
    if (dialog.exec() != QDialog::Accepted) return;
    try {
        host_->enqueuePipeline(dialog.teacherConfig(), dialog.labelJob(), dialog.studentConfig());
        refreshRuns();
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Pipeline"), QString::fromUtf8(e.what()));
    }
}

void MainWindow::chooseWorkspace() {
    const QString start = store_ ? QString::fromStdString(store_->workspace()) : QString();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open workspace"), start);
    if (!folder.isEmpty()) emit workspaceChosen(folder);
}

void MainWindow::connectToServer() {
#ifdef FERKD_WITH_SERVER
    ConnectDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) emit serverChosen(dialog.url(), dialog.tokenFile());
#endif
}

void MainWindow::exportWeights() {
    const auto ids = selectedRuns();
    if (ids.size() != 1) return;
    const qint64 id = ids.first();
    ExportDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted) return;
    const WeightsExport choice = dialog.choice();
    const QString out = QFileDialog::getSaveFileName(
        this, tr("Export"), QString("run%1%2").arg(id).arg(QString::fromStdString(weightsExportSuffix(choice.format))));
    if (out.isEmpty()) return;
    // Large models take a while to write (or to come from a server): off the GUI thread.
    auto workspace = workspace_;
    auto* worker = QThread::create([this, workspace, id, choice, out] {
        QString message;
        try {
            message = tr("exported run %1 to %2: %3")
                          .arg(id)
                          .arg(out, QString::fromStdString(workspace->exportWeights(id, choice, out.toStdString())));
        } catch (const std::exception& e) {
            message = tr("export failed: %1").arg(QString::fromUtf8(e.what()));
        }
        QMetaObject::invokeMethod(this, [this, message] { statusBar()->showMessage(message, 10000); });
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    statusBar()->showMessage(tr("exporting to %1 ...").arg(out));
    worker->start();
}

void MainWindow::restoreLayout() {
    QSettings settings;
    if (!restoreGeometry(settings.value("mainWindow/geometry").toByteArray())) {
        // A first start fills a laptop's screen and takes most of a larger one.
        const QRect screen = QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->availableGeometry()
                                                              : QRect(0, 0, 1280, 760);
        const double share = screen.width() <= 1600 ? 1.0 : 0.85;
        resize(int(screen.width() * share), int(screen.height() * share));
        move(screen.topLeft() + QPoint(int(screen.width() * (1 - share) / 2), int(screen.height() * (1 - share) / 2)));
    }
    restoreState(settings.value("mainWindow/state").toByteArray());
    if (auto* split = findChild<QSplitter*>("mainSplitter"))
        splitRestored_ = split->restoreState(settings.value("mainWindow/splitter").toByteArray());
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (splitRestored_) return;
    splitRestored_ = true;
    // First shown at its size: the runs table's default columns whole, the rest for the details.
    if (auto* split = findChild<QSplitter*>("mainSplitter")) {
        const int left = std::min(runsPanel_->preferredWidth(), width() / 2);
        split->setSizes({left, std::max(1, width() - left)});
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (host_->trainsHere() && host_->busy()) {  // a server's runs go on without this window
        if (askBeforeClosing_ &&
            QMessageBox::question(this, tr("Quit FerKD Studio"),
                                  tr("A run is active. Stop it (it saves a checkpoint and can be resumed) and quit?")) !=
                QMessageBox::Yes) {
            event->ignore();
            return;
        }
        stageLabel_->setText(tr("stopping..."));
        controller_->stopAll();
        controller_->waitUntilIdle(120000);
    }
    saveLayout();
    event->accept();
}

void MainWindow::saveLayout() const {
    QSettings settings;
    settings.setValue("mainWindow/geometry", saveGeometry());
    settings.setValue("mainWindow/state", saveState());
    if (auto* split = findChild<QSplitter*>("mainSplitter"))
        settings.setValue("mainWindow/splitter", split->saveState());
}

}  // namespace ferkd::ui
