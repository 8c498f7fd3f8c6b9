#pragma once
// The memory plan of the form's config (core/train/memory_plan.h): what the run needs on
// each process, the micro-batch that auto picks, and whether it fits this machine. Making
// a plan builds the model and measures a few passes (milliseconds for the testbed's models,
// a minute for the largest), so it runs on a pool thread once the fields have been still
// for a moment; a plan made for fields since changed is dropped.
#include <QWidget>
#include <optional>
#include <string>

#include "config/run_config.h"
#include "train/memory_plan.h"

class QLabel;
class QPlainTextEdit;
class QTimer;
class QToolButton;

namespace ferkd::ui {

class MemoryPlanView : public QWidget {
    Q_OBJECT
public:
    enum class State { Idle, Waiting, Measuring, Fits, DoesNotFit, Failed };

    explicit MemoryPlanView(QWidget* parent = nullptr);
    ~MemoryPlanView() override;

    // The workspace (for a kd run's teacher) and the processes a run starts with.
    void setContext(const std::string& workspace, int processes);
    // Plans `config` after `delayMs` without a newer call; an invalid config is not planned.
    void planFor(const RunConfig& config, bool valid, int delayMs = 600);

    State state() const { return state_; }
    const std::optional<MemoryPlan>& plan() const { return plan_; }
    QString summaryText() const;

Q_SIGNALS:
    void stateChanged(MemoryPlanView::State state);

private:
    void start();
    void show(State state, const QString& text);
    void finished(quint64 generation, std::optional<MemoryPlan> plan, const QString& error);

    // One plan at a time: a request made while one is measured waits for it, and then
    // the latest fields alone are planned.
    bool running_ = false;
    bool again_ = false;
    std::string workspace_;
    int processes_ = 1;
    RunConfig config_;
    quint64 generation_ = 0;
    State state_ = State::Idle;
    std::optional<MemoryPlan> plan_;
    QTimer* delay_ = nullptr;
    QLabel* summary_ = nullptr;
    QToolButton* toggle_ = nullptr;
    QPlainTextEdit* details_ = nullptr;
};

}  // namespace ferkd::ui
