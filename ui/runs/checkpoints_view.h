#pragma once
// A run's checkpoints (last, best) with the epoch, step and best top-1 they hold; resume
// the run from one of them.
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace ferkd {
class Workspace;
}

namespace ferkd::ui {

class RunHost;

class CheckpointsView : public QWidget {
    Q_OBJECT
public:
    CheckpointsView(std::shared_ptr<const Workspace> workspace, RunHost* host, QWidget* parent = nullptr);
    void setRun(qint64 runId);  // 0: none
    QTableWidget* table() const { return table_; }
    // Resumes the run from checkpoint `kind`; false with the reason.
    bool resumeFrom(const QString& kind, QString* error);

private:
    std::shared_ptr<const Workspace> workspace_;
    RunHost* host_;
    qint64 run_ = 0;
    QTableWidget* table_ = nullptr;
    QPushButton* resume_ = nullptr;
    QLabel* message_ = nullptr;
};

}  // namespace ferkd::ui
