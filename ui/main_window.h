#pragma once
// The studio's main window. This first version shows the workspace's runs (read
// through the core's experiment store) and the device; configuring, launching and
// monitoring runs come with the studio issue.
#include <QMainWindow>
#include <memory>

class QTableWidget;
class QLabel;

namespace ferkd {
class ExperimentStore;
}

namespace ferkd::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(std::shared_ptr<ExperimentStore> store, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Re-reads the runs from the store.
    void refreshRuns();
    int runCount() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void restoreLayout();

    std::shared_ptr<ExperimentStore> store_;
    QTableWidget* runsTable_ = nullptr;
    QLabel* deviceLabel_ = nullptr;
};

}  // namespace ferkd::ui
