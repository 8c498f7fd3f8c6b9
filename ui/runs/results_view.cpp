#include "runs/results_view.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include "crops/pixels_image.h"

namespace ferkd::ui {

namespace {

constexpr int kThumbnail = 72;              // pixels
constexpr size_t kConfidentlyWrong = 200;   // errors listed

}  // namespace

ResultsView::ResultsView(std::shared_ptr<const Workspace> workspace, QWidget* parent)
    : QWidget(parent), workspace_(std::move(workspace)) {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    evaluate_ = new QPushButton(tr("Evaluate the best checkpoint"));
    evaluate_->setObjectName("evaluateButton");
    connect(evaluate_, &QPushButton::clicked, this, &ResultsView::evaluate);
    top->addWidget(evaluate_);
    wrong_ = new QPushButton(tr("Most confidently wrong"));
    wrong_->setObjectName("confidentlyWrongButton");
    wrong_->setToolTip(tr("The test images the model got wrong with the highest confidence"));
    connect(wrong_, &QPushButton::clicked, this, &ResultsView::showConfidentlyWrong);
    top->addWidget(wrong_);
    summary_ = new QLabel(tr("Select one run."));
    summary_->setObjectName("resultsSummary");
    summary_->setWordWrap(true);
    top->addWidget(summary_, 1);
    layout->addLayout(top);

    auto* split = new QSplitter(Qt::Vertical);
    auto* tables = new QWidget;
    auto* tablesLayout = new QHBoxLayout(tables);
    tablesLayout->setContentsMargins(0, 0, 0, 0);
    perClass_ = new QTableWidget;
    perClass_->setObjectName("perClassTable");
    perClass_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    perClass_->verticalHeader()->hide();
    perClass_->setMaximumWidth(480);
    confusion_ = new QTableWidget;
    confusion_->setObjectName("confusionTable");
    confusion_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    confusion_->setSelectionMode(QAbstractItemView::SingleSelection);
    confusion_->setToolTip(tr("Rows: true class; columns: predicted class. Click a cell to see its images."));
    connect(confusion_, &QTableWidget::cellClicked, this, &ResultsView::showCell);
    tablesLayout->addWidget(perClass_);
    tablesLayout->addWidget(confusion_, 1);
    split->addWidget(tables);

    auto* browse = new QWidget;
    auto* browseLayout = new QVBoxLayout(browse);
    browseLayout->setContentsMargins(0, 0, 0, 0);
    listHeading_ = new QLabel(tr("Click a cell of the confusion matrix to see its test images."));
    listHeading_->setObjectName("imageListHeading");
    browseLayout->addWidget(listHeading_);
    images_ = new QListWidget;
    images_->setObjectName("cellImages");
    images_->setViewMode(QListView::IconMode);
    images_->setIconSize(QSize(kThumbnail, kThumbnail));
    images_->setGridSize(QSize(kThumbnail + 34, kThumbnail + 34));
    images_->setResizeMode(QListView::Adjust);
    images_->setMovement(QListView::Static);
    images_->setUniformItemSizes(true);
    browseLayout->addWidget(images_, 1);
    split->addWidget(browse);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    setRun(0);
}

void ResultsView::setRun(qint64 runId) {
    run_ = runId;
    result_ = {};
    evaluate_->setEnabled(runId > 0);
    wrong_->setEnabled(false);
    perClass_->setRowCount(0);
    confusion_->clear();
    confusion_->setRowCount(0);
    confusion_->setColumnCount(0);
    listImages({}, tr("Click a cell of the confusion matrix to see its test images."));
    summary_->setText(runId > 0 ? tr("Evaluate to see per-class accuracy and the confusion matrix.") : tr("Select one run."));
}

void ResultsView::evaluate() {
    if (run_ <= 0) return;
    evaluate_->setEnabled(false);
    summary_->setText(tr("evaluating..."));
    const qint64 id = run_;
    auto workspace = workspace_;
    QPointer<ResultsView> self(this);  // the view may be gone when the evaluation ends
    // Said after each batch; a server's evaluation says nothing until it ends.
    const EvaluationProgress progress = [self, id](int64_t done, int64_t total) {
        QMetaObject::invokeMethod(qApp, [self, id, done, total] {
            if (self && id == self->run_ && !self->evaluate_->isEnabled())
                self->summary_->setText(tr("evaluating: %1 of %2 test images").arg(done).arg(total));
        });
    };
    auto* worker = QThread::create([self, workspace, id, progress] {
        RunEvaluation result;
        QString error;
        try {
            result = workspace->evaluate(id, "best", true, progress);
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
    result_ = r;
    QString text = tr("%1 test images: top-1 %2%, top-5 %3%, loss %4 (checkpoint after epoch %5)")
                       .arg(r.images)
                       .arg(r.top1, 0, 'f', 2)
                       .arg(r.top5, 0, 'f', 2)
                       .arg(r.loss, 0, 'f', 4)
                       .arg(r.epoch);
    if (r.comparedTeacher())
        text += "\n" + tr("Teacher %1: top-1 agreement %2%, mean KL(teacher || student) %3")
                           .arg(QString::fromStdString(r.teacher))
                           .arg(r.agreement, 0, 'f', 2)
                           .arg(r.mean_kl, 0, 'f', 4);
    else if (!r.teacher_note.empty())
        text += "\n" + tr("Teacher not compared: %1").arg(QString::fromStdString(r.teacher_note));
    summary_->setText(text);
    wrong_->setEnabled(!r.predictions.empty());
    const int K = int(r.classes.size());
    QStringList names;
    for (const auto& c : r.classes) names << QString::fromStdString(c);
    QStringList headers{tr("Class"), tr("Accuracy %")};
    if (r.comparedTeacher()) headers << tr("Agrees with teacher %") << tr("KL");
    perClass_->setColumnCount(headers.size());
    perClass_->setHorizontalHeaderLabels(headers);
    perClass_->setRowCount(K);
    for (int c = 0; c < K; ++c) {
        perClass_->setItem(c, 0, new QTableWidgetItem(names[c]));
        perClass_->setItem(c, 1, new QTableWidgetItem(QString::number(r.classAccuracy(c), 'f', 2)));
        if (r.comparedTeacher()) {
            perClass_->setItem(c, 2, new QTableWidgetItem(QString::number(r.class_agreement[size_t(c)], 'f', 2)));
            perClass_->setItem(c, 3, new QTableWidgetItem(QString::number(r.class_kl[size_t(c)], 'f', 4)));
        }
    }
    perClass_->resizeColumnsToContents();
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

void ResultsView::showCell(int trueClass, int predicted) {
    const int K = int(result_.classes.size());
    if (trueClass < 0 || predicted < 0 || trueClass >= K || predicted >= K) return;
    const auto list = result_.cell(trueClass, predicted);
    listImages(list, tr("True %1, predicted %2: %n image(s), the most confident first", nullptr, int(list.size()))
                         .arg(QString::fromStdString(result_.classes[size_t(trueClass)]),
                              QString::fromStdString(result_.classes[size_t(predicted)])));
}

void ResultsView::showConfidentlyWrong() {
    const auto list = result_.confidentlyWrong(kConfidentlyWrong);
    listImages(list, tr("The %n most confidently wrong test image(s)", nullptr, int(list.size())));
}

void ResultsView::listImages(const std::vector<ImagePrediction>& list, const QString& heading) {
    ++*listing_;  // the previous listing's worker stops at its next image
    listHeading_->setText(heading);
    images_->clear();
    listed_ = list;
    const auto className = [&](int c) {
        return c >= 0 && c < int(result_.classes.size()) ? QString::fromStdString(result_.classes[size_t(c)]) : QString::number(c);
    };
    // A blank icon until the thumbnail is decoded: every item has its final size from the start.
    QPixmap blank(kThumbnail, kThumbnail);
    blank.fill(Qt::transparent);
    const QIcon placeholder(blank);
    for (const auto& p : listed_) {
        auto* item = new QListWidgetItem(placeholder, QString("#%1  %2").arg(p.image).arg(p.confidence, 0, 'f', 2));
        QString tip = tr("test image %1\ntrue: %2\npredicted: %3 (p = %4)")
                          .arg(p.image)
                          .arg(className(p.truth), className(p.predicted))
                          .arg(p.confidence, 0, 'f', 3);
        if (p.teacher_predicted >= 0)
            tip += "\n" + tr("teacher: %1, KL %2").arg(className(p.teacher_predicted)).arg(p.kl, 0, 'f', 3);
        item->setToolTip(tip);
        item->setData(Qt::UserRole, qlonglong(p.image));
        images_->addItem(item);
    }
    if (!listed_.empty() && result_.image) loadThumbnails();
}

ResultsView::~ResultsView() { ++*listing_; }

void ResultsView::loadThumbnails() {
    std::vector<int64_t> images;
    for (const auto& p : listed_) images.push_back(p.image);
    const uint64_t listing = *listing_;
    QPointer<ResultsView> self(this);
    auto* worker = QThread::create([self, listing, generation = listing_, decode = result_.image, images] {
        for (size_t k = 0; k < images.size() && *generation == listing; ++k) {
            QImage thumbnail;
            try {
                thumbnail = toQImage(decode(images[k])).scaled(kThumbnail, kThumbnail, Qt::KeepAspectRatio,
                                                               Qt::SmoothTransformation);
            } catch (const std::exception&) {
                continue;  // a server out of reach, an image gone: the blank icon stays
            }
            QMetaObject::invokeMethod(qApp, [self, listing, k, thumbnail] {
                if (!self || *self->listing_ != listing) return;
                QListWidgetItem* item = self->images_->item(int(k));
                item->setIcon(QIcon(QPixmap::fromImage(thumbnail)));
                item->setData(kThumbnailRole, true);
            });
        }
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

}  // namespace ferkd::ui
