#include "dialogs/pipeline_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

#include "config/presets.h"

namespace ferkd::ui {

PipelineDialog::PipelineDialog(const QString& labelsFolder, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Pipeline: teacher -> labels -> student"));
    auto* form = new QFormLayout(this);
    form->addRow(new QLabel(tr("Each stage becomes a run and starts when the one before has finished.")));
    teacher_ = new QComboBox;
    teacher_->setObjectName("pipelineTeacher");
    student_ = new QComboBox;
    student_->setObjectName("pipelineStudent");
    for (const auto& p : presetRegistry()) {
        teacher_->addItem(QString::fromStdString(p.name));
        student_->addItem(QString::fromStdString(p.name));
    }
    teacher_->setCurrentText("fmnist-teacher");
    student_->setCurrentText("fmnist-ferkd-student");
    data_ = new QLineEdit("fashion-mnist");
    data_->setObjectName("pipelineData");
    crops_ = new QSpinBox;
    crops_->setObjectName("pipelineCrops");
    crops_->setRange(1, 2000);
    crops_->setValue(16);
    type_ = new QComboBox;
    type_->addItems({"marginal_smoothing", "full", "hard"});
    out_ = new QLineEdit(labelsFolder + "/pipeline-16.fkdl", this);
    out_->setObjectName("pipelineOut");
    connect(crops_, &QSpinBox::valueChanged, this, [this, labelsFolder](int n) {
        out_->setText(labelsFolder + QString("/pipeline-%1.fkdl").arg(n));
    });
    form->addRow(tr("1. Teacher preset"), teacher_);
    form->addRow(tr("Data set"), data_);
    form->addRow(tr("2. Crops per image"), crops_);
    form->addRow(tr("Label type"), type_);
    if (labelsFolder.isEmpty())
        out_->hide();
    else
        form->addRow(tr("Label store"), out_);
    form->addRow(tr("3. Student preset"), student_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start pipeline"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

RunConfig PipelineDialog::teacherConfig() const {
    RunConfig c = presetConfig(teacher_->currentText().toStdString());
    c.data.path = data_->text().toStdString();
    return c;
}

LabelJob PipelineDialog::labelJob() const {
    LabelJob job;
    job.data = data_->text().toStdString();
    job.crops = crops_->value();
    job.type = type_->currentText().toStdString();
    job.out = out_->text().toStdString();
    return job;
}

RunConfig PipelineDialog::studentConfig() const {
    RunConfig c = presetConfig(student_->currentText().toStdString());
    c.data.path = data_->text().toStdString();
    return c;
}

}  // namespace ferkd::ui
