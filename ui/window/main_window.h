#pragma once
// The studio's main window: the workspace's runs (searchable, multi-select), a detail
// area (live and stored curves, config, log), toolbar actions with shortcuts (new run,
// start or resume, pause, resume, stop, duplicate, export weights, export CSV, save
// chart), and a status bar with the device and the running stage. The window reads a
// Workspace and observes a RunHost: a local workspace with its RunController training on
// a worker thread, or a server's workspace whose runs train there (File > Connect to server).
#include <QMainWindow>

#include <functional>
#include <memory>

#include "config/run_config.h"

class QAction;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace ferkd {
class ExperimentStore;
class Workspace;
}

namespace ferkd::ui {

class CheckpointsView;
class CropBrowser;
class MetricsChart;
class ResultsView;
class RunActions;
class RunComparisonView;
class RunController;
class RunHost;
class RunsPanel;
class SweepView;
class SystemMetricsView;
class WelcomePanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // A workspace on this machine. Without a `controller` the window makes and owns its own.
    explicit MainWindow(std::shared_ptr<ExperimentStore> store, RunController* controller = nullptr,
                        QWidget* parent = nullptr);
    // A workspace elsewhere (a server's), whose runs `host` queues and follows; its results
    // are evaluated and its label sets browsed there. The views that need the workspace's
    // files here are left out: the pipeline.
    MainWindow(std::shared_ptr<Workspace> workspace, std::unique_ptr<RunHost> host, QWidget* parent = nullptr);
    ~MainWindow() override;

    void refreshRuns();  // re-reads the runs from the store
    int runCount() const;
    QList<qint64> selectedRuns() const;
    void selectRun(qint64 runId, bool addToSelection = false);

    // What "New run" does once the dialog is accepted: record and queue the run.
    qint64 startRun(const RunConfig& config);
    // Shows a details tab by its object name's stem: monitor, config, log, compare,
    // sweep, results, checkpoints, crops.
    void showTab(const QString& name);
    QString currentTabName() const;
    void saveLayout() const;  // geometry, docks and splitter into QSettings
    void showNewRunForm() { newRun(nullptr); }
    // Opens a label set in the crop browser tab and shows it.
    void showCropBrowser(const QString& dataPath, const QString& labelsPath);
    // Opens the Inspect data set view and scans `path`.
    void showDatasetView(const QString& path);
    // The epoch metrics to `path`, and the system samples (when there are any) beside it
    // to systemCsvPath(path): "metrics.csv" -> "metrics-system.csv".
    bool exportMetricsCsv(const QString& path, const QList<qint64>& runs, QString* error) const;
    static QString systemCsvPath(const QString& metricsCsv);

    // Closing while a run is active asks first; tests turn the question off (the run
    // is then stopped cleanly without asking).
    void setAskBeforeClosing(bool ask) { askBeforeClosing_ = ask; }

    RunController* controller() const { return controller_; }  // null on a server's workspace
    RunHost* host() const { return host_; }
    // The connection's state in the status bar (a server's workspace only; empty else).
    QString connectionText() const;
    MetricsChart* chart() const { return chart_; }
    SystemMetricsView* systemMetrics() const { return system_; }
    CropBrowser* cropBrowser() const { return cropBrowser_; }
    ResultsView* results() const { return results_; }
    CheckpointsView* checkpoints() const { return checkpoints_; }
    SweepView* sweep() const { return sweep_; }
    RunActions* runActions() const { return runActions_; }
    RunsPanel* runsPanel() const { return runsPanel_; }
    // The welcome panel is what the window shows (an empty workspace).
    bool showsWelcome() const;

Q_SIGNALS:
    // The user chose another language in the settings (empty: the system's).
    void languageChosen(const QString& language);
    // The user chose another workspace folder to open (File > Open workspace, the welcome panel).
    void workspaceChosen(const QString& folder);
    // File > Connect to server, accepted: the server's URL and the file of its token.
    void serverChosen(const QString& url, const QString& tokenFile);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void build();  // what both constructors do once the workspace and host are set
    void buildToolbar();
    QToolButton* buildQuickStart();
    void buildMenus();
    void buildStatusBar();
    void observeHost();
    // Runs `act` (a steering request); a failure is shown, not thrown.
    void steer(const QString& what, const std::function<void()>& act);
    void startSelected();
    void duplicateSelected();
    void buildLayout();
    void restoreLayout();
    void showSelection();
    void showSystemMetrics();  // the selected runs' system tab alone (the poll while a run trains)
    void updateActions();
    void showRunDevice(qint64 runId);
    void newRun(const RunConfig* base);
    void exportWeights();
    void quickStart(const std::string& preset);
    void openPipeline();
    void chooseWorkspace();
    void connectToServer();
    void showConnection(bool connected, const QString& message);
    // Runs `read` against the workspace; false (with the message in the status bar) when
    // a server's workspace cannot be reached: the views keep what they show.
    template <typename Read>
    bool reading(Read&& read);
    QList<QPair<QString, QWidget*>> namedTabs() const;

    std::shared_ptr<ExperimentStore> store_;  // null on a server's workspace
    std::shared_ptr<Workspace> workspace_;    // what the views read
    RunController* controller_ = nullptr;     // null on a server's workspace
    RunHost* host_ = nullptr;                 // controller_, or the server's
    // A server's host, which the window owns. A member, so it stops (and joins its thread)
    // before the views and the window's connections go.
    std::unique_ptr<RunHost> serverHost_;
    QLabel* connectionLabel_ = nullptr;
    bool connectedShown_ = true;  // what the connection label says
    RunsPanel* runsPanel_ = nullptr;
    QStackedWidget* rightStack_ = nullptr;  // the welcome panel while the workspace is empty, else details_
    WelcomePanel* welcome_ = nullptr;
    QTabWidget* details_ = nullptr;
    MetricsChart* chart_ = nullptr;
    SystemMetricsView* system_ = nullptr;
    CropBrowser* cropBrowser_ = nullptr;
    QWidget* cropTab_ = nullptr;  // the crop browser in its scroll area
    RunComparisonView* comparison_ = nullptr;
    SweepView* sweep_ = nullptr;
    ResultsView* results_ = nullptr;
    CheckpointsView* checkpoints_ = nullptr;
    RunActions* runActions_ = nullptr;
    QPlainTextEdit *configView_ = nullptr, *logView_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel *stageLabel_ = nullptr, *deviceLabel_ = nullptr;
    QAction *newAct_ = nullptr, *startAct_ = nullptr, *pauseAct_ = nullptr, *resumeAct_ = nullptr, *stopAct_ = nullptr,
            *duplicateAct_ = nullptr, *exportAct_ = nullptr, *csvAct_ = nullptr, *saveChartAct_ = nullptr;
    bool askBeforeClosing_ = true;
    bool welcomeDismissed_ = false;
    bool splitRestored_ = false;  // the splitter's saved sizes; else set when first shown
};

}  // namespace ferkd::ui
