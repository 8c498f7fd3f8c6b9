#include "crop_browser.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QThread>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <nlohmann/json.hpp>

#include "pixels_image.h"
#include "store/experiment_store.h"
#include "train/trainer.h"

namespace ferkd::ui {

namespace {

// Red (the teacher does not see the class) through yellow to green (it is sure).
QColor confidenceColour(float p) { return QColor::fromHsvF(std::clamp(p, 0.0f, 1.0f) / 3.0f, 0.95, 0.9); }

}  // namespace

// The image, scaled up, with every crop's box.
class CropImageView : public QWidget {
public:
    CropImageView() { setMinimumSize(280, 280); }
    void set(const QImage& image, const std::vector<InspectedCrop>& crops) {
        image_ = image;
        crops_ = crops;
        update();
    }
    int boxes() const { return drawn_; }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        painter.fillRect(rect(), palette().window());
        drawn_ = 0;
        if (image_.isNull()) return;
        const int legendHeight = 36;
        const QRect area = rect().adjusted(8, 8, -8, -8 - legendHeight);
        const double scale = std::min(area.width() / double(image_.width()), area.height() / double(image_.height()));
        const QRectF target(area.x(), area.y(), image_.width() * scale, image_.height() * scale);
        painter.drawImage(target, image_);  // nearest neighbour: small images stay crisp
        painter.setRenderHint(QPainter::Antialiasing);
        // Confident crops first, so the hard ones end up on top.
        std::vector<const InspectedCrop*> order;
        for (const auto& c : crops_) order.push_back(&c);
        std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->p_true > b->p_true; });
        for (const InspectedCrop* c : order) {
            QPen pen(confidenceColour(c->p_true), c->cls == CropClass::Easy ? 3.0 : c->cls == CropClass::Hard ? 2.5 : 1.2);
            if (c->cls == CropClass::Hard) pen.setStyle(Qt::DashLine);
            painter.setPen(pen);
            painter.drawRect(QRectF(target.x() + c->box.x * target.width(), target.y() + c->box.y * target.height(),
                                    c->box.w * target.width(), c->box.h * target.height()));
            ++drawn_;
        }
        // Legend: the colour scale and the line styles.
        const QRect bar(area.x(), area.bottom() + 12, std::min(240, area.width() / 2), 10);
        QLinearGradient g(bar.topLeft(), bar.topRight());
        for (int i = 0; i <= 10; ++i) g.setColorAt(i / 10.0, confidenceColour(i / 10.0f));
        painter.fillRect(bar, g);
        painter.setPen(palette().text().color());
        painter.drawText(bar.bottomLeft() + QPoint(0, 14), "0");
        painter.drawText(bar.bottomRight() + QPoint(-6, 14), "1");
        painter.drawText(QRect(bar.right() + 10, bar.top() - 4, std::max(60, area.right() - bar.right() - 10), 34),
                         Qt::TextWordWrap,
                         QCoreApplication::translate("CropBrowser", "p(true class); dashed: hard, bold: easy"));
    }

private:
    QImage image_;
    std::vector<InspectedCrop> crops_;
    int drawn_ = 0;
};

CropBrowser::CropBrowser(std::shared_ptr<ExperimentStore> store, QWidget* parent)
    : QWidget(parent), store_(std::move(store)) {
    build();
    refreshLabelSets();
}

CropBrowser::~CropBrowser() = default;

