#include "runs/run_comparison_view.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ferkd::ui {

namespace {

QString top1(const std::optional<double>& v) { return v ? QString::number(*v, 'f', 2) : QStringLiteral("-"); }

QString spread(double mean, double sd, int n) {
    if (n == 0) return QStringLiteral("-");
    return n > 1 ? QString("%1 ± %2").arg(mean, 0, 'f', 2).arg(sd, 0, 'f', 2) : QString::number(mean, 'f', 2);
}

}  // namespace

RunComparisonView::RunComparisonView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    onlyDiff_ = new QCheckBox(tr("Only fields that differ"));
    onlyDiff_->setObjectName("onlyDifferences");
    onlyDiff_->setChecked(true);
    connect(onlyDiff_, &QCheckBox::toggled, this, [this] { fill(); });
    layout->addWidget(onlyDiff_);
    auto* split = new QSplitter(Qt::Vertical);
    table_ = new QTableWidget;
    table_->setObjectName("comparisonTable");
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    split->addWidget(table_);
    auto* lower = new QWidget;
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(new QLabel(tr("Runs that differ only in their seed:")));
    seeds_ = new QTableWidget;
    seeds_->setObjectName("seedTable");
    seeds_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    seeds_->setColumnCount(4);
    seeds_->setHorizontalHeaderLabels({tr("Group"), tr("Runs"), tr("Last top-1 %"), tr("Best top-1 %")});
    seeds_->horizontalHeader()->setStretchLastSection(true);
    lowerLayout->addWidget(seeds_);
    split->addWidget(lower);
    layout->addWidget(split, 1);
}

void RunComparisonView::setOnlyDifferences(bool on) { onlyDiff_->setChecked(on); }

void RunComparisonView::setRuns(const std::vector<ComparedRun>& runs) {
    runs_ = runs;
    fill();
}

void RunComparisonView::fill() {
    table_->clear();
    const int n = int(runs_.size());
    table_->setColumnCount(n);
    QStringList headers;
    for (const auto& r : runs_) headers << QString("%1 %2").arg(r.id).arg(QString::fromStdString(r.name));
    table_->setHorizontalHeaderLabels(headers);
    QStringList rowNames{tr("best test top-1 %"), tr("last test top-1 %")};
    std::vector<QStringList> cells(2);
    for (const auto& r : runs_) {
        cells[0] << top1(r.best_top1);
        cells[1] << top1(r.last_top1);
    }
    for (const auto& row : compareConfigs(runs_)) {
        if (onlyDiff_->isChecked() && !row.differs) continue;
        rowNames << QString::fromStdString(row.field);
        QStringList values;
        for (const auto& v : row.values) values << QString::fromStdString(v);
        cells.push_back(values);
    }
    table_->setRowCount(rowNames.size());
    table_->setVerticalHeaderLabels(rowNames);
    for (int row = 0; row < rowNames.size(); ++row)
        for (int col = 0; col < n; ++col) table_->setItem(row, col, new QTableWidgetItem(cells[row].value(col)));
    table_->resizeColumnsToContents();

    const auto groups = groupBySeed(runs_);
    seeds_->setRowCount(int(groups.size()));
    for (int g = 0; g < int(groups.size()); ++g) {
        const auto& group = groups[g];
        QStringList ids;
        for (auto id : group.runs) ids << QString::number(id);
        seeds_->setItem(g, 0, new QTableWidgetItem(QString::fromStdString(group.label)));
        seeds_->setItem(g, 1, new QTableWidgetItem(ids.join(", ")));
        seeds_->setItem(g, 2, new QTableWidgetItem(spread(group.last_mean, group.last_std, group.finished)));
        seeds_->setItem(g, 3, new QTableWidgetItem(spread(group.best_mean, group.best_std, group.finished)));
    }
    seeds_->resizeColumnsToContents();
}

}  // namespace ferkd::ui
