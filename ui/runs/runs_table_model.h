#pragma once
// The workspace's runs as a Qt table model: one row per run, kept in step with the store
// by setRuns, which updates changed rows in place and inserts or removes only the rows
// that came or went, so views keep their selection, sort order and scroll position
// across the periodic refresh. The running run's progress is a role of its status cell.
#include <QAbstractTableModel>
#include <QHash>

#include <memory>
#include <vector>

#include "store/experiment_store.h"
#include "workspace/workspace.h"

namespace ferkd::ui {

class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { kName, kStatus, kBestVal, kBestTest, kTags, kStarted, kDuration, kId, kKind, kPreset, kDisk, kColumns };
    enum Role {
        SortRole = Qt::UserRole + 1,  // numbers as numbers, times as seconds
        ProgressRole,                 // status cell: 0..1 while the run trains, else invalid
        RunIdRole,
        ArchivedRole,
        StatusWordRole,  // the store's (English) status word, for filters
    };

    // `workspace` measures the Disk column (null: 0 B).
    explicit RunsTableModel(std::shared_ptr<const Workspace> workspace, QObject* parent = nullptr);

    void setRuns(std::vector<RunRecord> runs);
    void setProgress(qint64 runId, qint64 done, qint64 total);
    const RunRecord* run(int row) const;
    int rowOf(qint64 runId) const;  // -1 when absent
    static bool hiddenByDefault(int column);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant display(const RunRecord& r, int column) const;
    QVariant sortKey(const RunRecord& r, int column) const;
    quint64 diskBytes(const RunRecord& r) const;
    void reindex();

    std::shared_ptr<const Workspace> workspace_;
    std::vector<RunRecord> runs_;
    QHash<qint64, int> rowById_;
    QHash<qint64, double> progress_;
    // Disk use walks a run's folder: measured when first shown, again when the run changes.
    mutable QHash<qint64, QPair<QString, quint64>> disk_;
};

// The store's status words in the user's language.
QString runStatusText(const std::string& status);

}  // namespace ferkd::ui
