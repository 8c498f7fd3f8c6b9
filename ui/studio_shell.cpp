#include "studio_shell.h"

#include "main_window.h"
#include "run_controller.h"
#include "settings_dialog.h"

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
    old->saveLayout();
    buildWindow();
    for (qint64 id : selected) window_->selectRun(id, true);
    window_->showTab(tab);
    window_->show();
    old->hide();
    old->deleteLater();  // not closed: closing would stop the run the new window observes
}

void StudioShell::buildWindow() {
    window_ = new MainWindow(store_, controller_);
    window_->setAttribute(Qt::WA_DeleteOnClose, false);
    connect(window_, &MainWindow::languageChosen, this, &StudioShell::setLanguage, Qt::QueuedConnection);
}

}  // namespace ferkd::ui
