#pragma once
// Sorting and filtering of the runs table. The filter text is words that must all match:
// a plain word matches the name, tags, preset, kind or status; `name:`, `tag:`,
// `status:`, `preset:` and `kind:` restrict a word to one field. Archived runs are
// hidden unless asked for.
#include <QSortFilterProxyModel>
#include <QStringList>

namespace ferkd::ui {

class RunsFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RunsFilterProxy(QObject* parent = nullptr);
    void setFilterText(const QString& text);
    void setStatus(const QString& statusWord);  // the store's word; empty: any
    void setShowArchived(bool on);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    // Equal keys (runs started in the same second, the same status) fall back to the id:
    // a stable order, newer runs after older ones.
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    struct Term {
        QString field;  // empty: any field
        QString text;
    };
    QList<Term> terms_;
    QString status_;
    bool showArchived_ = false;
};

}  // namespace ferkd::ui
