#include "charts/system_metrics_view.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

#include "charts/chart_legend.h"
#include "charts/chart_style.h"
#include "charts/plot_refresh.h"

namespace ferkd::ui {

namespace {

QCustomPlot* makePlot(const QString& title, const QString& left, const QString& right) {
    QCustomPlot* plot = makeTitledPlot(title);
    plot->xAxis->setLabel(QObject::tr("seconds since the run started"));
    plot->yAxis->setLabel(left);
    if (!right.isEmpty()) {
        plot->yAxis2->setVisible(true);
        plot->yAxis2->setLabel(right);
    }
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);  // below the lines' peaks
    return plot;
}

}  // namespace

SystemMetricsView::SystemMetricsView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    resources_ = makePlot(tr("System (sampled every 5 s while a run trains)"), tr("CPU / GPU use, %"), tr("memory, MiB"));
    throughput_ = makePlot(tr("Throughput"), tr("images per second"), {});
    layout->addWidget(resources_, 3);
    layout->addWidget(throughput_, 2);
}

void SystemMetricsView::setRuns(const Workspace& workspace, const QList<QPair<qint64, QString>>& runs) {
    resources_->clearGraphs();
    throughput_->clearGraphs();
    counts_.clear();
    for (int i = 0; i < runs.size(); ++i) {
        const auto& [id, name] = runs[i];
        const auto rows = workspace.systemMetrics(id);
        const auto record = workspace.run(id);
        // Both plots count from the run's start (step metrics carry unix times too).
        const double origin = record && record->started_at > 0 ? record->started_at : rows.empty() ? 0 : rows.front().time;
        const QColor colour = runColour(i);
        // One line per series; dashes tell memory from use, and the GPU's from the process's.
        auto add = [&](QCustomPlot* plot, const QString& key, const QString& label, QCPAxis* axis, Qt::PenStyle style,
                       const QVector<double>& x, const QVector<double>& y) {
            if (x.isEmpty()) return;
            QCPGraph* g = plot->addGraph(plot->xAxis, axis);
            g->setName(name + ": " + label);
            g->setPen(QPen(colour, 1.6, style));
            g->setData(x, y, true);
            listInLegend(g);
            counts_[{id, key}] = x.size();
        };
        QVector<double> t, cpu, rss, gpuT, gpu, gpuMemT, gpuMem;
        for (const auto& m : rows) {
            const double s = m.time - origin;
            t << s;
            cpu << m.cpu_percent;
            rss << m.rss_mib;
            if (m.gpu_percent) gpuT << s, gpu << *m.gpu_percent;
            if (m.gpu_memory_mib) gpuMemT << s, gpuMem << *m.gpu_memory_mib;
        }
        add(resources_, "cpu", tr("CPU %"), resources_->yAxis, Qt::SolidLine, t, cpu);
        add(resources_, "rss", tr("resident memory MiB"), resources_->yAxis2, Qt::DashLine, t, rss);
        add(resources_, "gpu", tr("GPU %"), resources_->yAxis, Qt::DotLine, gpuT, gpu);
        add(resources_, "gpu_memory", tr("GPU memory MiB"), resources_->yAxis2, Qt::DashDotLine, gpuMemT, gpuMem);
        QVector<double> stepT, ips;
        for (const auto& m : workspace.stepMetrics(id))
            if (m.images_per_sec > 0) stepT << m.time - origin, ips << m.images_per_sec;
        add(throughput_, "throughput", tr("images/s"), throughput_->yAxis, Qt::SolidLine, stepT, ips);
    }
    for (QCustomPlot* p : {resources_, throughput_}) {
        p->legend->setVisible(p->graphCount() > 0);  // no empty legend box
        p->rescaleAxes();
        // From zero, with headroom so a line at its peak stays clear of the frame.
        for (QCPAxis* axis : {p->yAxis, p->yAxis2}) axis->setRange(0, axis->range().upper * 1.15);
        replotWhenShown(p);
    }
}

int SystemMetricsView::pointCount(qint64 runId, const QString& series) const { return counts_.value({runId, series}, 0); }

}  // namespace ferkd::ui