void CropBrowser::build() {
    auto* layout = new QVBoxLayout(this);
    auto* openRow = new QHBoxLayout;
    labelSets_ = new QComboBox;
    labelSets_->setObjectName("labelSetCombo");
    labelSets_->setToolTip(tr("Label sets generated in this workspace"));
    openRow->addWidget(labelSets_, 2);
    dataPath_ = new QLineEdit("fashion-mnist");
    dataPath_->setObjectName("cropData");
    dataPath_->setToolTip(tr("The data set the labels were made for"));
    openRow->addWidget(dataPath_, 1);
    labelsPath_ = new QLineEdit;
    labelsPath_->setObjectName("cropLabels");
    labelsPath_->setPlaceholderText(tr("label store (.fkdl)"));
    openRow->addWidget(labelsPath_, 2);
    auto* browse = new QPushButton(tr("Browse..."));
    auto* openButton = new QPushButton(tr("Open"));
    openRow->addWidget(browse);
    openRow->addWidget(openButton);
    layout->addLayout(openRow);
    connect(labelSets_, &QComboBox::activated, this, [this](int i) {
        labelsPath_->setText(labelSets_->itemData(i, Qt::UserRole).toString());
        const QString data = labelSets_->itemData(i, Qt::UserRole + 1).toString();
        if (!data.isEmpty()) dataPath_->setText(data);
    });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open label store"), {}, tr("Label stores (*.fkdl);;All files (*)"));
        if (!path.isEmpty()) labelsPath_->setText(path);
    });
    connect(openButton, &QPushButton::clicked, this, [this] {
        openAsync(dataPath_->text(), labelsPath_->text());
    });

    auto* split = new QSplitter(Qt::Horizontal);
    // Left: choosing an image.
    auto* pick = new QWidget;
    auto* pickLayout = new QFormLayout(pick);
    classFilter_ = new QComboBox;
    classFilter_->setObjectName("classFilter");
    index_ = new QSpinBox;
    index_->setObjectName("imageIndex");
    auto* random = new QPushButton(tr("Random image"));
    ranking_ = new QListWidget;
    ranking_->setObjectName("hardRanking");
    ranking_->setToolTip(tr("Images with the most crops whose p(true class) is below the hard threshold"));
    nameSearch_ = new QLineEdit;
    nameSearch_->setObjectName("imageNameSearch");
    nameSearch_->setPlaceholderText(tr("file name, or #index"));
    nameSearch_->setClearButtonEnabled(true);
    nameMatches_ = new QListWidget;
    nameMatches_->setObjectName("imageNameMatches");
    nameMatches_->setMaximumHeight(120);
    nameMatches_->hide();
    pickLayout->addRow(tr("Class"), classFilter_);
    pickLayout->addRow(tr("Image"), index_);
    pickLayout->addRow(tr("Name"), nameSearch_);
    pickLayout->addRow(nameMatches_);
    pickLayout->addRow(random);
    pickLayout->addRow(new QLabel(tr("Most crops the teacher hardly recognises:")));
    pickLayout->addRow(ranking_);
    connect(index_, &QSpinBox::valueChanged, this, [this](int i) {
        if (inspector_ && i != image_) showImage(i);
    });
    connect(random, &QPushButton::clicked, this, [this] {
        if (!inspector_) return;
        const int cls = classFilter_->currentIndex() - 1;  // 0 = all classes
        for (int tries = 0; tries < 10000; ++tries) {
            const int64_t i = QRandomGenerator::global()->bounded(qint64(inspector_->images()));
            if (cls < 0 || inspector_->label(i) == cls) return showImage(i);
        }
    });
    connect(nameSearch_, &QLineEdit::returnPressed, this, [this] { findByName(nameSearch_->text()); });
    connect(nameMatches_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        showImage(item->data(Qt::UserRole).toLongLong());
    });
    connect(ranking_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        showImage(item->data(Qt::UserRole).toLongLong());
    });
    connect(ranking_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        showImage(item->data(Qt::UserRole).toLongLong());
    });
    split->addWidget(pick);

    // Middle: the image with its boxes, the crops strip under it.
    auto* middle = new QWidget;
    auto* middleLayout = new QVBoxLayout(middle);
    imageLabel_ = new QLabel(tr("Open a label set to browse its crops."));
    imageLabel_->setObjectName("cropImageLabel");
    imageLabel_->setWordWrap(true);
    middleLayout->addWidget(imageLabel_);
    view_ = new CropImageView;
    view_->setObjectName("cropView");
    middleLayout->addWidget(view_, 1);
    strip_ = new QListWidget;
    strip_->setObjectName("cropStrip");
    strip_->setViewMode(QListView::IconMode);
    strip_->setFlow(QListView::LeftToRight);
    strip_->setWrapping(false);
    strip_->setIconSize(QSize(64, 64));
    strip_->setFixedHeight(128);
    middleLayout->addWidget(strip_);
    split->addWidget(middle);

    // Right: the rule and the histogram.
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    ruleMode_ = new QComboBox;
    ruleMode_->setObjectName("ruleMode");
    ruleMode_->addItems({"fraction", "threshold"});
    ruleMode_->setToolTip(tr("fraction: each image's least confident share of crops is hard; "
                             "threshold: crops whose p(true class) is below the value"));
    hardSlider_ = new QSlider(Qt::Horizontal);
    hardSlider_->setObjectName("hardSlider");
    hardSlider_->setRange(0, 100);
    hardSlider_->setValue(int(rule_.hard_fraction * 100));
    ruleLabel_ = new QLabel;
    ruleLabel_->setObjectName("hardShareLabel");
    ruleLabel_->setWordWrap(true);
    rightLayout->addWidget(new QLabel(tr("Hard rule")));
    rightLayout->addWidget(ruleMode_);
    rightLayout->addWidget(hardSlider_);
    rightLayout->addWidget(ruleLabel_);
    histogram_ = new QCustomPlot;
    histogram_->setMinimumHeight(180);
    histogram_->xAxis->setLabel(tr("p(true class)"));
    histogram_->yAxis->setLabel(tr("share of crops (%)"));
    QSharedPointer<QCPAxisTickerFixed> ticks(new QCPAxisTickerFixed);
    ticks->setTickStep(0.5);
    histogram_->xAxis->setTicker(ticks);
    histogram_->setMinimumWidth(220);
    rightLayout->addWidget(histogram_, 1);
    rightLayout->addWidget(new QLabel(tr("Student")));
    student_ = new QComboBox;
    student_->setObjectName("studentCombo");
    student_->setToolTip(tr("A trained run whose prediction is shown beside each crop's stored label"));
    rightLayout->addWidget(student_);
    connect(student_, &QComboBox::activated, this, [this](int i) {
        QString error;
        if (!setStudentRun(student_->itemData(i).toLongLong(), &error)) imageLabel_->setText(error);
    });
    auto* exportFigure = new QPushButton(tr("Export Figure 1..."));
    rightLayout->addWidget(exportFigure);
    connect(ruleMode_, &QComboBox::currentTextChanged, this, [this](const QString& mode) {
        const double v = mode == "fraction" ? rule_.hard_fraction : rule_.hard_threshold;
        setHardRule(mode, v);
    });
    connect(hardSlider_, &QSlider::valueChanged, this, [this](int v) { setHardRule(ruleMode_->currentText(), v / 100.0); });
    connect(exportFigure, &QPushButton::clicked, this, [this] {
        if (!inspector_) return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Figure 1"), "figure1.png", tr("PNG (*.png)"));
        if (!path.isEmpty() && !figureOne(8, 1).save(path)) imageLabel_->setText(tr("cannot write %1").arg(path));
    });
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 1);
    layout->addWidget(split, 1);
}

