#pragma once
// The selected runs side by side: best and last test top-1, their configs (optionally
// only the fields that differ), and runs that differ only in their seed summarised as
// mean ± standard deviation.
#include <QWidget>

#include "train/run_comparison.h"

class QCheckBox;
class QTableWidget;

namespace ferkd::ui {

class RunComparisonView : public QWidget {
    Q_OBJECT
public:
    explicit RunComparisonView(QWidget* parent = nullptr);
    void setRuns(const std::vector<ComparedRun>& runs);
    void setOnlyDifferences(bool on);
    QTableWidget* configTable() const { return table_; }
    QTableWidget* seedTable() const { return seeds_; }

private:
    void fill();
    std::vector<ComparedRun> runs_;
    QCheckBox* onlyDiff_ = nullptr;
    QTableWidget *table_ = nullptr, *seeds_ = nullptr;
};

}  // namespace ferkd::ui
