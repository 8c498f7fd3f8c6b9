#pragma once
// A finished run's results: its checkpoint evaluated on the test split (off the GUI
// thread), per-class accuracy and the confusion matrix as a heat map.
#include <QWidget>

#include <memory>

#include "train/run_evaluation.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace ferkd::ui {

class ResultsView : public QWidget {
    Q_OBJECT
public:
    explicit ResultsView(std::shared_ptr<ExperimentStore> store, QWidget* parent = nullptr);
    void setRun(qint64 runId);  // 0: none
    void evaluate();            // starts the evaluation on a worker thread
    void show(const RunEvaluation& result);
    QTableWidget* confusionTable() const { return confusion_; }
    QTableWidget* classTable() const { return perClass_; }

Q_SIGNALS:
    void evaluated();

private:
    std::shared_ptr<ExperimentStore> store_;
    qint64 run_ = 0;
    QPushButton* evaluate_ = nullptr;
    QLabel* summary_ = nullptr;
    QTableWidget *perClass_ = nullptr, *confusion_ = nullptr;
};

}  // namespace ferkd::ui
