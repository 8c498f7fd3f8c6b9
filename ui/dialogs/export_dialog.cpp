#include "dialogs/export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QStandardItemModel>

#include "interop/model_export.h"
#include "interop/onnx_export.h"
#include "train/run_export.h"
#include "train/run_files.h"
#include "util/atomic_file.h"

namespace ferkd {

QString ExportChoice::suffix() const {
    if (format == "onnx") return ".onnx";
    return format == "safetensors" ? ".safetensors" : ".pt";
}

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

ExportChoice ExportDialog::choice() const {
    ExportChoice c;
    c.format = format_->currentText();
    c.precision = precision_->currentText();
    c.weights = weights_->currentText();
    c.checkpoint = checkpoint_->currentText();
    c.opset = opset_->value();
    c.batch = batch_->value();
    c.inputSize = inputSize_->value();
    return c;
}

QString exportRun(const ExperimentStore& store, qint64 runId, const ExportChoice& c, const QString& out) {
    const CheckpointWeights weights = c.weights == "ema" ? CheckpointWeights::Ema : CheckpointWeights::Model;
    if (c.format == "onnx") {
        OnnxExportOptions o;
        o.opset = c.opset;
        o.batch = c.batch;
        o.input_size = c.inputSize;
        o.precision = exportPrecisionFromName(c.precision.toStdString());
        const RunOnnxExport e = exportRunOnnx(store, runId, c.checkpoint.toStdString(), weights, o, out.toStdString());
        QString message = QObject::tr("exported run %1 to %2: ONNX opset %3, %4 nodes, checked")
                              .arg(runId)
                              .arg(out)
                              .arg(e.summary.opset)
                              .arg(e.summary.nodes);
        if (!e.note.empty()) message += " (" + QString::fromStdString(e.note) + ")";
        return message;
    }
    ExportOptions o;
    o.format = weightsFormatFromName(c.format.toStdString());
    o.precision = exportPrecisionFromName(c.precision.toStdString());
    o.weights = weights;
    const std::string checkpoint = existingCheckpoint(store, runId, c.checkpoint.toStdString());
    requireWritableFolder(out.toStdString());
    const int64_t n = exportCheckpoint(checkpoint, out.toStdString(), o);
    return QObject::tr("exported %1 tensors to %2").arg(n).arg(out);
}

}  // namespace ferkd
