#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableWidget>
#include <thread>

#include "store/experiment_store.h"

namespace ferkd::ui {

namespace {

// The store keeps status words in English; the user sees them in their language.
QString statusText(const std::string& status) {
    static const QHash<QString, const char*> names = {
        {run_status::kQueued, QT_TRANSLATE_NOOP("RunStatus", "queued")},
        {run_status::kRunning, QT_TRANSLATE_NOOP("RunStatus", "running")},
        {run_status::kPaused, QT_TRANSLATE_NOOP("RunStatus", "paused")},
        {run_status::kStopped, QT_TRANSLATE_NOOP("RunStatus", "stopped")},
        {run_status::kFinished, QT_TRANSLATE_NOOP("RunStatus", "finished")},
        {run_status::kFailed, QT_TRANSLATE_NOOP("RunStatus", "failed")},
        {run_status::kInterrupted, QT_TRANSLATE_NOOP("RunStatus", "interrupted")},
    };
    const QString key = QString::fromStdString(status);
    auto it = names.find(key);
    return it == names.end() ? key : QCoreApplication::translate("RunStatus", it.value());
}

}  // namespace

MainWindow::MainWindow(std::shared_ptr<ExperimentStore> store, QWidget* parent)
    : QMainWindow(parent), store_(std::move(store)) {
    setObjectName("MainWindow");
    setWindowTitle(tr("FerKD Studio"));
    setWindowIcon(QIcon(":/icons/ferkd-studio.svg"));

    runsTable_ = new QTableWidget(this);
    runsTable_->setObjectName("runsTable");
    runsTable_->setColumnCount(7);
    runsTable_->setHorizontalHeaderLabels({tr("Id"), tr("Name"), tr("Preset"), tr("Status"), tr("Best top-1 %"),
                                           tr("Started"), tr("Tags")});
    runsTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    runsTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
    runsTable_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    runsTable_->verticalHeader()->hide();
    runsTable_->horizontalHeader()->setStretchLastSection(true);
    setCentralWidget(runsTable_);

    buildMenus();
    deviceLabel_ = new QLabel(tr("Device: CPU, %1 threads").arg(std::thread::hardware_concurrency()), this);
    statusBar()->addPermanentWidget(deviceLabel_);
    statusBar()->showMessage(tr("Workspace: %1").arg(QString::fromStdString(store_->workspace())));

    refreshRuns();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus() {
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* refresh = file->addAction(tr("&Refresh runs"), this, &MainWindow::refreshRuns);
    refresh->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About FerKD Studio"), this, [this] {
        QMessageBox::about(this, tr("About FerKD Studio"),
                           tr("FerKD Studio %1\nKnowledge distillation with region-level soft labels (FKD, FerKD).")
                               .arg(QStringLiteral(FERKD_VERSION)));
    });
}

void MainWindow::refreshRuns() {
    const auto runs = store_->listRuns();
    runsTable_->setRowCount(static_cast<int>(runs.size()));
    for (int row = 0; row < static_cast<int>(runs.size()); ++row) {
        const RunRecord& r = runs[row];
        auto set = [&](int col, const QString& text) { runsTable_->setItem(row, col, new QTableWidgetItem(text)); };
        set(0, QString::number(r.id));
        set(1, QString::fromStdString(r.name));
        set(2, QString::fromStdString(r.preset));
        set(3, statusText(r.status));
        set(4, r.best_top1 ? QString::number(*r.best_top1, 'f', 2) : QStringLiteral("-"));
        set(5, r.started_at > 0 ? QDateTime::fromSecsSinceEpoch(qint64(r.started_at)).toString("yyyy-MM-dd hh:mm")
                                : QStringLiteral("-"));
        set(6, QString::fromStdString(r.tags));
    }
    runsTable_->resizeColumnsToContents();
}

int MainWindow::runCount() const { return runsTable_->rowCount(); }

void MainWindow::restoreLayout() {
    QSettings settings;
    if (!restoreGeometry(settings.value("mainWindow/geometry").toByteArray())) resize(1000, 640);
    restoreState(settings.value("mainWindow/state").toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue("mainWindow/geometry", saveGeometry());
    settings.setValue("mainWindow/state", saveState());
    event->accept();
}

}  // namespace ferkd::ui
