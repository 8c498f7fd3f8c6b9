#include "crops/crop_browser.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QThread>
#include <QThreadPool>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <functional>

#include "charts/plot_refresh.h"
#include "crops/crop_group_style.h"
#include "crops/crop_image_view.h"
#include "crops/figure_one.h"
#include "crops/mining_plot.h"
#include "crops/pixels_image.h"
#include "labels/local_crop_inspector.h"
#include "workspace/workspace.h"

namespace ferkd::ui {

namespace {

constexpr int kSliderSteps = 1000;
constexpr int kHistogramBins = 20;  // of p(true class), stacked by group

// A student run's checkpoint, found in `workspace` (none without one).
LocalCropInspector::StudentCheckpoint studentsOf(const std::shared_ptr<Workspace>& workspace) {
    if (!workspace) return {};
    return [workspace](int64_t runId) { return studentCheckpoint(*workspace, runId); };
}

}  // namespace

CropBrowser::CropBrowser(std::shared_ptr<Workspace> workspace, QWidget* parent)
    : QWidget(parent), workspace_(std::move(workspace)) {
    build();
    refreshLabelSets();
}

CropBrowser::~CropBrowser() = default;

void CropBrowser::build() {
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buildOpenRow());
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(buildImagePicker());
    split->addWidget(buildImageViews());
    split->addWidget(buildRulePanel());
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 1);
    layout->addWidget(split, 1);
}

// The workspace's label sets; a data set and label store on this machine.
QLayout* CropBrowser::buildOpenRow() {
    auto* openRow = new QHBoxLayout;
    labelSets_ = new QComboBox;
    labelSets_->setObjectName("labelSetCombo");
    labelSets_->setToolTip(tr("Label sets generated in this workspace"));
    openRow->addWidget(labelSets_, 2);
    localChoices_ = new QWidget;
    auto* localRow = new QHBoxLayout(localChoices_);
    localRow->setContentsMargins(0, 0, 0, 0);
    openRow->addWidget(localChoices_, 5);
    dataPath_ = new QLineEdit("fashion-mnist");
    dataPath_->setObjectName("cropData");
    dataPath_->setToolTip(tr("The data set the labels were made for"));
    localRow->addWidget(dataPath_, 2);
    labelsPath_ = new QLineEdit;
    labelsPath_->setObjectName("cropLabels");
    labelsPath_->setPlaceholderText(tr("label store (.fkdl)"));
    localRow->addWidget(labelsPath_, 3);
    auto* browse = new QPushButton(tr("Browse..."));
    auto* openButton = new QPushButton(tr("Open"));
    localRow->addWidget(browse);
    localRow->addWidget(openButton);
    // A generated set opens where its files are: here, or on the workspace's server.
    connect(labelSets_, &QComboBox::activated, this,
            [this](int i) { openLabelSetAsync(labelSets_->itemData(i, Qt::UserRole).toLongLong()); });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open label store"), {}, tr("Label stores (*.fkdl);;All files (*)"));
        if (!path.isEmpty()) labelsPath_->setText(path);
    });
    connect(openButton, &QPushButton::clicked, this, [this] {
        openAsync(dataPath_->text(), labelsPath_->text());
    });
    return openRow;
}

// Left: choosing an image (by class, index, name, at random, or the hardest).
QWidget* CropBrowser::buildImagePicker() {
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
    auto* rankingTitle = new QLabel(tr("Most crops the teacher hardly recognises (image, class, crops below the threshold, mean p):"));
    rankingTitle->setWordWrap(true);  // wraps to the column instead of widening it
    pickLayout->addRow(rankingTitle);
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
    return pick;
}

// Middle: the image with its boxes and the strip of crops under it; beside it on a tab,
// the whole label set's p against object coverage where the data has boxes.
QWidget* CropBrowser::buildImageViews() {
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
    strip_->setMouseTracking(true);  // itemEntered: a thumbnail under the pointer singles out its box
    strip_->viewport()->installEventFilter(this);
    connect(strip_, &QListWidget::itemEntered, this,
            [this](QListWidgetItem* item) { view_->setHighlighted(item->data(Qt::UserRole).toInt()); });
    connect(strip_, &QListWidget::viewportEntered, this, [this] { view_->setHighlighted(-1); });
    view_->onHover = [this](int crop) { selectThumbnail(crop); };
    middleLayout->addWidget(strip_);
    miningPlot_ = new MiningPlot;
    views_ = new QTabWidget;
    views_->setObjectName("cropViews");
    views_->addTab(middle, tr("Image"));
    views_->addTab(miningPlot_, tr("p against object coverage"));
    views_->setTabToolTip(1, tr("Every crop's p(true class) against the share of the object it holds, for the whole "
                                "label set (data sets with object boxes)"));
    return views_;
}

