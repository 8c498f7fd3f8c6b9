#include "runs/runs_table_model.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>

#include "util/text.h"

namespace ferkd::ui {

QString runStatusText(const std::string& status) {
    static const QHash<QString, const char*> names = {
        {run_status::kQueued, QT_TRANSLATE_NOOP("RunStatus", "queued")},
        {run_status::kRunning, QT_TRANSLATE_NOOP("RunStatus", "running")},
        {run_status::kPaused, QT_TRANSLATE_NOOP("RunStatus", "paused")},
        {run_status::kStopped, QT_TRANSLATE_NOOP("RunStatus", "stopped")},
        {run_status::kFinished, QT_TRANSLATE_NOOP("RunStatus", "finished")},
        {run_status::kFailed, QT_TRANSLATE_NOOP("RunStatus", "failed")},
        {run_status::kInterrupted, QT_TRANSLATE_NOOP("RunStatus", "interrupted")},
    };
    const QString key = QString::fromStdString(status);
    auto it = names.find(key);
    return it == names.end() ? key : QCoreApplication::translate("RunStatus", it.value());
}

namespace {

double durationSeconds(const RunRecord& r) {
    if (r.started_at <= 0) return -1;
    return (r.finished_at > 0 ? r.finished_at : unixNow()) - r.started_at;
}

// What makes a row's disk use worth measuring again.
QString diskStamp(const RunRecord& r) { return QString::fromStdString(r.status) + QString::number(r.finished_at, 'f', 3); }

}  // namespace

RunsTableModel::RunsTableModel(std::shared_ptr<const Workspace> workspace, QObject* parent)
    : QAbstractTableModel(parent), workspace_(std::move(workspace)) {}

bool RunsTableModel::hiddenByDefault(int column) { return column == kId || column == kKind || column == kPreset || column == kDisk; }

int RunsTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(runs_.size()); }
int RunsTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : kColumns; }

const RunRecord* RunsTableModel::run(int row) const {
    return row >= 0 && row < int(runs_.size()) ? &runs_[size_t(row)] : nullptr;
}

int RunsTableModel::rowOf(qint64 runId) const { return rowById_.value(runId, -1); }

void RunsTableModel::reindex() {
    rowById_.clear();
    for (int row = 0; row < int(runs_.size()); ++row) rowById_.insert(runs_[size_t(row)].id, row);
}

