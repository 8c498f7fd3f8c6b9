#pragma once
// The selected runs' system metrics against seconds since each run started: the
// process's CPU use (% of one core) and resident memory, the GPU's use and memory where
// they were measured, and the training throughput from the step metrics beside them.
#include <QMap>
#include <QWidget>

#include "workspace/workspace.h"

class QCustomPlot;

namespace ferkd::ui {

class SystemMetricsView : public QWidget {
    Q_OBJECT
public:
    explicit SystemMetricsView(QWidget* parent = nullptr);
    // Redraws from the workspace; `runs` are ids with their names.
    void setRuns(const Workspace& workspace, const QList<QPair<qint64, QString>>& runs);
    // Points of "cpu", "rss", "gpu", "gpu_memory" or "throughput" drawn for a run.
    int pointCount(qint64 runId, const QString& series) const;

private:
    QCustomPlot *resources_ = nullptr, *throughput_ = nullptr;
    QMap<QPair<qint64, QString>, int> counts_;
};

}  // namespace ferkd::ui
