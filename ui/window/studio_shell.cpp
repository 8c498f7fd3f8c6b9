#include "window/studio_shell.h"

#include <QMessageBox>

#include "store/experiment_store.h"

#include "window/main_window.h"
#include "runs/run_controller.h"
#include "dialogs/settings_dialog.h"

namespace ferkd::ui {

StudioShell::StudioShell(std::shared_ptr<ExperimentStore> store, LanguageManager* languages, QObject* parent)
    : QObject(parent), store_(std::move(store)), languages_(languages) {
    controller_ = new RunController(store_, this);
    controller_->setProcesses(StudioSettings::load().processes);
    buildWindow();
}

StudioShell::~StudioShell() { delete window_; }

void StudioShell::setLanguage(const QString& language) {
    languages_->install(LanguageManager::localeOf(language));
    MainWindow* old = window_;
    const QList<qint64> selected = old->selectedRuns();
    const QString tab = old->currentTabName();
    const bool welcome = old->showsWelcome();
    old->saveLayout();
    buildWindow();
    for (qint64 id : selected) window_->selectRun(id, true);
    if (!welcome) window_->showTab(tab);
    window_->show();
    old->hide();
    old->deleteLater();  // not closed: closing would stop the run the new window observes
}

void StudioShell::openWorkspace(const QString& folder) {
    if (controller_->busy()) {
        QMessageBox::warning(window_, tr("Open workspace"),
                             tr("A run is active in this workspace. Stop it (or let it finish) before opening another."));
        return;
    }
    std::shared_ptr<ExperimentStore> store;
    try {
        store = std::make_shared<ExperimentStore>(folder.toStdString());
    } catch (const std::exception& e) {
        QMessageBox::warning(window_, tr("Open workspace"), QString::fromUtf8(e.what()));
        return;
    }
    MainWindow* old = window_;
    old->saveLayout();
    RunController* oldController = controller_;
    store_ = std::move(store);
    controller_ = new RunController(store_, this);
    controller_->setProcesses(StudioSettings::load().processes);
    StudioSettings settings = StudioSettings::load();
    settings.workspace = folder;
    settings.save();
    buildWindow();
    window_->show();
    old->hide();
    old->deleteLater();
    oldController->deleteLater();
}

void StudioShell::buildWindow() {
    window_ = new MainWindow(store_, controller_);
    window_->setAttribute(Qt::WA_DeleteOnClose, false);
    connect(window_, &MainWindow::languageChosen, this, &StudioShell::setLanguage, Qt::QueuedConnection);
    connect(window_, &MainWindow::workspaceChosen, this, &StudioShell::openWorkspace, Qt::QueuedConnection);
}

}  // namespace ferkd::ui