void RunsTableModel::setRuns(std::vector<RunRecord> runs) {
    QSet<qint64> incoming;
    for (const auto& r : runs) incoming.insert(r.id);
    // Rows that went, from the bottom so the rows above keep their numbers.
    for (int row = int(runs_.size()) - 1; row >= 0; --row) {
        if (incoming.contains(runs_[size_t(row)].id)) continue;
        beginRemoveRows({}, row, row);
        progress_.remove(runs_[size_t(row)].id);
        disk_.remove(runs_[size_t(row)].id);
        runs_.erase(runs_.begin() + row);
        endRemoveRows();
    }
    reindex();
    std::vector<RunRecord> added;
    for (auto& r : runs) {
        const int row = rowOf(r.id);
        if (row < 0) {
            added.push_back(std::move(r));
            continue;
        }
        RunRecord& old = runs_[size_t(row)];
        if (old.status != r.status) progress_.remove(r.id);
        old = std::move(r);
    }
    // One signal for the rows kept (a running run's duration moves; telling which others
    // changed costs more than the proxy's one pass over them).
    if (!runs_.empty()) Q_EMIT dataChanged(index(0, 0), index(int(runs_.size()) - 1, kColumns - 1));
    if (!added.empty()) {
        const int first = int(runs_.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (auto& r : added) runs_.push_back(std::move(r));
        reindex();
        endInsertRows();
    }
}

void RunsTableModel::setProgress(qint64 runId, qint64 done, qint64 total) {
    const int row = rowOf(runId);
    if (row < 0 || total <= 0) return;
    const double share = std::clamp(double(done) / double(total), 0.0, 1.0);
    // Reported every step: the cell repaints (and the proxy re-sorts) only when the bar moves.
    auto it = progress_.find(runId);
    if (it != progress_.end() && int(*it * 1000) == int(share * 1000)) return;
    progress_[runId] = share;
    const QModelIndex cell = index(row, kStatus);
    Q_EMIT dataChanged(cell, cell, {ProgressRole, Qt::DisplayRole});
}

quint64 RunsTableModel::diskBytes(const RunRecord& r) const {
    auto it = disk_.find(r.id);
    if (it != disk_.end() && it->first == diskStamp(r)) return it->second;
    // The run's own folder and checkpoints; a label set it generated counts too.
    uint64_t bytes = 0;
    try {
        if (workspace_) bytes = workspace_->planDeletion(r.id).bytes;
    } catch (const std::exception&) {
        return 0;  // a server out of reach: asked again on the next refresh
    }
    disk_.insert(r.id, {diskStamp(r), bytes});
    return bytes;
}

QVariant RunsTableModel::display(const RunRecord& r, int column) const {
    switch (column) {
    case kName: return QString::fromStdString(r.name);
    case kStatus: {
        QString text = runStatusText(r.status);
        if (auto it = progress_.find(r.id); it != progress_.end() && r.status == run_status::kRunning)
            text += QStringLiteral(" %1%").arg(int(*it * 100));
        if (r.archived) text += " " + tr("(archived)");
        return text;
    }
    case kBestVal: return r.best_val_top1 ? QString::number(*r.best_val_top1, 'f', 2) : QStringLiteral("-");
    case kBestTest: return r.best_top1 ? QString::number(*r.best_top1, 'f', 2) : QStringLiteral("-");
    case kTags: return QString::fromStdString(r.tags);
    case kStarted:
        return r.started_at > 0 ? QDateTime::fromSecsSinceEpoch(qint64(r.started_at)).toString("MM-dd hh:mm")
                                : QStringLiteral("-");
    case kDuration: {
        const double s = durationSeconds(r);
        return s < 0 ? QStringLiteral("-") : QString::fromStdString(formatDuration(s));
    }
    case kId: return QString::number(r.id);
    case kKind: return QString::fromStdString(r.kind);
    case kPreset: return QString::fromStdString(r.preset);
    case kDisk: return QString::fromStdString(formatBytes(diskBytes(r)));
    }
    return {};
}

QVariant RunsTableModel::sortKey(const RunRecord& r, int column) const {
    switch (column) {
    case kBestVal: return r.best_val_top1 ? *r.best_val_top1 : -1.0;
    case kBestTest: return r.best_top1 ? *r.best_top1 : -1.0;
    case kStarted: return r.started_at > 0 ? r.started_at : r.created_at;  // queued runs by when they were made
    case kDuration: return durationSeconds(r);
    case kId: return qlonglong(r.id);
    case kDisk: return double(diskBytes(r));
    default: return display(r, column);
    }
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const {
    const RunRecord* r = index.isValid() ? run(index.row()) : nullptr;
    if (!r) return {};
    switch (role) {
    case Qt::DisplayRole: return display(*r, index.column());
    case SortRole: return sortKey(*r, index.column());
    case RunIdRole: return qlonglong(r->id);
    case ArchivedRole: return r->archived;
    case StatusWordRole: return QString::fromStdString(r->status);
    case ProgressRole:
        if (index.column() == kStatus && r->status == run_status::kRunning)
            if (auto it = progress_.find(r->id); it != progress_.end()) return *it;
        return {};
    case Qt::ToolTipRole:
        if (index.column() == kStatus && !r->error.empty()) return QString::fromStdString(r->error);
        if (index.column() == kName && !r->notes.empty()) return QString::fromStdString(r->notes);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == kBestVal || index.column() == kBestTest || index.column() == kId || index.column() == kDisk)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    return {};
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole) {
        if (section == kBestVal) return tr("Validation top-1 of the best checkpoint (runs with data.val_split)");
        if (section == kBestTest) return tr("Test top-1 of the best checkpoint");
        if (section == kDisk) return tr("Disk space the run's folder, checkpoints and label set take");
        return {};
    }
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case kName: return tr("Name");
    case kStatus: return tr("Status");
    case kBestVal: return tr("Val %");
    case kBestTest: return tr("Test %");
    case kTags: return tr("Tags");
    case kStarted: return tr("Started");
    case kDuration: return tr("Duration");
    case kId: return tr("Id");
    case kKind: return tr("Kind");
    case kPreset: return tr("Preset");
    case kDisk: return tr("Disk");
    }
    return {};
}

}  // namespace ferkd::ui
