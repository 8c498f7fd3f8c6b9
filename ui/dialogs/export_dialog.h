#pragma once
// The export dialog: a run's weights for PyTorch (state_dict, safetensors, checkpoint)
// or its student for deployment (ONNX: opset, batch, input size). The window has the
// workspace export it (Workspace::exportWeights) off the GUI thread.
#include <QDialog>

#include "train/weights_export.h"

class QComboBox;
class QSpinBox;

namespace ferkd {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(QWidget* parent = nullptr);
    WeightsExport choice() const;

private:
    void followFormat();

    QComboBox *format_, *precision_, *weights_, *checkpoint_;
    QSpinBox *opset_, *batch_, *inputSize_;
};

}  // namespace ferkd
