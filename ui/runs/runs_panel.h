#pragma once
// The studio's runs panel: a filter box (words, or field:word), a status filter and the
// runs table (model/view: RunsTableModel under RunsFilterProxy). Columns sort on a
// header click; the header's context menu shows or hides columns, and the choice and the
// column widths are remembered. The panel only shows runs; MainWindow acts on them.
#include <QModelIndex>
#include <QWidget>

#include <memory>
#include <vector>

#include "store/experiment_store.h"
#include "workspace/workspace.h"

class QComboBox;
class QLineEdit;
class QTableView;

namespace ferkd::ui {

class RunsFilterProxy;
class RunsTableModel;

class RunsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunsPanel(std::shared_ptr<const Workspace> workspace, QWidget* parent = nullptr);
    ~RunsPanel() override;

    void setRuns(std::vector<RunRecord> runs);
    void setShowArchived(bool on);
    void setProgress(qint64 runId, qint64 done, qint64 total);

    QList<qint64> selectedRuns() const;  // in the table's order
    std::vector<const RunRecord*> selectedRecords() const;  // as last set; valid until the next setRuns
    void selectRun(qint64 runId, bool addToSelection);
    void revealRun(qint64 runId);  // makes it the current row and scrolls to it; the selection stays
    int visibleCount() const;  // rows that pass the filter
    void setColumnShown(int column, bool shown);
    bool columnShown(int column) const;
    int preferredWidth() const;  // the shown columns side by side, with the scroll bar

    QTableView* table() const { return table_; }
    RunsTableModel* model() const { return model_; }

Q_SIGNALS:
    void selectionChanged();
    void contextMenuRequested(const QPoint& globalPos);

private:
    QModelIndex shownIndexOf(qint64 runId) const;  // in the table's (proxy) model; invalid when not shown
    void showColumnMenu(const QPoint& at);
    void saveColumns() const;
    void restoreColumns();

    RunsTableModel* model_ = nullptr;
    RunsFilterProxy* proxy_ = nullptr;
    QTableView* table_ = nullptr;
    QLineEdit* filter_ = nullptr;
    QComboBox* status_ = nullptr;
};

}  // namespace ferkd::ui
