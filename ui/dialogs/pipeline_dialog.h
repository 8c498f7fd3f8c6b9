#pragma once
// The usual chain in one go: train a teacher, label N crops of every image with it,
// train a student on those labels. Each stage is a run of the workspace.
#include <QDialog>

#include "config/run_config.h"
#include "labels/label_job.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace ferkd::ui {

class PipelineDialog : public QDialog {
    Q_OBJECT
public:
    // `labelsFolder`: where the label store is written by default; empty on a server's
    // workspace, which names the file itself (the field is then not shown).
    explicit PipelineDialog(const QString& labelsFolder, QWidget* parent = nullptr);
    RunConfig teacherConfig() const;
    LabelJob labelJob() const;
    RunConfig studentConfig() const;

private:
    QComboBox *teacher_ = nullptr, *student_ = nullptr, *type_ = nullptr;
    QSpinBox* crops_ = nullptr;
    QLineEdit *out_ = nullptr, *data_ = nullptr;
};

}  // namespace ferkd::ui
