#pragma once
// A finished run's results: its checkpoint evaluated on the test split (off the GUI
// thread), per-class accuracy and the confusion matrix as a heat map. Clicking a cell
// lists that true / predicted pair's test images as thumbnails, the most confident
// first; "Most confidently wrong" lists the errors the model was surest of. For a
// distilled run the teacher is evaluated beside it: top-1 agreement and mean KL per class.
#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

#include "train/run_evaluation.h"
#include "workspace/workspace.h"

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTimer;

namespace ferkd::ui {

class ResultsView : public QWidget {
    Q_OBJECT
public:
    // Item roles of imageList(): Qt::UserRole the test image's index, this one true once its thumbnail is drawn.
    static constexpr int kThumbnailRole = Qt::UserRole + 1;
    // On a server's workspace the server evaluates, and the thumbnails come from it as PNG.
    explicit ResultsView(std::shared_ptr<const Workspace> workspace, QWidget* parent = nullptr);
    ~ResultsView() override;  // a thumbnail worker still running stops at its next image
    void setRun(qint64 runId);  // 0: none
    void evaluate();            // starts the evaluation on a worker thread
    void show(const RunEvaluation& result);
    void showCell(int trueClass, int predicted);  // the cell's images in the list
    void showConfidentlyWrong();
    QTableWidget* confusionTable() const { return confusion_; }
    QTableWidget* classTable() const { return perClass_; }
    QListWidget* imageList() const { return images_; }
    const RunEvaluation& result() const { return result_; }

Q_SIGNALS:
    void evaluated();

private:
    void listImages(const std::vector<ImagePrediction>& list, const QString& heading);
    // Decodes the listed images on a worker thread, each set as its item's icon on
    // arrival: a cell of thousands of images, or a server's over a slow link, never holds
    // up the window. A new listing leaves the old one's worker behind.
    void loadThumbnails();

    std::shared_ptr<const Workspace> workspace_;
    qint64 run_ = 0;
    RunEvaluation result_;
    std::vector<ImagePrediction> listed_;
    std::shared_ptr<std::atomic<uint64_t>> listing_ = std::make_shared<std::atomic<uint64_t>>(0);
    QPushButton *evaluate_ = nullptr, *wrong_ = nullptr;
    QLabel *summary_ = nullptr, *listHeading_ = nullptr;
    QTableWidget *perClass_ = nullptr, *confusion_ = nullptr;
    QListWidget* images_ = nullptr;
};

}  // namespace ferkd::ui
