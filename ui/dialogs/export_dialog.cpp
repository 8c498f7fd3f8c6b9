#include "dialogs/export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QStandardItemModel>

#include "interop/onnx_export.h"

namespace ferkd {

ExportDialog::ExportDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Export"));
    auto* form = new QFormLayout(this);
    auto combo = [](const char* name, const QStringList& items) {
        auto* c = new QComboBox;
        c->setObjectName(name);
        c->addItems(items);
        return c;
    };
    format_ = combo("exportFormat", {"state_dict", "safetensors", "checkpoint", "onnx"});
    format_->setItemData(3, tr("The student for deployment runtimes (ONNX Runtime, TensorRT, OpenVINO, OpenCV DNN)"),
                         Qt::ToolTipRole);
    precision_ = combo("exportPrecision", {"fp32", "fp16", "bf16"});
    weights_ = combo("exportWeights", {"model", "ema"});
    checkpoint_ = combo("exportCheckpoint", {"best", "last"});
    auto spin = [](const char* name, int lo, int hi, int value, const QString& special) {
        auto* s = new QSpinBox;
        s->setObjectName(name);
        s->setRange(lo, hi);
        s->setValue(value);
        if (!special.isEmpty()) s->setSpecialValueText(special);
        return s;
    };
    opset_ = spin("exportOpset", kOnnxMinOpset, kOnnxMaxOpset, kOnnxMaxOpset, {});
    opset_->setToolTip(tr("17 writes LayerNormalization; 13 to 16 write it as elementary operators"));
    batch_ = spin("exportBatch", 0, 4096, 0, tr("dynamic"));
    inputSize_ = spin("exportInputSize", 0, 4096, 0, tr("as trained"));
    inputSize_->setToolTip(tr("Convolutional networks run at any size; transformers only at the trained one"));
    form->addRow(tr("Format"), format_);
    form->addRow(tr("Precision"), precision_);
    form->addRow(tr("Weights"), weights_);
    form->addRow(tr("Checkpoint"), checkpoint_);
    form->addRow(tr("ONNX opset"), opset_);
    form->addRow(tr("ONNX batch"), batch_);
    form->addRow(tr("ONNX input size"), inputSize_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(format_, &QComboBox::currentTextChanged, this, [this] { followFormat(); });
    followFormat();
}

void ExportDialog::followFormat() {
    const bool onnx = format_->currentText() == "onnx";
    for (QSpinBox* s : {opset_, batch_, inputSize_}) s->setEnabled(onnx);
    // ONNX runtimes run bf16 on few devices; a checkpoint resumes training and stays fp32.
    auto* items = qobject_cast<QStandardItemModel*>(precision_->model());
    items->item(1)->setEnabled(format_->currentText() != "checkpoint");
    items->item(2)->setEnabled(!onnx && format_->currentText() != "checkpoint");
    if (!items->item(precision_->currentIndex())->isEnabled()) precision_->setCurrentIndex(0);
}

WeightsExport ExportDialog::choice() const {
    WeightsExport c;
    c.format = format_->currentText().toStdString();
    c.precision = precision_->currentText().toStdString();
    c.weights = weights_->currentText().toStdString();
    c.checkpoint = checkpoint_->currentText().toStdString();
    c.opset = opset_->value();
    c.batch = batch_->value();
    c.input_size = inputSize_->value();
    return c;
}

}  // namespace ferkd