// Right: the rule's settings, its shares and histogram, the student, the figure's export.
QWidget* CropBrowser::buildRulePanel() {
    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    ruleMode_ = new QComboBox;
    ruleMode_->setObjectName("ruleMode");
    ruleMode_->addItems({"paper", "fraction", "threshold"});
    ruleMode_->setToolTip(tr("paper: FerKD's equation, three thresholds on p(true class); fraction, threshold: the "
                             "earlier per-image reading (an image's least confident crops calibrated)"));
    auto* ruleForm = new QFormLayout;
    auto control = [&](RuleControl& c, const char* name, const QString& label, const QString& tip, double max) {
        c.slider = new QSlider(Qt::Horizontal);
        c.slider->setObjectName(QString(name) + "Slider");
        c.slider->setRange(0, kSliderSteps);
        c.spin = new QDoubleSpinBox;
        c.spin->setObjectName(QString(name) + "Spin");
        c.spin->setRange(0, max);
        c.spin->setDecimals(3);
        c.spin->setSingleStep(0.005);
        c.row = new QWidget;
        auto* row = new QHBoxLayout(c.row);
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(c.slider, 1);
        row->addWidget(c.spin);
        c.row->setToolTip(tip);
        ruleForm->addRow(label, c.row);
        connect(c.slider, &QSlider::valueChanged, this, [this, &c, max](int v) {
            const QSignalBlocker block(c.spin);
            c.spin->setValue(max * v / kSliderSteps);
            ruleControlChanged();
        });
        connect(c.spin, &QDoubleSpinBox::valueChanged, this, [this, &c, max](double v) {
            const QSignalBlocker block(c.slider);
            c.slider->setValue(int(v / max * kSliderSteps + 0.5));
            ruleControlChanged();
        });
    };
    control(tLow_, "tLow", "T_L", tr("distill.ferkd.t_low: crops with p(true class) below it are discarded"), 1.0);
    control(tMid_, "tMid", "T_M", tr("distill.ferkd.t_mid: from T_L up to it, crops get the softened ground truth"), 1.0);
    control(tTop_, "tTop", "T_T", tr("distill.ferkd.t_top: crops with p(true class) above it are discarded"), 1.0);
    control(hardFraction_, "hardFraction", tr("hard share"),
            tr("distill.ferkd.hard_fraction: each image's least confident share of crops is calibrated"), 1.0);
    control(hardThreshold_, "hardThreshold", tr("hard below"),
            tr("distill.ferkd.hard_threshold: crops with p(true class) below it are calibrated"), 1.0);
    control(eps_, "eps", "eps", tr("distill.ferkd.eps: the calibrated label is (1 - eps) onehot + eps / K"), 0.999);
    ruleLabel_ = new QLabel;
    ruleLabel_->setObjectName("groupShareLabel");
    ruleLabel_->setWordWrap(true);
    ruleLabel_->setTextFormat(Qt::RichText);
    rightLayout->addWidget(new QLabel(tr("FerKD rule")));
    rightLayout->addWidget(ruleMode_);
    rightLayout->addLayout(ruleForm);
    rightLayout->addWidget(ruleLabel_);
    histogram_ = newPlot();
    histogram_->setMinimumHeight(180);
    histogram_->xAxis->setLabel(tr("p(true class)"));
    histogram_->yAxis->setLabel(tr("share of crops (%)"));
    QSharedPointer<QCPAxisTickerFixed> ticks(new QCPAxisTickerFixed);
    ticks->setTickStep(0.5);
    histogram_->xAxis->setTicker(ticks);
    histogram_->setMinimumWidth(180);
    rightLayout->addWidget(histogram_, 1);
    rightLayout->addWidget(new QLabel(tr("Student")));
    student_ = new QComboBox;
    student_->setObjectName("studentCombo");
    student_->setToolTip(tr("A trained run whose prediction is shown beside each crop's stored label"));
    rightLayout->addWidget(student_);
    connect(student_, &QComboBox::activated, this, [this](int i) {
        QString error;
        if (!setStudentRun(student_->itemData(i).toLongLong(), &error)) {
            imageLabel_->setText(error);
            if (inspector_) student_->setCurrentIndex(std::max(0, student_->findData(qlonglong(inspector_->studentRun()))));
        }
    });
    auto* exportFigure = new QPushButton(tr("Export Figure 1..."));
    rightLayout->addWidget(exportFigure);
    connect(ruleMode_, &QComboBox::currentTextChanged, this, [this] { ruleControlChanged(); });
    syncRuleControls();
    connect(exportFigure, &QPushButton::clicked, this, [this] {
        if (!inspector_) return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Figure 1"), "figure1.png", tr("PNG (*.png)"));
        if (!path.isEmpty())
            guarded([&] {
                if (!figureOne(8, 1).save(path)) imageLabel_->setText(tr("cannot write %1").arg(path));
            });
    });
    return right;
}

