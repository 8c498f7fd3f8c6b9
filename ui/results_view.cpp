#include "results_view.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

namespace ferkd::ui {

ResultsView::ResultsView(std::shared_ptr<ExperimentStore> store, QWidget* parent)
    : QWidget(parent), store_(std::move(store)) {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    evaluate_ = new QPushButton(tr("Evaluate the best checkpoint"));
    evaluate_->setObjectName("evaluateButton");
    connect(evaluate_, &QPushButton::clicked, this, &ResultsView::evaluate);
    top->addWidget(evaluate_);
    summary_ = new QLabel(tr("Select one run."));
    summary_->setObjectName("resultsSummary");
    summary_->setWordWrap(true);
    top->addWidget(summary_, 1);
    layout->addLayout(top);
    auto* tables = new QHBoxLayout;
    perClass_ = new QTableWidget;
    perClass_->setObjectName("perClassTable");
    perClass_->setColumnCount(2);
    perClass_->setHorizontalHeaderLabels({tr("Class"), tr("Accuracy %")});
    perClass_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    perClass_->setMaximumWidth(260);
    confusion_ = new QTableWidget;
    confusion_->setObjectName("confusionTable");
    confusion_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    confusion_->setToolTip(tr("Rows: true class; columns: predicted class"));
    tables->addWidget(perClass_);
    tables->addWidget(confusion_, 1);
    layout->addLayout(tables, 1);
    setRun(0);
}

void ResultsView::setRun(qint64 runId) {
    run_ = runId;
    evaluate_->setEnabled(runId > 0);
    perClass_->setRowCount(0);
    confusion_->clear();
    confusion_->setRowCount(0);
    confusion_->setColumnCount(0);
    summary_->setText(runId > 0 ? tr("Evaluate to see per-class accuracy and the confusion matrix.") : tr("Select one run."));
}

void ResultsView::evaluate() {
    if (run_ <= 0) return;
    evaluate_->setEnabled(false);
    summary_->setText(tr("evaluating..."));
    const qint64 id = run_;
    auto store = store_;
    QPointer<ResultsView> self(this);  // the view may be gone when the evaluation ends
    auto* worker = QThread::create([self, store, id] {
        RunEvaluation result;
        QString error;
        try {
            result = evaluateRun(*store, id);
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(qApp, [self, id, result, error] {
            if (!self) return;
            self->evaluate_->setEnabled(self->run_ > 0);
            if (id != self->run_) return;  // the selection moved on
            if (!error.isEmpty()) self->summary_->setText(error);
            else self->show(result);
            Q_EMIT self->evaluated();
        });
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void ResultsView::show(const RunEvaluation& r) {
    summary_->setText(tr("%1 test images: top-1 %2%, top-5 %3%, loss %4 (checkpoint after epoch %5)")
                          .arg(r.images)
                          .arg(r.top1, 0, 'f', 2)
                          .arg(r.top5, 0, 'f', 2)
                          .arg(r.loss, 0, 'f', 4)
                          .arg(r.epoch));
    const int K = int(r.classes.size());
    QStringList names;
    for (const auto& c : r.classes) names << QString::fromStdString(c);
    perClass_->setRowCount(K);
    for (int c = 0; c < K; ++c) {
        perClass_->setItem(c, 0, new QTableWidgetItem(names[c]));
        perClass_->setItem(c, 1, new QTableWidgetItem(QString::number(r.classAccuracy(c), 'f', 2)));
    }
    confusion_->setRowCount(K);
    confusion_->setColumnCount(K);
    confusion_->setHorizontalHeaderLabels(names);
    confusion_->setVerticalHeaderLabels(names);
    for (int t = 0; t < K; ++t) {
        int64_t rowTotal = 0;
        for (int p = 0; p < K; ++p) rowTotal += r.count(t, p);
        for (int p = 0; p < K; ++p) {
            const double share = rowTotal > 0 ? double(r.count(t, p)) / double(rowTotal) : 0.0;
            auto* item = new QTableWidgetItem(QString::number(r.count(t, p)));
            item->setTextAlignment(Qt::AlignCenter);
            // Heat map: the share of the true class's images, blue on the diagonal, red off it.
            const QColor hue = t == p ? QColor(31, 119, 180) : QColor(214, 39, 40);
            item->setBackground(QColor(hue.red(), hue.green(), hue.blue(), int(30 + 200 * share)));
            confusion_->setItem(t, p, item);
        }
    }
    confusion_->resizeColumnsToContents();
}

}  // namespace ferkd::ui
