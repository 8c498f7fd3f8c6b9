#pragma once
// "New run": the configuration form with load/save of JSON configs and the run's memory
// plan; Start is enabled only while the core's validator accepts every field and the plan,
// once made, fits.
#include <QDialog>

#include "config/run_config.h"

class QPushButton;

namespace ferkd::ui {

class ConfigEditor;
class MemoryPlanView;

class NewRunDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewRunDialog(QWidget* parent = nullptr);
    void setConfig(const RunConfig& config);  // e.g. a run to duplicate
    // Where runs go and how many processes they start with, for the memory plan.
    void setPlanContext(const std::string& workspace, int processes);
    // The run trains on `server`, not here: no memory plan of this machine, and Start queues there.
    void setTrainsOn(const QString& server);
    const RunConfig& config() const;
    ConfigEditor* editor() const { return editor_; }
    MemoryPlanView* planView() const { return plan_; }
    QPushButton* startButton() const { return start_; }

private:
    void updateStart();

    ConfigEditor* editor_ = nullptr;
    MemoryPlanView* plan_ = nullptr;
    QPushButton* start_ = nullptr;
    bool plansHere_ = true;  // false: the run trains on a server, whose memory this machine cannot plan
};

}  // namespace ferkd::ui