void CropBrowser::refreshStudents() {
    student_->clear();
    student_->addItem(tr("(none)"), qlonglong(0));
    if (!store_) return;
    for (const auto& r : store_->listRuns())
        if (r.kind == "train" && !store_->checkpoints(r.id).empty())
            student_->addItem(QString("%1 %2").arg(r.id).arg(QString::fromStdString(r.name)), qlonglong(r.id));
}

bool CropBrowser::setStudentRun(qint64 runId, QString* error) {
    if (!inspector_) return false;
    try {
        std::string path;
        if (runId > 0) {
            path = checkpointPath(*store_, runId, "best");
            if (!QFile::exists(QString::fromStdString(path))) path = checkpointPath(*store_, runId, "last");
        }
        inspector_->setStudent(path);
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
    refreshCrops();
    return true;
}

void CropBrowser::refreshLabelSets() {
    labelSets_->clear();
    if (!store_) return;
    for (const auto& ls : store_->labelSets()) {
        QString data;
        if (ls.run_id > 0)
            if (auto run = store_->run(ls.run_id)) {
                try {
                    data = QString::fromStdString(nlohmann::json::parse(run->config_json).value("data", std::string()));
                } catch (const nlohmann::json::exception&) {
                }
            }
        labelSets_->addItem(QString::fromStdString(ls.path));
        labelSets_->setItemData(labelSets_->count() - 1, QString::fromStdString(ls.path), Qt::UserRole);
        labelSets_->setItemData(labelSets_->count() - 1, data, Qt::UserRole + 1);
    }
}

bool CropBrowser::open(const QString& dataPath, const QString& labelsPath, QString* error) {
    try {
        adopt(std::make_shared<CropInspector>(dataPath.toStdString(), labelsPath.toStdString()), dataPath, labelsPath);
        return true;
    } catch (const std::exception& e) {
        inspector_.reset();
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

void CropBrowser::openAsync(const QString& dataPath, const QString& labelsPath) {
    imageLabel_->setText(tr("reading %1 ...").arg(labelsPath));
    QPointer<CropBrowser> self(this);  // the browser may be gone when the scan ends
    auto* worker = QThread::create([self, dataPath, labelsPath] {
        std::shared_ptr<CropInspector> inspector;
        QString error;
        try {
            inspector = std::make_shared<CropInspector>(dataPath.toStdString(), labelsPath.toStdString());
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(qApp, [self, inspector, dataPath, labelsPath, error] {
            if (!self) return;
            if (inspector) {
                self->adopt(inspector, dataPath, labelsPath);
            } else {
                self->imageLabel_->setText(error);
            }
            Q_EMIT self->opened(inspector != nullptr, error);
        });
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void CropBrowser::adopt(std::shared_ptr<CropInspector> inspector, const QString& dataPath, const QString& labelsPath) {
    inspector_ = std::move(inspector);
    dataPath_->setText(dataPath);
    labelsPath_->setText(labelsPath);
    classFilter_->clear();
    classFilter_->addItem(tr("all classes"));
    for (const auto& c : inspector_->classNames()) classFilter_->addItem(QString::fromStdString(c));
    index_->setRange(0, int(std::min<int64_t>(inspector_->images() - 1, INT32_MAX)));
    // The histogram of the whole label set.
    const int bins = 20;
    const auto h = inspector_->histogram(bins);
    int64_t total = 0;
    for (auto v : h) total += v;
    QVector<double> x, y;
    for (int b = 0; b < bins; ++b) {
        x << (b + 0.5) / bins;
        y << 100.0 * double(h[b]) / double(std::max<int64_t>(1, total));
    }
    histogram_->clearPlottables();
    auto* bars = new QCPBars(histogram_->xAxis, histogram_->yAxis);
    bars->setWidth(1.0 / bins);
    bars->setData(x, y);
    bars->setBrush(QColor(31, 119, 180, 160));
    histogram_->rescaleAxes();
    histogram_->xAxis->setRange(0, 1);
    histogram_->replot();
    refreshStudents();
    refreshRule();
    showImage(0);
}

void CropBrowser::setHardRule(const QString& mode, double value) {
    rule_.hard_rule = mode.toStdString();
    if (mode == "fraction") rule_.hard_fraction = value;
    else rule_.hard_threshold = value;
    {
        const QSignalBlocker b1(ruleMode_), b2(hardSlider_);
        ruleMode_->setCurrentText(mode);
        hardSlider_->setValue(int(value * 100 + 0.5));
    }
    refreshRule();
    refreshCrops();
}

void CropBrowser::refreshRule() {
    if (!inspector_) return;
    datasetShare_ = inspector_->hardShare(rule_);
    ruleLabel_->setText(rule_.hard_rule == "fraction"
                            ? tr("The %1% least confident crops of each image are hard: %2% of all crops are calibrated.")
                                  .arg(rule_.hard_fraction * 100, 0, 'f', 0)
                                  .arg(datasetShare_ * 100, 0, 'f', 1)
                            : tr("Crops with p(true class) below %1 are hard: %2% of all crops are calibrated.")
                                  .arg(rule_.hard_threshold, 0, 'f', 2)
                                  .arg(datasetShare_ * 100, 0, 'f', 1));
    ranking_->clear();
    for (const auto& [image, count] : inspector_->mostUnrecognised(float(rule_.hard_threshold), 50)) {
        auto* item = new QListWidgetItem(tr("image %1 (%2): %3 crops").arg(image)
                                             .arg(QString::fromStdString(inspector_->classNames()[inspector_->label(image)]))
                                             .arg(count));
        item->setData(Qt::UserRole, qlonglong(image));
        ranking_->addItem(item);
    }
}

void CropBrowser::showImage(int64_t image) {
    if (!inspector_ || image < 0 || image >= inspector_->images()) return;
    image_ = image;
    {
        const QSignalBlocker block(index_);
        index_->setValue(int(image));
    }
    refreshCrops();
}

QImage CropBrowser::cropImage(const ImagePixels& pixels, const CropBox& box, int side) const {
    const QImage whole = toQImage(pixels);
    const QRect r(int(box.x * pixels.width), int(box.y * pixels.height), std::max(1, int(box.w * pixels.width)),
                  std::max(1, int(box.h * pixels.height)));
    QImage crop = whole.copy(r).scaled(side, side, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    return box.flip ? crop.mirrored(true, false) : crop;
}

void CropBrowser::refreshCrops() {
    if (!inspector_ || image_ < 0) return;
    crops_ = inspector_->crops(image_, rule_);
    const ImagePixels pixels = inspector_->image(image_);
    const auto& names = inspector_->classNames();
    const int64_t y = inspector_->label(image_);
    imageLabel_->setText(tr("Image %1, class %2, %3 stored crops, %4 hard under this rule")
                             .arg(QString::fromStdString(inspector_->imageName(image_)),  // one call: names may hold '%'
                                  QString::fromStdString(names[y]), QString::number(crops_.size()),
                                  QString::number(hardCount())));
    view_->set(toQImage(pixels), crops_);
    strip_->clear();
    std::vector<const InspectedCrop*> sorted;
    for (const auto& c : crops_) sorted.push_back(&c);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->p_true > b->p_true; });
    for (const InspectedCrop* c : sorted) {
        QStringList top;
        for (const auto& [cls, p] : c->top5)
            top << QString("%1 %2").arg(QString::fromStdString(names[cls])).arg(p, 0, 'f', 3);
        QString text = QString("p=%1").arg(c->p_true, 0, 'f', 2);
        QString tip = tr("crop %1 (%2)\nteacher's top-5:\n%3")
                          .arg(c->index)
                          .arg(QString::fromUtf8(cropClassName(c->cls)))
                          .arg(top.join("\n"));
        if (c->student_class >= 0) {  // the student's answer, marked right or wrong
            text += QString("\nS %1 %2").arg(c->student_class == y ? QString::fromUtf8("\u2713") : QString::fromUtf8("\u2717"))
                        .arg(c->student_prob, 0, 'f', 2);
            tip += "\n" + tr("student: %1 %2").arg(QString::fromStdString(names[c->student_class])).arg(c->student_prob, 0, 'f', 3);
        }
        auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(cropImage(pixels, c->box, 64))), text);
        item->setToolTip(tip);
        item->setBackground(c->cls == CropClass::Hard ? QColor(255, 210, 210)
                            : c->cls == CropClass::Easy ? QColor(210, 245, 210) : QColor(Qt::transparent));
        strip_->addItem(item);
    }
}

int CropBrowser::boxCount() const {
    view_->grab();  // paints now, visible or not
    return view_->boxes();
}

int CropBrowser::hardCount() const {
    return int(std::count_if(crops_.begin(), crops_.end(), [](const auto& c) { return c.cls == CropClass::Hard; }));
}

QImage CropBrowser::figureOne(int images, uint32_t seed) const {
    // Row 1: each image's least confident (hard) crop; row 2: its most confident (easy) one.
    const int side = 96, pad = 6;
    QImage figure((side + pad) * images + pad, 2 * (side + pad) + pad + 20, QImage::Format_RGB888);
    figure.fill(Qt::white);
    if (!inspector_) return figure;
    QPainter painter(&figure);
    QRandomGenerator rng(seed);
    for (int k = 0; k < images; ++k) {
        const int64_t i = rng.bounded(qint64(inspector_->images()));
        auto crops = inspector_->crops(i, rule_);
        auto [lo, hi] = std::minmax_element(crops.begin(), crops.end(),
                                            [](const auto& a, const auto& b) { return a.p_true < b.p_true; });
        const ImagePixels pixels = inspector_->image(i);
        const int x = pad + k * (side + pad);
        painter.drawImage(x, pad, cropImage(pixels, lo->box, side));
        painter.drawImage(x, 2 * pad + side, cropImage(pixels, hi->box, side));
        painter.setPen(Qt::black);
        painter.drawText(QRect(x, 2 * (side + pad), side, 20), Qt::AlignCenter,
                         QString("%1 / %2").arg(lo->p_true, 0, 'f', 2).arg(hi->p_true, 0, 'f', 2));
    }
    return figure;
}

int CropBrowser::findByName(const QString& text) {
    nameMatches_->clear();
    if (!inspector_ || text.trimmed().isEmpty()) {
        nameMatches_->hide();
        return 0;
    }
    constexpr int kShown = 200;
    const auto found = inspector_->findImages(text.trimmed().toStdString(), kShown);
    for (int64_t i : found) {
        auto* item = new QListWidgetItem(QString::fromStdString(inspector_->imageName(i)), nameMatches_);
        item->setData(Qt::UserRole, qlonglong(i));
    }
    if (found.empty()) new QListWidgetItem(tr("no image named like \"%1\"").arg(text.trimmed()), nameMatches_);
    nameMatches_->show();
    if (!found.empty()) showImage(found.front());
    return int(found.size());
}

}  // namespace ferkd::ui