void CropBrowser::hideLocalChoices() { localChoices_->hide(); }

void CropBrowser::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    const QVariant shown = labelSets_->currentData();
    refreshLabelSets();
    if (const int i = labelSets_->findData(shown); i >= 0) labelSets_->setCurrentIndex(i);
}

void CropBrowser::guarded(const std::function<void()>& show) {
    try {
        show();
    } catch (const std::exception& e) {
        imageLabel_->setText(QString::fromUtf8(e.what()));
    }
}

struct CropBrowser::ImageCrops {
    int64_t image = -1;
    std::vector<InspectedCrop> crops;
    ImagePixels pixels;
    std::string name;
    std::optional<ObjectBox> object;
};

struct CropBrowser::RuleFigures {
    std::vector<GroupCounts> perBin;
    bool mined = false;
    MiningQuality quality;
    std::vector<CropMining> mining;
    std::vector<UnrecognisedImage> unrecognised;
};

template <class Answer>
void CropBrowser::ask(const RequestCounter& asked, uint64_t& shown, std::function<Answer(const CropInspector&)> fetch,
                      std::function<void(const Answer&)> show) {
    if (!inspector_) return;
    const uint64_t request = ++*asked;
    if (!inspector_->remote()) {
        guarded([&] { show(fetch(*inspector_)); });
        shown = request;
        return;
    }
    QPointer<CropBrowser> self(this);  // the browser may be gone when the answer comes
    auto inspector = inspector_;
    QThreadPool::globalInstance()->start([self, inspector, asked, request, shown = &shown, fetch, show] {
        if (*asked != request) return;  // a newer request of this kind came meanwhile
        auto answer = std::make_shared<Answer>();
        QString error;
        try {
            *answer = fetch(*inspector);
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(qApp, [self, asked, request, shown, show, answer, error] {
            if (!self || *asked != request) return;
            if (error.isEmpty())
                self->guarded([&] { show(*answer); });
            else
                self->imageLabel_->setText(error);  // a server out of reach: the views keep what they show
            *shown = request;
        });
    });
}

void CropBrowser::refreshStudents() {
    student_->clear();
    student_->addItem(tr("(none)"), qlonglong(0));
    if (!workspace_) return;
    guarded([&] {
        for (const auto& r : workspace_->listRuns())
            if (r.kind == "train" && !workspace_->checkpoints(r.id).empty())
                student_->addItem(QString("%1 %2").arg(r.id).arg(QString::fromStdString(r.name)), qlonglong(r.id));
    });
}

bool CropBrowser::setStudentRun(qint64 runId, QString* error) {
    if (!inspector_) return false;
    try {
        inspector_->setStudentRun(runId);
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
    refreshCrops();
    return true;
}

void CropBrowser::refreshLabelSets() {
    labelSets_->clear();
    if (!workspace_) return;
    guarded([&] {
        for (const auto& ls : workspace_->labelSets()) {
            const QString data = QString::fromStdString(labelSetData(*workspace_, ls));
            labelSets_->addItem(QString::fromStdString(ls.path), qlonglong(ls.id));
            labelSets_->setItemData(labelSets_->count() - 1, data, Qt::UserRole + 1);
            if (!data.isEmpty()) labelSets_->setItemData(labelSets_->count() - 1, tr("data: %1").arg(data), Qt::ToolTipRole);
        }
    });
}

bool CropBrowser::open(const QString& dataPath, const QString& labelsPath, QString* error) {
    try {
        adopt(std::make_shared<LocalCropInspector>(dataPath.toStdString(), labelsPath.toStdString(), studentsOf(workspace_)),
              dataPath, labelsPath);
        return true;
    } catch (const std::exception& e) {
        inspector_.reset();
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

void CropBrowser::openAsync(const QString& dataPath, const QString& labelsPath) {
    const auto students = studentsOf(workspace_);
    openWith([dataPath, labelsPath, students] {
        return std::make_shared<LocalCropInspector>(dataPath.toStdString(), labelsPath.toStdString(), students);
    }, labelsPath, dataPath, labelsPath);
}

void CropBrowser::openLabelSetAsync(qint64 labelSetId) {
    if (!workspace_) return;
    const int item = labelSets_->findData(labelSetId, Qt::UserRole);
    const QString labels = item >= 0 ? labelSets_->itemText(item) : QString::number(labelSetId);
    const QString data = item >= 0 ? labelSets_->itemData(item, Qt::UserRole + 1).toString() : QString();
    const auto workspace = workspace_;  // kept alive while the worker opens the set
    openWith([workspace, labelSetId] { return workspace->inspectLabelSet(labelSetId); }, labels, data, labels);
}

void CropBrowser::openWith(std::function<std::shared_ptr<CropInspector>()> make, const QString& what,
                           const QString& dataPath, const QString& labelsPath) {
    imageLabel_->setText(tr("reading %1 ...").arg(what));
    QPointer<CropBrowser> self(this);  // the browser may be gone when the scan ends
    auto* worker = QThread::create([self, make = std::move(make), dataPath, labelsPath] {
        std::shared_ptr<CropInspector> inspector;
        QString error;
        try {
            inspector = make();
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
    views_->setTabEnabled(1, inspector_->hasObjectBoxes());
    if (!inspector_->hasObjectBoxes()) {
        views_->setCurrentIndex(0);
        miningPlot_->clear();
    }
    refreshStudents();
    refreshRule();
    showImage(0);
}

void CropBrowser::setRule(const FerkdConfig& rule) {
    rule_ = rule;
    syncRuleControls();
    refreshRule();
    refreshCrops();
}

void CropBrowser::syncRuleControls() {
    const QSignalBlocker block(ruleMode_);
    ruleMode_->setCurrentText(QString::fromStdString(rule_.rule));
    const bool paper = rule_.rule == "paper";
    for (auto [c, v] : {std::pair{&tLow_, rule_.t_low}, {&tMid_, rule_.t_mid}, {&tTop_, rule_.t_top},
                        {&hardFraction_, rule_.hard_fraction}, {&hardThreshold_, rule_.hard_threshold}, {&eps_, rule_.eps}}) {
        const QSignalBlocker b1(c->slider), b2(c->spin);
        c->spin->setValue(v);
        c->slider->setValue(int(v / c->spin->maximum() * kSliderSteps + 0.5));
    }
    for (auto* c : {&tLow_, &tMid_, &tTop_}) c->row->setEnabled(paper);
    hardFraction_.row->setEnabled(rule_.rule == "fraction");
    hardThreshold_.row->setEnabled(rule_.rule == "threshold");
}

void CropBrowser::ruleControlChanged() {
    FerkdConfig r = rule_;
    r.rule = ruleMode_->currentText().toStdString();
    const double low = tLow_.spin->value(), mid = tMid_.spin->value(), top = tTop_.spin->value();
    // Keep T_L <= T_M <= T_T: the threshold that moved pushes the others along.
    if (low != r.t_low) {
        r.t_low = low;
        r.t_mid = std::max(r.t_mid, low);
        r.t_top = std::max(r.t_top, r.t_mid);
    } else if (mid != r.t_mid) {
        r.t_mid = mid;
        r.t_low = std::min(r.t_low, mid);
        r.t_top = std::max(r.t_top, mid);
    } else if (top != r.t_top) {
        r.t_top = top;
        r.t_mid = std::min(r.t_mid, top);
        r.t_low = std::min(r.t_low, r.t_mid);
    }
    r.hard_fraction = hardFraction_.spin->value();
    r.hard_threshold = hardThreshold_.spin->value();
    r.eps = eps_.spin->value();
    setRule(r);
}

void CropBrowser::refreshRule() {
    const FerkdConfig rule = rule_;
    ask<RuleFigures>(
        ruleAsked_, ruleShown_,
        [rule](const CropInspector& inspector) {
            RuleFigures f;
            f.perBin = inspector.groupHistogram(rule, kHistogramBins);
            if (inspector.hasObjectBoxes()) {
                f.mined = true;
                f.quality = inspector.mining(rule, {}, &f.mining, MiningPlot::kMaxDots);
            }
            const double unrecognised = rule.rule == "paper" ? rule.t_mid : rule.hard_threshold;
            f.unrecognised = inspector.mostUnrecognised(float(unrecognised), 50);
            return f;
        },
        [this](const RuleFigures& f) { showRule(f); });
}

void CropBrowser::showRule(const RuleFigures& figures) {
    const int bins = kHistogramBins;
    const auto& perBin = figures.perBin;
    GroupCounts totals{};
    for (const auto& b : perBin)
        for (int g = 0; g < kCropGroups; ++g) totals[g] += b[g];
    const int64_t all = totalCrops(totals);
    QStringList parts;
    for (int g = 0; g < kCropGroups; ++g) {
        datasetShares_[g] = groupShare(totals, CropGroup(g));
        parts << QString("<span style='color:%1'>&#9632;</span> %2 %3%")
                     .arg(groupColour(CropGroup(g)).name(), groupTitle(CropGroup(g)))
                     .arg(datasetShares_[g] * 100, 0, 'f', 1);
    }
    ruleLabel_->setText(tr("Over the whole label set:") + "<br>" + parts.join("<br>"));
    // The histogram, stacked by group, with the paper rule's thresholds on it.
    histogram_->clearPlottables();
    histogram_->clearItems();
    QCPBars* below = nullptr;
    for (int g = 0; g < kCropGroups; ++g) {
        QVector<double> x, y;
        for (int b = 0; b < bins; ++b) {
            x << (b + 0.5) / bins;
            y << 100.0 * double(perBin[b][g]) / double(std::max<int64_t>(1, all));
        }
        auto* bars = new QCPBars(histogram_->xAxis, histogram_->yAxis);
        bars->setName(groupTitle(CropGroup(g)));
        bars->setWidth(1.0 / bins);
        bars->setData(x, y);
        bars->setPen(Qt::NoPen);
        bars->setBrush(groupColour(CropGroup(g)));
        if (below) bars->moveAbove(below);
        below = bars;
    }
    if (rule_.rule == "paper")
        for (double t : {rule_.t_low, rule_.t_mid, rule_.t_top}) {
            auto* line = new QCPItemStraightLine(histogram_);
            line->point1->setCoords(t, 0);
            line->point2->setCoords(t, 1);
            line->setPen(QPen(palette().text().color(), 1, Qt::DashLine));
        }
    histogram_->rescaleAxes();
    histogram_->xAxis->setRange(0, 1);
    replotWhenShown(histogram_);
    if (figures.mined) miningPlot_->set(figures.quality, figures.mining);
    ranking_->clear();
    const double unrecognised = rule_.rule == "paper" ? rule_.t_mid : rule_.hard_threshold;
    ranking_->setToolTip(tr("Images with the most crops whose p(true class) is below %1").arg(unrecognised));
    const int n = inspector_->cropsPerImage();
    for (const auto& u : figures.unrecognised) {
        auto* item = new QListWidgetItem(tr("%1 %2: %3/%4, p %5")
                                             .arg(u.image)
                                             .arg(QString::fromStdString(inspector_->classNames()[inspector_->label(u.image)]))
                                             .arg(u.below)
                                             .arg(n)
                                             .arg(u.mean_p, 0, 'f', 3));
        item->setData(Qt::UserRole, qlonglong(u.image));
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

void CropBrowser::refreshCrops() {
    if (image_ < 0) return;
    const int64_t image = image_;
    const FerkdConfig rule = rule_;
    ask<ImageCrops>(
        cropsAsked_, cropsShown_,
        [image, rule](const CropInspector& inspector) {
            ImageCrops c;
            c.image = image;
            c.crops = inspector.crops(image, rule);
            c.pixels = inspector.image(image);
            c.name = inspector.imageName(image);
            c.object = inspector.objectBox(image);
            return c;
        },
        [this](const ImageCrops& c) { showCrops(c); });
}

void CropBrowser::showCrops(const ImageCrops& shown) {
    crops_ = shown.crops;
    const ImagePixels& pixels = shown.pixels;
    const auto& names = inspector_->classNames();
    const int64_t y = inspector_->label(shown.image);
    imageLabel_->setText(tr("Image %1, class %2, %3 stored crops: %4 discarded (hard), %5 calibrated, %6 teacher's "
                            "label, %7 discarded (easy)")
                             .arg(QString::fromStdString(shown.name),  // one call: names may hold '%'
                                  QString::fromStdString(names[y]), QString::number(crops_.size()),
                                  QString::number(groupCount(CropGroup::DiscardedHard)),
                                  QString::number(groupCount(CropGroup::Calibrated)),
                                  QString::number(groupCount(CropGroup::Teacher)),
                                  QString::number(groupCount(CropGroup::DiscardedEasy))));
    view_->set(toQImage(pixels), crops_, shown.object);
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
                          .arg(groupTitle(c->group))
                          .arg(top.join("\n"));
        if (c->object_covered >= 0) tip += "\n" + tr("holds %1% of the object").arg(100.0 * c->object_covered, 0, 'f', 0);
        if (c->student_class >= 0) {  // the student's answer, marked right or wrong
            text += QString("\nS %1 %2").arg(c->student_class == y ? QString::fromUtf8("\u2713") : QString::fromUtf8("\u2717"))
                        .arg(c->student_prob, 0, 'f', 2);
            const QString name = c->student_class < int(names.size()) ? QString::fromStdString(names[size_t(c->student_class)])
                                                                       : tr("class %1").arg(c->student_class);
            tip += "\n" + tr("student: %1 %2").arg(name).arg(c->student_prob, 0, 'f', 3);
        }
        auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(cropImage(pixels, c->box, 64))), text);
        item->setData(Qt::UserRole, int(c - crops_.data()));
        item->setToolTip(tip);
        QColor tint = groupColour(c->group);
        tint.setAlpha(70);
        item->setBackground(tint);
        strip_->addItem(item);
    }
}

// The box under the pointer singles out its thumbnail: selected and scrolled to.
void CropBrowser::selectThumbnail(int crop) {
    for (int row = 0; row < strip_->count(); ++row) {
        QListWidgetItem* item = strip_->item(row);
        if (item->data(Qt::UserRole).toInt() != crop) continue;
        strip_->setCurrentItem(item);
        strip_->scrollToItem(item);
        return;
    }
    strip_->clearSelection();
}

bool CropBrowser::eventFilter(QObject* watched, QEvent* event) {
    if (watched == strip_->viewport() && event->type() == QEvent::Leave) view_->setHighlighted(-1);
    return QWidget::eventFilter(watched, event);
}

int CropBrowser::highlightedCrop() const { return view_->highlighted(); }

QPoint CropBrowser::cropBoxCentre(int crop) const {
    view_->grab();  // lays the boxes out, visible or not
    return view_->boxRect(size_t(crop)).center().toPoint();
}

int CropBrowser::selectedThumbnailCrop() const {
    const QListWidgetItem* item = strip_->currentItem();
    return item && item->isSelected() ? item->data(Qt::UserRole).toInt() : -1;
}

int CropBrowser::boxCount() const {
    view_->grab();  // paints now, visible or not
    return view_->boxes();
}

bool CropBrowser::objectBoxShown() const {
    view_->grab();
    return view_->objectShown();
}

int CropBrowser::groupCount(CropGroup g) const {
    return int(std::count_if(crops_.begin(), crops_.end(), [g](const auto& c) { return c.group == g; }));
}

QImage CropBrowser::figureOne(int images, uint32_t seed) const {
    return inspector_ ? ui::figureOne(*inspector_, rule_, images, seed) : QImage();
}

int CropBrowser::findByName(const QString& text) {
    nameMatches_->clear();
    if (!inspector_ || text.trimmed().isEmpty()) {
        nameMatches_->hide();
        return 0;
    }
    constexpr int kShown = 200;
    std::vector<int64_t> found;
    guarded([&] {
        found = inspector_->findImages(text.trimmed().toStdString(), kShown);
        for (int64_t i : found) {
            auto* item = new QListWidgetItem(QString::fromStdString(inspector_->imageName(i)), nameMatches_);
            item->setData(Qt::UserRole, qlonglong(i));
        }
    });
    if (found.empty()) new QListWidgetItem(tr("no image named like \"%1\"").arg(text.trimmed()), nameMatches_);
    nameMatches_->show();
    if (!found.empty()) showImage(found.front());
    return int(found.size());
}

}  // namespace ferkd::ui
