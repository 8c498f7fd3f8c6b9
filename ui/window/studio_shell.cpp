#include "window/studio_shell.h"

#include <QMessageBox>

#include "store/experiment_store.h"

#include "window/main_window.h"
#include "runs/run_controller.h"
#include "dialogs/settings_dialog.h"
#ifdef FERKD_WITH_SERVER
#include "remote/access_token.h"
#include "remote/remote_workspace.h"
#include "server/server_run_host.h"
#endif

namespace ferkd::ui {

StudioShell::StudioShell(std::shared_ptr<ExperimentStore> store, LanguageManager* languages, QObject* parent)
    : QObject(parent), store_(std::move(store)), languages_(languages) {
    controller_ = new RunController(store_, this);
    controller_->setProcesses(StudioSettings::load().processes);
    buildWindow();
}

StudioShell::~StudioShell() {
    for (const auto& w : serverWindows_) delete w;
    delete window_;
}

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

MainWindow* StudioShell::connectToServer(const QString& url, const QString& tokenFile, QString* error) {
#ifdef FERKD_WITH_SERVER
    try {
        auto server = std::make_shared<RemoteWorkspace>(url.toStdString(), readAccessToken(tokenFile.toStdString()));
        server->serverInfo();  // a wrong URL or token is said now, not as an empty window
        auto* window = new MainWindow(server, std::make_unique<ServerRunHost>(server));
        window->setAttribute(Qt::WA_DeleteOnClose);
        connect(window, &MainWindow::serverChosen, this, &StudioShell::openServerWindow, Qt::QueuedConnection);
        serverWindows_.append(window);
        window->show();
        return window;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return nullptr;
    }
#else
    (void)url;
    (void)tokenFile;
    if (error) *error = tr("this studio was built without the server's client (FERKD_WITH_SERVER=OFF)");
    return nullptr;
#endif
}

void StudioShell::openServerWindow(const QString& url, const QString& tokenFile) {
    QString error;
    if (!connectToServer(url, tokenFile, &error)) QMessageBox::warning(window_, tr("Connect to server"), error);
}

void StudioShell::buildWindow() {
    window_ = new MainWindow(store_, controller_);
    window_->setAttribute(Qt::WA_DeleteOnClose, false);
    connect(window_, &MainWindow::languageChosen, this, &StudioShell::setLanguage, Qt::QueuedConnection);
    connect(window_, &MainWindow::workspaceChosen, this, &StudioShell::openWorkspace, Qt::QueuedConnection);
    connect(window_, &MainWindow::serverChosen, this, &StudioShell::openServerWindow, Qt::QueuedConnection);
}

}  // namespace ferkd::ui
