#pragma once
// What lives as long as the studio: the workspace's store, the run controller (runs go
// on while windows come and go), the translators and the main window. Choosing another
// language in the settings rebuilds the window in that language at once, keeping the
// selected runs and tab; a run in progress goes on and the new window observes it.
#include <QObject>
#include <QPointer>
#include <memory>

#include "window/language_manager.h"

namespace ferkd {
class ExperimentStore;
}

namespace ferkd::ui {

class MainWindow;
class RunController;

class StudioShell : public QObject {
    Q_OBJECT
public:
    // `languages` has the start-up language installed; the shell switches it later.
    StudioShell(std::shared_ptr<ExperimentStore> store, LanguageManager* languages, QObject* parent = nullptr);
    ~StudioShell() override;

    MainWindow* window() const { return window_; }
    RunController* controller() const { return controller_; }
    // Installs the translators of `language` (empty: the system locale, else "en",
    // "zh_CN", "de") and rebuilds the window in it.
    void setLanguage(const QString& language);
    // Opens the workspace in `folder` (made when new) in a new window, and remembers it
    // for the next start. Refused while a run is active, and when the folder cannot hold one.
    void openWorkspace(const QString& folder);
    // Opens a window on the workspace a `ferkd serve` at `url` serves, with the token in
    // `tokenFile`; null with the reason when the server refuses or cannot be reached. The
    // window closes itself; the local one stays.
    MainWindow* connectToServer(const QString& url, const QString& tokenFile, QString* error);

private:
    void buildWindow();
    void openServerWindow(const QString& url, const QString& tokenFile);  // connectToServer, errors in a box

    std::shared_ptr<ExperimentStore> store_;
    LanguageManager* languages_;
    RunController* controller_ = nullptr;
    QPointer<MainWindow> window_;
    QList<QPointer<MainWindow>> serverWindows_;  // each deletes itself when closed
};

}  // namespace ferkd::ui
