#pragma once
// The crop browser, the paper's Figure 1 made interactive: pick a label set and an
// image (by class, by index, at random, or among those with the most crops the teacher
// hardly recognises); every stored crop is drawn on the image, coloured by the
// teacher's probability of the true class, hard crops dashed and easy ones bold; a strip
// of crop thumbnails sorted by confidence with the teacher's top-5; a slider for the
// hard rule that shows which crops would be calibrated and the data-set-wide share; the
// label set's confidence histogram; and a Figure-1-style PNG (a row of hard crops over
// a row of easy crops of several images).
#include <QImage>
#include <QWidget>

#include <memory>

#include "labels/crop_inspector.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QListWidget;
class QSlider;
class QSpinBox;

namespace ferkd {
class ExperimentStore;
}

namespace ferkd::ui {

class CropImageView;

class CropBrowser : public QWidget {
    Q_OBJECT
public:
    explicit CropBrowser(std::shared_ptr<ExperimentStore> store, QWidget* parent = nullptr);
    ~CropBrowser() override;

    // Opens a label set against the data set it was made for; false with the reason.
    bool open(const QString& dataPath, const QString& labelsPath, QString* error);
    // The same off the GUI thread (a large label set takes a while to scan); `opened` tells.
    void openAsync(const QString& dataPath, const QString& labelsPath);
    void showImage(int64_t image);
    // Lists the images whose name contains `text` and shows the first; returns how many matched.
    int findByName(const QString& text);
    void setHardRule(const QString& mode, double value);  // "fraction" share or "threshold" probability
    // Shows a trained run's predictions beside the stored labels (0: none); false with the reason.
    bool setStudentRun(qint64 runId, QString* error);
    const std::vector<InspectedCrop>& currentCrops() const { return crops_; }

    int64_t currentImage() const { return image_; }
    int boxCount() const;   // boxes drawn on the current image
    int hardCount() const;  // of them, hard under the current rule
    double datasetHardShare() const { return datasetShare_; }
    const FerkdRule& rule() const { return rule_; }
    QImage figureOne(int images, uint32_t seed) const;

Q_SIGNALS:
    void opened(bool ok, const QString& error);

private:
    void build();
    void adopt(std::shared_ptr<CropInspector> inspector, const QString& dataPath, const QString& labelsPath);
    void refreshLabelSets();
    void refreshStudents();
    void refreshCrops();
    void refreshRule();
    QImage cropImage(const ImagePixels& pixels, const CropBox& box, int side) const;

    std::shared_ptr<ExperimentStore> store_;
    std::shared_ptr<CropInspector> inspector_;
    FerkdRule rule_;
    int64_t image_ = -1;
    double datasetShare_ = 0;
    std::vector<InspectedCrop> crops_;

    QComboBox *labelSets_ = nullptr, *classFilter_ = nullptr, *ruleMode_ = nullptr, *student_ = nullptr;
    QLineEdit *dataPath_ = nullptr, *labelsPath_ = nullptr;
    QSpinBox* index_ = nullptr;
    QListWidget *ranking_ = nullptr, *strip_ = nullptr, *nameMatches_ = nullptr;
    QLineEdit* nameSearch_ = nullptr;
    QSlider* hardSlider_ = nullptr;
    QLabel *ruleLabel_ = nullptr, *imageLabel_ = nullptr;
    CropImageView* view_ = nullptr;
    QCustomPlot* histogram_ = nullptr;
};

}  // namespace ferkd::ui
