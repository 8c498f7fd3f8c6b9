#pragma once
// "New run": the configuration form with load/save of JSON configs; Start is enabled
// only while the core's validator accepts every field.
#include <QDialog>

#include "config/run_config.h"

class QPushButton;

namespace ferkd::ui {

class ConfigEditor;

class NewRunDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewRunDialog(QWidget* parent = nullptr);
    void setConfig(const RunConfig& config);  // e.g. a run to duplicate
    const RunConfig& config() const;
    ConfigEditor* editor() const { return editor_; }
    QPushButton* startButton() const { return start_; }

private:
    ConfigEditor* editor_ = nullptr;
    QPushButton* start_ = nullptr;
};

}  // namespace ferkd::ui
