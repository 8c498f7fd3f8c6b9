#pragma once
// The export dialog: a run's weights for PyTorch (state_dict, safetensors, checkpoint)
// or its student for deployment (ONNX: opset, batch, input size), and the export itself
// (exportRun), which the window runs off the GUI thread.
#include <QDialog>
#include <QString>

class QComboBox;
class QSpinBox;

namespace ferkd {

class ExperimentStore;

struct ExportChoice {
    QString format = "state_dict";  // state_dict | safetensors | checkpoint | onnx
    QString precision = "fp32";
    QString weights = "model";      // model | ema
    QString checkpoint = "best";    // best | last
    int opset = 17;
    int batch = 0;       // onnx: 0 = dynamic
    int inputSize = 0;   // onnx: 0 = as trained
    QString suffix() const;  // ".onnx", ".safetensors", ".pt"
};

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(QWidget* parent = nullptr);
    ExportChoice choice() const;

private:
    void followFormat();

    QComboBox *format_, *precision_, *weights_, *checkpoint_;
    QSpinBox *opset_, *batch_, *inputSize_;
};

// Writes run `runId`'s export to `out`; returns what was written, for the status bar.
// Throws ferkd::Error with the reason.
QString exportRun(const ExperimentStore& store, qint64 runId, const ExportChoice& choice, const QString& out);

}  // namespace ferkd
