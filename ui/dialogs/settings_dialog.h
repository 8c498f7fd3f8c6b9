#pragma once
// Studio settings kept in QSettings: the workspace opened when --workspace is not
// given, the threads and device new runs start with, the processes a training run
// starts on this machine (data parallel), and the language (system locale, English,
// Simplified Chinese, German; the window switches at once).
#include <QDialog>

#include "config/run_config.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace ferkd::ui {

struct StudioSettings {
    QString workspace;         // empty: $FERKD_WORKSPACE or the default folder
    int threads = 0;           // 0: all cores
    QString device = "auto";   // auto | cpu | cuda
    int processes = 1;         // training processes per run on this machine
    QString language;          // empty: the system locale; else "en", "zh_CN", "de"

    static StudioSettings load();
    void save() const;
    // What new runs take from the settings: threads and device.
    void applyTo(RunConfig& config) const;
};

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);
    StudioSettings settings() const;

private:
    QLineEdit* workspace_ = nullptr;
    QSpinBox *threads_ = nullptr, *processes_ = nullptr;
    QComboBox *device_ = nullptr, *language_ = nullptr;
};

}  // namespace ferkd::ui
