#include "crops/dataset_view.h"

#include <QApplication>
#include <QCheckBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
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
constexpr int kSamplesPerClass = 4;
constexpr int kThumbnail = 72;
}  // namespace

DatasetView::DatasetView(QWidget* parent) : QDialog(parent) {
    setObjectName("datasetView");
    setWindowTitle(tr("Inspect data set"));
    resize(900, 600);
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    path_ = new QLineEdit("fashion-mnist");
    path_->setObjectName("datasetPath");
    path_->setToolTip(tr("fashion-mnist, an IDX folder, an image folder (class sub-folders, or train/ and val/ "
                         "inside) or a packed folder"));
    auto* browse = new QPushButton(tr("Browse..."));
    decodeAll_ = new QCheckBox(tr("Decode every image"));
    decodeAll_->setObjectName("datasetDecodeAll");
    decodeAll_->setToolTip(tr("Finds images whose data is damaged past the header; slow for large folders"));
    scanButton_ = new QPushButton(tr("Scan"));
    scanButton_->setObjectName("datasetScan");
    row->addWidget(path_, 1);
    row->addWidget(browse);
    row->addWidget(decodeAll_);
    row->addWidget(scanButton_);
    layout->addLayout(row);
    summary_ = new QLabel(tr("Choose a data set and scan it."));
    summary_->setObjectName("datasetSummary");
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary_);

    auto* split = new QSplitter(Qt::Vertical);
    auto* top = new QSplitter(Qt::Horizontal);
    classes_ = new QTableWidget;
    classes_->setObjectName("datasetClasses");
    classes_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    classes_->horizontalHeader()->setStretchLastSection(true);
    problems_ = new QListWidget;
    problems_->setObjectName("datasetProblems");
    top->addWidget(classes_);
    top->addWidget(problems_);
    samples_ = new QListWidget;
    samples_->setObjectName("datasetSamples");
    samples_->setViewMode(QListView::IconMode);
    samples_->setIconSize(QSize(kThumbnail, kThumbnail));
    samples_->setResizeMode(QListView::Adjust);
    split->addWidget(top);
    split->addWidget(samples_);
    layout->addWidget(split, 1);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Data set folder"), path_->text());
        if (!dir.isEmpty()) path_->setText(dir);
    });
    connect(scanButton_, &QPushButton::clicked, this, [this] { scan(path_->text().trimmed()); });
    connect(path_, &QLineEdit::returnPressed, this, [this] { scan(path_->text().trimmed()); });
}

void DatasetView::scan(const QString& path) {
    if (scanning_) return;
    scanning_ = true;
    path_->setText(path);
    scanButton_->setEnabled(false);
    summary_->setText(tr("scanning %1 ...").arg(path));
    const bool decodeAll = decodeAll_->isChecked();
    QPointer<DatasetView> self(this);  // the dialog may be closed before the scan ends
    auto* worker = QThread::create([self, path, decodeAll] {
        auto result = std::make_shared<DatasetInspection>();
        QString error;
        try {
            *result = inspectDataset(path.toStdString(), "auto", decodeAll, kSamplesPerClass);
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(qApp, [self, result, error] {
            if (!self) return;
            self->scanning_ = false;
            self->scanButton_->setEnabled(true);
            if (error.isEmpty()) self->showInspection(*result);
            else self->summary_->setText(error);
            Q_EMIT self->scanned(error.isEmpty(), error);
        });
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void DatasetView::showInspection(const DatasetInspection& inspection) {
    inspection_ = inspection;
    QStringList lines;
    for (const auto& s : inspection.splits) {
        lines << tr("%1: %2 (%3), %n image(s), first image %4x%5x%6", nullptr, int(s.images))
                     .arg(QString::fromStdString(s.split), QString::fromStdString(s.report.path),
                          QString::fromStdString(s.report.format))
                     .arg(s.first_height)
                     .arg(s.first_width)
                     .arg(s.channels);
        if (!s.report.generation.empty()) lines << tr("  made by: %1").arg(QString::fromStdString(s.report.generation));
        if (s.boxes.images > 0)
            lines << tr("  object boxes: %1 images, mean %2 x %3 px, %4% of the image")
                         .arg(s.boxes.images)
                         .arg(s.boxes.mean_width, 0, 'f', 1)
                         .arg(s.boxes.mean_height, 0, 'f', 1)
                         .arg(100.0 * s.boxes.mean_area_share, 0, 'f', 1);
    }
    lines << tr("fingerprint: %1").arg(QString::fromStdString(inspection.fingerprint));
    summary_->setText(lines.join('\n'));

    const auto& train = inspection.splits.front();
    const SplitInspection* test = inspection.splits.size() > 1 ? &inspection.splits[1] : nullptr;
    classes_->clear();
    classes_->setColumnCount(test ? 3 : 2);
    QStringList header{tr("Class"), tr("Train images")};
    if (test) header << tr("Test images");
    classes_->setHorizontalHeaderLabels(header);
    classes_->setRowCount(int(train.report.classes.size()));
    for (int c = 0; c < int(train.report.classes.size()); ++c) {
        classes_->setItem(c, 0, new QTableWidgetItem(QString::fromStdString(train.report.classes[c])));
        classes_->setItem(c, 1, new QTableWidgetItem(QString::number(train.report.per_class[c])));
        if (test && c < int(test->report.per_class.size()))
            classes_->setItem(c, 2, new QTableWidgetItem(QString::number(test->report.per_class[c])));
    }

    problems_->clear();
    for (const auto& s : inspection.splits)
        for (const auto& p : s.report.problems)
            problems_->addItem(QString("%1: %2").arg(QString::fromStdString(p.file), QString::fromStdString(p.reason)));
    if (problems_->count() == 0) problems_->addItem(tr("No file left out."));

    samples_->clear();
    for (size_t c = 0; c < train.samples.size(); ++c)
        for (const auto& sample : train.samples[c]) {
            const QImage img = toQImage(sample.pixels).scaled(kThumbnail, kThumbnail, Qt::KeepAspectRatio);
            auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(img)), QString::fromStdString(train.report.classes[c]));
            item->setToolTip(QString::fromStdString(sample.name));
            samples_->addItem(item);
        }
}

int DatasetView::problemRows() const {
    int n = 0;
    for (const auto& s : inspection_.splits) n += int(s.report.problems.size());
    return n;
}

int DatasetView::sampleCount() const { return samples_->count(); }

}  // namespace ferkd::ui
