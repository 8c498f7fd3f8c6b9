#include "runs/runs_panel.h"

#include <algorithm>

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QPainter>
#include <QSettings>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include "runs/runs_filter_proxy.h"
#include "runs/runs_table_model.h"

namespace ferkd::ui {

namespace {

// The status cell of a training run: a progress bar with the status text on it.
class StatusDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        const QVariant progress = index.data(RunsTableModel::ProgressRole);
        if (!progress.isValid()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 3, -2, -3);
        bar.minimum = 0;
        bar.maximum = 1000;
        bar.progress = int(progress.toDouble() * 1000);
        bar.text = index.data().toString();
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter);
    }
};

const char* kColumnsKey = "runsTable/header";

}  // namespace

RunsPanel::RunsPanel(std::shared_ptr<const Workspace> workspace, QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* filters = new QHBoxLayout;
    filter_ = new QLineEdit;
    filter_->setObjectName("runFilter");
    filter_->setPlaceholderText(tr("Filter runs: words, or tag:, status:, preset:, name:"));
    filter_->setToolTip(tr("Every word must match. A plain word matches the name, tags, preset, kind or status;\n"
                           "tag:baseline, status:failed, preset:fmnist or name:seed restrict it to one field."));
    filter_->setClearButtonEnabled(true);
    filters->addWidget(filter_, 1);
    status_ = new QComboBox;
    status_->setObjectName("statusFilter");
    status_->addItem(tr("Any status"), QString());
    for (const char* word : {run_status::kQueued, run_status::kRunning, run_status::kPaused, run_status::kFinished,
                             run_status::kStopped, run_status::kFailed, run_status::kInterrupted})
        status_->addItem(runStatusText(word), QString(word));
    filters->addWidget(status_);
    layout->addLayout(filters);

    model_ = new RunsTableModel(std::move(workspace), this);
    proxy_ = new RunsFilterProxy(this);
    proxy_->setSourceModel(model_);
    table_ = new QTableView;
    table_->setObjectName("runsTable");
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(RunsTableModel::kStarted, Qt::DescendingOrder);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->setTextElideMode(Qt::ElideMiddle);  // run names differ at their ends (date, time, seed)
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    table_->setItemDelegateForColumn(RunsTableModel::kStatus, new StatusDelegate(table_));
    table_->setContextMenuPolicy(Qt::CustomContextMenu);
    auto* header = table_->horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    // Widths that fit the default columns in the runs panel of a 1366 px window.
    const QFontMetrics fm = table_->fontMetrics();
    auto width = [&](const QString& sample) { return fm.horizontalAdvance(sample) + 18; };
    header->resizeSection(RunsTableModel::kName, width("fmnist-resnet-quick-12"));
    header->resizeSection(RunsTableModel::kStatus, width(runStatusText(run_status::kFinished) + " 100%"));
    header->resizeSection(RunsTableModel::kBestVal, width("100.00"));
    header->resizeSection(RunsTableModel::kBestTest, width("100.00"));
    header->resizeSection(RunsTableModel::kTags, width("baseline, x"));
    header->resizeSection(RunsTableModel::kStarted, width("12-31 23:59"));
    header->resizeSection(RunsTableModel::kDuration, width("12 min 30 s"));
    for (int c = 0; c < RunsTableModel::kColumns; ++c) header->setSectionHidden(c, RunsTableModel::hiddenByDefault(c));
    restoreColumns();
    layout->addWidget(table_, 1);

    connect(filter_, &QLineEdit::textChanged, proxy_, &RunsFilterProxy::setFilterText);
    connect(status_, &QComboBox::currentIndexChanged, this,
            [this] { proxy_->setStatus(status_->currentData().toString()); });
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsPanel::selectionChanged);
    connect(table_, &QWidget::customContextMenuRequested, this,
            [this](const QPoint& at) { Q_EMIT contextMenuRequested(table_->viewport()->mapToGlobal(at)); });
    connect(header, &QWidget::customContextMenuRequested, this, &RunsPanel::showColumnMenu);
    connect(header, &QHeaderView::sectionResized, this, &RunsPanel::saveColumns);
    connect(header, &QHeaderView::sectionMoved, this, &RunsPanel::saveColumns);
}

RunsPanel::~RunsPanel() = default;

void RunsPanel::setRuns(std::vector<RunRecord> runs) { model_->setRuns(std::move(runs)); }
void RunsPanel::setShowArchived(bool on) { proxy_->setShowArchived(on); }
void RunsPanel::setProgress(qint64 runId, qint64 done, qint64 total) { model_->setProgress(runId, done, total); }

QList<qint64> RunsPanel::selectedRuns() const {
    QList<qint64> ids;
    auto rows = table_->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    for (const QModelIndex& index : rows) ids << index.data(RunsTableModel::RunIdRole).toLongLong();
    return ids;
}

std::vector<const RunRecord*> RunsPanel::selectedRecords() const {
    std::vector<const RunRecord*> records;
    for (qint64 id : selectedRuns())
        if (const RunRecord* r = model_->run(model_->rowOf(id))) records.push_back(r);
    return records;
}

QModelIndex RunsPanel::shownIndexOf(qint64 runId) const {
    const int sourceRow = model_->rowOf(runId);
    return sourceRow < 0 ? QModelIndex() : proxy_->mapFromSource(model_->index(sourceRow, 0));
}

void RunsPanel::selectRun(qint64 runId, bool addToSelection) {
    const QModelIndex index = shownIndexOf(runId);
    if (!index.isValid()) return;  // not in the workspace, or filtered out
    const auto flags = (addToSelection ? QItemSelectionModel::Select : QItemSelectionModel::ClearAndSelect) |
                       QItemSelectionModel::Rows;
    table_->selectionModel()->select(index, flags);
    table_->scrollTo(index);
}

void RunsPanel::revealRun(qint64 runId) {
    const QModelIndex index = shownIndexOf(runId);
    if (!index.isValid()) return;
    table_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    table_->scrollTo(index);
}

int RunsPanel::visibleCount() const { return proxy_->rowCount(); }

void RunsPanel::setColumnShown(int column, bool shown) {
    table_->horizontalHeader()->setSectionHidden(column, !shown);
    saveColumns();
}

bool RunsPanel::columnShown(int column) const { return !table_->horizontalHeader()->isSectionHidden(column); }

int RunsPanel::preferredWidth() const {
    int width = 2 * table_->frameWidth() + table_->verticalScrollBar()->sizeHint().width();
    for (int c = 0; c < RunsTableModel::kColumns; ++c)
        if (columnShown(c)) width += table_->horizontalHeader()->sectionSize(c);
    return width;
}

void RunsPanel::showColumnMenu(const QPoint& at) {
    QMenu menu(this);
    for (int c = 0; c < RunsTableModel::kColumns; ++c) {
        QAction* a = menu.addAction(model_->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
        a->setCheckable(true);
        a->setChecked(columnShown(c));
        a->setEnabled(c != RunsTableModel::kName);  // a run is always named
        connect(a, &QAction::toggled, this, [this, c](bool on) { setColumnShown(c, on); });
    }
    menu.exec(table_->horizontalHeader()->mapToGlobal(at));
}

void RunsPanel::saveColumns() const { QSettings().setValue(kColumnsKey, table_->horizontalHeader()->saveState()); }

void RunsPanel::restoreColumns() {
    const QByteArray state = QSettings().value(kColumnsKey).toByteArray();
    if (!state.isEmpty()) table_->horizontalHeader()->restoreState(state);
    table_->horizontalHeader()->setSectionHidden(RunsTableModel::kName, false);
}

}  // namespace ferkd::ui
