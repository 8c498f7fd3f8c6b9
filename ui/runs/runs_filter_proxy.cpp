#include "runs/runs_filter_proxy.h"

#include "runs/runs_table_model.h"

namespace ferkd::ui {

namespace {

const QStringList kFields = {"name", "tag", "status", "preset", "kind"};

int columnOf(const QString& field) {
    if (field == "name") return RunsTableModel::kName;
    if (field == "tag") return RunsTableModel::kTags;
    if (field == "preset") return RunsTableModel::kPreset;
    if (field == "kind") return RunsTableModel::kKind;
    return RunsTableModel::kStatus;
}

}  // namespace

RunsFilterProxy::RunsFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(RunsTableModel::SortRole);
    // The model updates rows in place; re-sorting and re-filtering follows them.
    setDynamicSortFilter(true);
}

void RunsFilterProxy::setFilterText(const QString& text) {
    terms_.clear();
    for (const QString& word : text.split(' ', Qt::SkipEmptyParts)) {
        const int colon = word.indexOf(':');
        const QString field = colon > 0 ? word.left(colon).toLower() : QString();
        if (colon > 0 && kFields.contains(field)) terms_.append({field, word.mid(colon + 1)});
        else terms_.append({{}, word});
    }
    invalidateFilter();
}

void RunsFilterProxy::setStatus(const QString& statusWord) {
    status_ = statusWord;
    invalidateFilter();
}

void RunsFilterProxy::setShowArchived(bool on) {
    showArchived_ = on;
    invalidateFilter();
}

bool RunsFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const QVariant a = left.data(RunsTableModel::SortRole), b = right.data(RunsTableModel::SortRole);
    if (a.typeId() == QMetaType::QString && b.typeId() == QMetaType::QString) {
        const int text = a.toString().compare(b.toString(), Qt::CaseInsensitive);
        if (text != 0) return text < 0;
    } else {
        const QPartialOrdering order = QVariant::compare(a, b);
        if (order == QPartialOrdering::Less) return true;
        if (order == QPartialOrdering::Greater) return false;
    }
    return left.data(RunsTableModel::RunIdRole).toLongLong() < right.data(RunsTableModel::RunIdRole).toLongLong();
}

bool RunsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    const QAbstractItemModel* m = sourceModel();
    auto cell = [&](int column, int role = Qt::DisplayRole) { return m->index(sourceRow, column).data(role).toString(); };
    if (!showArchived_ && m->index(sourceRow, 0).data(RunsTableModel::ArchivedRole).toBool()) return false;
    const QString statusWord = cell(RunsTableModel::kStatus, RunsTableModel::StatusWordRole);
    if (!status_.isEmpty() && statusWord != status_) return false;
    for (const Term& t : terms_) {
        bool match = false;
        if (t.field == "status") {  // the English word or the translated one
            match = statusWord.contains(t.text, Qt::CaseInsensitive) ||
                    cell(RunsTableModel::kStatus).contains(t.text, Qt::CaseInsensitive);
        } else if (!t.field.isEmpty()) {
            match = cell(columnOf(t.field)).contains(t.text, Qt::CaseInsensitive);
        } else {
            for (int column : {RunsTableModel::kName, RunsTableModel::kTags, RunsTableModel::kPreset, RunsTableModel::kKind,
                               RunsTableModel::kStatus, RunsTableModel::kId})
                match = match || cell(column).contains(t.text, Qt::CaseInsensitive);
            match = match || statusWord.contains(t.text, Qt::CaseInsensitive);
        }
        if (!match) return false;
    }
    return true;
}

}  // namespace ferkd::ui
