#pragma once
// The crop browser, the paper's Figure 1 made interactive: pick a label set and an
// image (by class, by index, at random, or among those with the most crops the teacher
// hardly recognises); every stored crop is drawn on the image in the colour of its
// FerKD group (discarded-hard, calibrated, teacher, discarded-easy; a legend says
// which); a strip of crop thumbnails sorted by the teacher's probability of the true
// class with its top-5; sliders for the rule's three thresholds and eps with the live
// share of each group over the whole label set; the label set's confidence histogram
// split by group with the thresholds drawn on it; and a Figure-1-style PNG with one row
// per group. On data sets with object boxes (the cluttered testbed) the object's true box
// is drawn under the crops (in the legend too, and in the figure's thumbnails), and a
// second plot shows p(true class) against object coverage with the mining figures.
#include <QImage>
#include <QWidget>

#include <array>
#include <atomic>
#include <functional>
#include <memory>

#include "labels/crop_inspector.h"

class QComboBox;
class QDoubleSpinBox;
class QCustomPlot;
class QLabel;
class QLayout;
class QLineEdit;
class QListWidget;
class QSlider;
class QSpinBox;
class QTabWidget;

namespace ferkd {
class Workspace;
}

namespace ferkd::ui {

class CropImageView;
class MiningPlot;

class CropBrowser : public QWidget {
    Q_OBJECT
public:
    // Lists the label sets of `workspace` (none without one); its runs are the students.
    explicit CropBrowser(std::shared_ptr<Workspace> workspace, QWidget* parent = nullptr);
    ~CropBrowser() override;

    // A workspace whose files are elsewhere (a server's): its label sets open there, and
    // the fields for files on this machine are hidden.
    void hideLocalChoices();

    // Opens a label store on this machine against the data set it was made for; false with the reason.
    bool open(const QString& dataPath, const QString& labelsPath, QString* error);
    // The same off the GUI thread (a large label set takes a while to scan); `opened` tells.
    void openAsync(const QString& dataPath, const QString& labelsPath);
    // Label set `labelSetId` of the workspace, where its files are, off the GUI thread.
    void openLabelSetAsync(qint64 labelSetId);
    void showImage(int64_t image);
    // Lists the images whose name contains `text` and shows the first; returns how many matched.
    int findByName(const QString& text);
    // The rule the crops are grouped by (the sliders follow).
    void setRule(const FerkdConfig& rule);
    // Shows a trained run's predictions beside the stored labels (0: none); false with the reason.
    bool setStudentRun(qint64 runId, QString* error);
    const std::vector<InspectedCrop>& currentCrops() const { return crops_; }

    int64_t currentImage() const { return image_; }
    // A server's label set is asked off the GUI thread: false while an image's crops or the
    // rule's figures are on their way (always true on this machine's files).
    bool settled() const { return *cropsAsked_ == cropsShown_ && *ruleAsked_ == ruleShown_; }
    int boxCount() const;   // boxes drawn on the current image
    // The crop singled out under the pointer (an index into currentCrops(), -1 for none),
    // in the image and in the strip of thumbnails.
    int highlightedCrop() const;
    int selectedThumbnailCrop() const;
    QPoint cropBoxCentre(int crop) const;  // in the image view's coordinates
    bool objectBoxShown() const;  // the current image's true object box is drawn
    const MiningPlot* miningPlot() const { return miningPlot_; }
    int groupCount(CropGroup g) const;  // crops of the current image in group `g`
    // Share of all crops of the label set in each group under the current rule.
    const std::array<double, kCropGroups>& datasetShares() const { return datasetShares_; }
    const FerkdConfig& rule() const { return rule_; }
    // The paper's Figure 1 from the open label set under the rule (figure_one.h); a null
    // image while none is open.
    QImage figureOne(int images, uint32_t seed) const;

Q_SIGNALS:
    void opened(bool ok, const QString& error);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;  // lists the label sets again: a run may have made one

private:
    void build();
    QLayout* buildOpenRow();
    QWidget* buildImagePicker();
    QWidget* buildImageViews();
    QWidget* buildRulePanel();
    void selectThumbnail(int crop);
    // Opens what `make` gives off the GUI thread; `what` names it meanwhile.
    void openWith(std::function<std::shared_ptr<CropInspector>()> make, const QString& what, const QString& dataPath,
                  const QString& labelsPath);
    void adopt(std::shared_ptr<CropInspector> inspector, const QString& dataPath, const QString& labelsPath);
    // Runs `show`; a problem (a server out of reach) goes to the image's caption, and the
    // views keep what they show.
    void guarded(const std::function<void()>& show);
    // Runs `fetch` (the inspector's answers) and shows its result with `show`: at once for
    // this machine's files; for a server's on a worker thread, where only the newest
    // request of its kind (`asked`) is shown. A problem goes to the image's caption.
    using RequestCounter = std::shared_ptr<std::atomic<uint64_t>>;  // shared with the workers
    template <class Answer>
    void ask(const RequestCounter& asked, uint64_t& shown, std::function<Answer(const CropInspector&)> fetch,
             std::function<void(const Answer&)> show);
    void refreshLabelSets();
    void refreshStudents();
    void refreshCrops();  // the current image's crops under the rule
    void refreshRule();   // the rule's shares, histogram, mining and ranking
    struct ImageCrops;
    struct RuleFigures;
    void showCrops(const ImageCrops& shown);
    void showRule(const RuleFigures& figures);
    void refreshHistogram();
    void syncRuleControls();
    void ruleControlChanged();

    std::shared_ptr<Workspace> workspace_;
    std::shared_ptr<CropInspector> inspector_;
    FerkdConfig rule_;
    int64_t image_ = -1;
    std::array<double, kCropGroups> datasetShares_{};
    std::vector<InspectedCrop> crops_;
    RequestCounter cropsAsked_ = std::make_shared<std::atomic<uint64_t>>(0);
    RequestCounter ruleAsked_ = std::make_shared<std::atomic<uint64_t>>(0);
    uint64_t cropsShown_ = 0, ruleShown_ = 0;

    QComboBox *labelSets_ = nullptr, *classFilter_ = nullptr, *ruleMode_ = nullptr, *student_ = nullptr;
    QLineEdit *dataPath_ = nullptr, *labelsPath_ = nullptr;
    QWidget* localChoices_ = nullptr;  // the data and label store paths, Browse, Open
    QSpinBox* index_ = nullptr;
    QListWidget *ranking_ = nullptr, *strip_ = nullptr, *nameMatches_ = nullptr;
    QLineEdit* nameSearch_ = nullptr;
    // The rule's settings: a slider and a spin box each, kept in step.
    struct RuleControl {
        QSlider* slider = nullptr;
        QDoubleSpinBox* spin = nullptr;
        QWidget* row = nullptr;
    };
    RuleControl tLow_, tMid_, tTop_, eps_, hardFraction_, hardThreshold_;
    QLabel *ruleLabel_ = nullptr, *imageLabel_ = nullptr;
    CropImageView* view_ = nullptr;
    QCustomPlot* histogram_ = nullptr;
    MiningPlot* miningPlot_ = nullptr;
    QTabWidget* views_ = nullptr;  // the image, the coverage plot
};

}  // namespace ferkd::ui
