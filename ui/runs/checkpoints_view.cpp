#include "runs/checkpoints_view.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "runs/run_host.h"
#include "workspace/workspace.h"

namespace ferkd::ui {

CheckpointsView::CheckpointsView(std::shared_ptr<const Workspace> workspace, RunHost* host, QWidget* parent)
    : QWidget(parent), workspace_(std::move(workspace)), host_(host) {
    auto* layout = new QVBoxLayout(this);
    table_ = new QTableWidget;
    table_->setObjectName("checkpointTable");
    table_->setColumnCount(6);
    table_->setHorizontalHeaderLabels({tr("Kind"), tr("Epoch"), tr("Step"), tr("Best top-1 %"), tr("Written"), tr("File")});
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table_, 1);
    auto* row = new QHBoxLayout;
    resume_ = new QPushButton(tr("Resume from the selected checkpoint"));
    resume_->setObjectName("resumeFromCheckpoint");
    row->addWidget(resume_);
    message_ = new QLabel;
    message_->setWordWrap(true);
    row->addWidget(message_, 1);
    layout->addLayout(row);
    connect(resume_, &QPushButton::clicked, this, [this] {
        const auto rows = table_->selectionModel()->selectedRows();
        if (rows.isEmpty()) return;
        QString error;
        if (!resumeFrom(table_->item(rows.first().row(), 0)->text(), &error)) message_->setText(error);
    });
    setRun(0);
}

void CheckpointsView::setRun(qint64 runId) {
    run_ = runId;
    message_->clear();
    table_->setRowCount(0);
    resume_->setEnabled(runId > 0);
    if (runId <= 0) return;
    std::vector<CheckpointRecord> checkpoints;
    try {
        checkpoints = workspace_->checkpoints(runId);
    } catch (const std::exception& e) {  // a server out of reach
        message_->setText(QString::fromUtf8(e.what()));
    }
    table_->setRowCount(int(checkpoints.size()));
    for (int r = 0; r < int(checkpoints.size()); ++r) {
        const auto& c = checkpoints[r];
        table_->setItem(r, 0, new QTableWidgetItem(QString::fromStdString(c.kind)));
        table_->setItem(r, 1, new QTableWidgetItem(QString::number(c.epoch)));
        table_->setItem(r, 2, new QTableWidgetItem(QString::number(c.step)));
        table_->setItem(r, 3, new QTableWidgetItem(QString::number(c.top1, 'f', 2)));
        table_->setItem(r, 4, new QTableWidgetItem(QDateTime::fromSecsSinceEpoch(qint64(c.created_at)).toString("yyyy-MM-dd hh:mm:ss")));
        table_->setItem(r, 5, new QTableWidgetItem(QString::fromStdString(c.path)));
    }
    table_->resizeColumnsToContents();
}

bool CheckpointsView::resumeFrom(const QString& kind, QString* error) {
    if (run_ <= 0) return false;
    if (host_->activeRun() == run_) {
        if (error) *error = tr("the run is active; stop it first");
        return false;
    }
    try {
        host_->resumeFrom(run_, kind.toStdString());
        message_->setText(tr("run %1 resumes from its %2 checkpoint").arg(run_).arg(kind));
        return true;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

}  // namespace ferkd::ui
