#pragma once
// The run configuration form, built from the core's field table: one editor per field,
// grouped (data, model, teacher and labels, FerKD rule, augmentation, optimisation,
// schedule, checkpoints, runtime), tooltips with the field's meaning and the paper's
// value. The core's validator runs on every edit; a bad field is marked with its
// message, and fields that differ from the preset are shown in bold.
#include <QMap>
#include <QWidget>

#include "config/run_config.h"

class QComboBox;
class QLabel;
class QTabWidget;

namespace ferkd::ui {

class ConfigEditor : public QWidget {
    Q_OBJECT
public:
    explicit ConfigEditor(QWidget* parent = nullptr);

    void setConfig(const RunConfig& config);  // also the reference for "differs from the preset"
    void choosePreset(const QString& name);   // loads the preset's config
    const RunConfig& config() const { return config_; }
    bool isValid() const { return errors_.isEmpty(); }
    // Field name -> message, for every field the validator refuses now.
    const QMap<QString, QString>& errors() const { return errors_; }
    QStringList changedFields() const;  // fields whose value differs from the preset's

    bool loadFile(const QString& path, QString* error);
    bool saveFile(const QString& path, QString* error) const;

Q_SIGNALS:
    void validityChanged(bool valid);
    void configChanged();

private:
    void build();
    QWidget* editorFor(const std::string& field);
    void showValue(const std::string& field);
    void edited(const std::string& field, const QString& text);
    void revalidate();

    RunConfig config_, reference_;
    QMap<QString, QString> errors_, inputErrors_;  // whole-config errors; values that did not parse or fit
    QMap<QString, QWidget*> editors_;
    QMap<QString, QLabel*> labels_;
    QComboBox* presets_ = nullptr;
    QLabel* summary_ = nullptr;
    QTabWidget* groups_ = nullptr;
    bool updating_ = false;
};

}  // namespace ferkd::ui
