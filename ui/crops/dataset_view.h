#pragma once
// Inspect a data set before training on it: the splits found, images per class, the
// files left out and why, and sample images of every class. The scan runs off the GUI
// thread (decoding every image of a large folder takes minutes); `scanned` tells.
#include <QDialog>

#include "data/dataset_inspection.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace ferkd::ui {

class DatasetView : public QDialog {
    Q_OBJECT
public:
    explicit DatasetView(QWidget* parent = nullptr);

    void scan(const QString& path);  // asynchronous
    bool scanning() const { return scanning_; }
    const DatasetInspection& inspection() const { return inspection_; }
    int problemRows() const;
    int sampleCount() const;

Q_SIGNALS:
    void scanned(bool ok, const QString& error);

private:
    void showInspection(const DatasetInspection& inspection);

    QLineEdit* path_ = nullptr;
    QCheckBox* decodeAll_ = nullptr;
    QPushButton* scanButton_ = nullptr;
    QLabel* summary_ = nullptr;
    QTableWidget* classes_ = nullptr;
    QListWidget *problems_ = nullptr, *samples_ = nullptr;
    DatasetInspection inspection_;
    bool scanning_ = false;
};

}  // namespace ferkd::ui
