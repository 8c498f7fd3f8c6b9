#include "dialogs/settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

namespace ferkd::ui {

StudioSettings StudioSettings::load() {
    QSettings s;
    StudioSettings out;
    out.workspace = s.value("settings/workspace").toString();
    out.threads = s.value("settings/threads", 0).toInt();
    out.device = s.value("settings/device", "auto").toString();
    out.processes = std::max(1, s.value("settings/processes", 1).toInt());
    out.language = s.value("settings/language").toString();
    return out;
}

void StudioSettings::save() const {
    QSettings s;
    s.setValue("settings/workspace", workspace);
    s.setValue("settings/threads", threads);
    s.setValue("settings/device", device);
    s.setValue("settings/processes", processes);
    s.setValue("settings/language", language);
}

void StudioSettings::applyTo(RunConfig& config) const {
    config.runtime.threads = threads;
    config.runtime.device = device.toStdString();
}

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Settings"));
    const StudioSettings current = StudioSettings::load();
    auto* form = new QFormLayout(this);
    auto* row = new QHBoxLayout;
    workspace_ = new QLineEdit(current.workspace);
    workspace_->setObjectName("settingsWorkspace");
    workspace_->setPlaceholderText(tr("default ($FERKD_WORKSPACE or ~/.local/share/ferkd-studio)"));
    auto* browse = new QPushButton(tr("Browse..."));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Workspace folder"), workspace_->text());
        if (!dir.isEmpty()) workspace_->setText(dir);
    });
    row->addWidget(workspace_, 1);
    row->addWidget(browse);
    form->addRow(tr("Workspace (at the next start)"), row);
    threads_ = new QSpinBox;
    threads_->setObjectName("settingsThreads");
    threads_->setRange(0, 1024);
    threads_->setSpecialValueText(tr("all cores"));
    threads_->setValue(current.threads);
    form->addRow(tr("Threads of new runs"), threads_);
    device_ = new QComboBox;
    device_->setObjectName("settingsDevice");
    device_->addItems({"auto", "cpu", "cuda"});
    device_->setCurrentText(current.device);
    form->addRow(tr("Device of new runs"), device_);
    processes_ = new QSpinBox;
    processes_->setObjectName("settingsProcesses");
    processes_->setRange(1, 64);
    processes_->setValue(current.processes);
    processes_->setToolTip(tr("Data parallel: each process trains on its share of every batch (torch.distributed, "
                              "Gloo); the run is shown as one. The threads are shared among the processes."));
    form->addRow(tr("Processes per training run"), processes_);
    language_ = new QComboBox;
    language_->setObjectName("settingsLanguage");
    language_->addItem(tr("System"), QString());
    language_->addItem("English", "en");
    language_->addItem(QString::fromUtf8("简体中文"), "zh_CN");
    language_->addItem("Deutsch", "de");
    language_->setCurrentIndex(std::max(0, language_->findData(current.language)));
    form->addRow(tr("Language"), language_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        settings().save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

StudioSettings SettingsDialog::settings() const {
    StudioSettings s;
    s.workspace = workspace_->text().trimmed();
    s.threads = threads_->value();
    s.device = device_->currentText();
    s.processes = processes_->value();
    s.language = language_->currentData().toString();
    return s;
}

}  // namespace ferkd::ui
