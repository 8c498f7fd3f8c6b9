#include "dialogs/new_run_dialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include "dialogs/config_editor.h"
#include "dialogs/memory_plan_view.h"

namespace ferkd::ui {

NewRunDialog::NewRunDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("New run"));
    auto* layout = new QVBoxLayout(this);
    editor_ = new ConfigEditor;
    layout->addWidget(editor_, 1);
    plan_ = new MemoryPlanView;
    const QMargins inset = editor_->layout()->contentsMargins();
    plan_->setContentsMargins(inset.left(), 0, inset.right(), 0);  // in line with the form's summary
    layout->addWidget(plan_);
    auto* buttons = new QDialogButtonBox;
    start_ = buttons->addButton(tr("Start"), QDialogButtonBox::AcceptRole);
    start_->setObjectName("startButton");
    auto* load = buttons->addButton(tr("Load JSON..."), QDialogButtonBox::ActionRole);
    auto* save = buttons->addButton(tr("Save JSON..."), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(editor_, &ConfigEditor::validityChanged, this, &NewRunDialog::updateStart);
    connect(editor_, &ConfigEditor::configChanged, this, [this] { plan_->planFor(editor_->config(), editor_->isValid()); });
    connect(plan_, &MemoryPlanView::stateChanged, this, &NewRunDialog::updateStart);
    plan_->planFor(editor_->config(), editor_->isValid());
    updateStart();
    connect(load, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load config"), {}, tr("JSON (*.json)"));
        QString error;
        if (!path.isEmpty() && !editor_->loadFile(path, &error)) QMessageBox::warning(this, tr("Load config"), error);
    });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save config"), "config.json", tr("JSON (*.json)"));
        QString error;
        if (!path.isEmpty() && !editor_->saveFile(path, &error)) QMessageBox::warning(this, tr("Save config"), error);
    });
    resize(760, 640);
}

void NewRunDialog::setConfig(const RunConfig& config) {
    editor_->setConfig(config);
    updateStart();
}

void NewRunDialog::setPlanContext(const std::string& workspace, int processes) {
    plan_->setContext(workspace, processes);
    plan_->planFor(editor_->config(), editor_->isValid());
}

// A plan still measuring does not hold Start back: the run's own start checks it again.
void NewRunDialog::updateStart() {
    start_->setEnabled(editor_->isValid() && (!plansHere_ || plan_->state() != MemoryPlanView::State::DoesNotFit));
}

void NewRunDialog::setTrainsOn(const QString& server) {
    plansHere_ = false;
    plan_->hide();
    start_->setText(tr("Queue on %1").arg(server));
    updateStart();
}

const RunConfig& NewRunDialog::config() const { return editor_->config(); }

}  // namespace ferkd::ui
