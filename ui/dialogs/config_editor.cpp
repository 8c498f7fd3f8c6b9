#include "dialogs/config_editor.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include "config/config_fields.h"
#include "config/config_io.h"
#include "config/presets.h"
#include "config/step_accounting.h"
#include "util/error.h"

namespace ferkd::ui {

namespace {

using json = nlohmann::json;

// The form's pages: a field goes to the first page whose prefix it starts with.
struct Group {
    const char* title;
    std::vector<std::string> prefixes;
};
const std::vector<Group>& groups() {
    static const std::vector<Group> g = {
        {QT_TRANSLATE_NOOP("ConfigEditor", "Run"), {"name", "seed"}},
        {QT_TRANSLATE_NOOP("ConfigEditor", "Data"), {"data."}},
        {QT_TRANSLATE_NOOP("ConfigEditor", "Model"), {"model."}},
        {QT_TRANSLATE_NOOP("ConfigEditor", "FerKD rule"), {"distill.ferkd."}},
        {QT_TRANSLATE_NOOP("ConfigEditor", "Teacher and labels"), {"distill."}},
        {QT_TRANSLATE_NOOP("ConfigEditor", "Augmentation"), {"augment."}},
        {QT_TRANSLATE_NOOP("ConfigEditor", "Optimisation"), {"optim."}},
        {QT_TRANSLATE_NOOP("ConfigEditor", "Schedule"), {"schedule.", "ema."}},
        {QT_TRANSLATE_NOOP("ConfigEditor", "Checkpoints and runtime"), {"checkpoint.", "runtime."}},
    };
    return g;
}

int groupOf(const std::string& field) {
    for (size_t i = 0; i < groups().size(); ++i)
        for (const auto& p : groups()[i].prefixes)
            if (field == p || (p.back() == '.' && field.rfind(p, 0) == 0)) return int(i);
    return -1;  // kind, preset: set by the app, not edited
}

QString valueText(const json& v) {
    if (v.is_string()) return QString::fromStdString(v.get<std::string>());
    if (v.is_number_float()) return QString::number(v.get<double>(), 'g', 10);
    return QString::fromStdString(v.dump());
}

}  // namespace

ConfigEditor::ConfigEditor(QWidget* parent) : QWidget(parent) {
    build();
    choosePreset(QString::fromStdString(presetNames().front()));
}

void ConfigEditor::build() {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Preset:")));
    presets_ = new QComboBox;
    presets_->setObjectName("presetCombo");
    for (const auto& p : presetRegistry()) {
        presets_->addItem(QString::fromStdString(p.name));
        presets_->setItemData(presets_->count() - 1, QString::fromStdString(p.description), Qt::ToolTipRole);
    }
    connect(presets_, &QComboBox::currentTextChanged, this, [this](const QString& name) {
        if (!updating_) choosePreset(name);
    });
    top->addWidget(presets_, 1);
    layout->addLayout(top);

    groups_ = new QTabWidget;
    std::vector<QFormLayout*> forms;
    for (const auto& g : groups()) {
        auto* page = new QWidget;
        auto* form = new QFormLayout(page);
        form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
        auto* scroll = new QScrollArea;
        scroll->setWidget(page);
        scroll->setWidgetResizable(true);
        groups_->addTab(scroll, QCoreApplication::translate("ConfigEditor", g.title));
        forms.push_back(form);
    }
    for (const auto& f : configFields()) {
        const int g = groupOf(f.name);
        if (g < 0) continue;
        QWidget* editor = editorFor(f.name);
        QString tip = QString::fromStdString(f.help);
        if (!f.paper.empty()) tip += "\n" + tr("Paper: %1").arg(QString::fromStdString(f.paper));
        editor->setToolTip(tip);
        auto* label = new QLabel(QString::fromStdString(f.name));
        label->setToolTip(tip);
        labels_[QString::fromStdString(f.name)] = label;
        forms[g]->addRow(label, editor);
    }
    layout->addWidget(groups_, 1);
    summary_ = new QLabel;
    summary_->setObjectName("validationSummary");
    summary_->setWordWrap(true);
    layout->addWidget(summary_);
}

QWidget* ConfigEditor::editorFor(const std::string& name) {
    const ConfigField* f = findConfigField(name);
    QWidget* w = nullptr;
    if (f->type == FieldType::Bool) {
        auto* box = new QCheckBox;
        connect(box, &QCheckBox::toggled, this, [this, name](bool on) { edited(name, on ? "true" : "false"); });
        w = box;
    } else if (f->type == FieldType::Choice) {
        auto* combo = new QComboBox;
        for (const auto& c : f->choices) combo->addItem(QString::fromStdString(c));
        connect(combo, &QComboBox::currentTextChanged, this, [this, name](const QString& t) { edited(name, t); });
        w = combo;
    } else {
        auto* line = new QLineEdit;
        connect(line, &QLineEdit::textEdited, this, [this, name](const QString& t) { edited(name, t); });
        w = line;
    }
    w->setObjectName(QString::fromStdString(name));
    editors_[QString::fromStdString(name)] = w;
    return w;
}

void ConfigEditor::showValue(const std::string& name) {
    const ConfigField* f = findConfigField(name);
    QWidget* w = editors_.value(QString::fromStdString(name));
    if (!w) return;
    const json v = f->get(config_);
    if (auto* box = qobject_cast<QCheckBox*>(w)) box->setChecked(v.get<bool>());
    else if (auto* combo = qobject_cast<QComboBox*>(w)) combo->setCurrentText(valueText(v));
    else if (auto* line = qobject_cast<QLineEdit*>(w)) line->setText(valueText(v));
}

void ConfigEditor::setConfig(const RunConfig& config) {
    config_ = reference_ = config;
    inputErrors_.clear();
    updating_ = true;
    if (!config.preset.empty()) presets_->setCurrentText(QString::fromStdString(config.preset));
    for (const auto& f : configFields()) showValue(f.name);
    updating_ = false;
    revalidate();
    Q_EMIT configChanged();
}

void ConfigEditor::choosePreset(const QString& name) {
    setConfig(presetConfig(name.toStdString()));
}

void ConfigEditor::edited(const std::string& name, const QString& text) {
    if (updating_) return;
    const ConfigField* f = findConfigField(name);
    const QString key = QString::fromStdString(name);
    inputErrors_.remove(key);
    try {
        json value;
        if (f->type == FieldType::String || f->type == FieldType::Choice) {
            value = text.toStdString();
        } else {
            value = json::parse(text.trimmed().toStdString());  // numbers and true/false
        }
        checkFieldValue(*f, value);
        f->set(config_, value);
    } catch (const json::exception&) {
        inputErrors_[key] = f->type == FieldType::Int ? tr("expected a whole number") : tr("expected a number");
    } catch (const ConfigError& e) {
        inputErrors_[key] = QString::fromUtf8(e.what());
    }
    revalidate();
    Q_EMIT configChanged();
}

void ConfigEditor::revalidate() {
    const bool wasValid = isValid();
    errors_ = inputErrors_;
    for (const auto& [field, message] : validationErrors(config_)) {
        const QString key = QString::fromStdString(field);
        if (!errors_.contains(key)) errors_[key] = QString::fromStdString(message);
    }
    const QStringList changed = changedFields();
    for (auto it = editors_.begin(); it != editors_.end(); ++it) {
        const bool bad = errors_.contains(it.key());
        it.value()->setStyleSheet(bad ? "background-color: #ffd6d6;" : "");
        QLabel* label = labels_.value(it.key());
        QFont font = label->font();
        font.setBold(changed.contains(it.key()));
        label->setFont(font);
        label->setStyleSheet(bad ? "color: #b00020;" : "");
        const ConfigField* f = findConfigField(it.key().toStdString());
        QString tip = QString::fromStdString(f->help);
        if (!f->paper.empty()) tip += "\n" + tr("Paper: %1").arg(QString::fromStdString(f->paper));
        if (bad) tip = errors_[it.key()] + "\n\n" + tip;
        it.value()->setToolTip(tip);
    }
    QStringList lines;
    for (auto it = errors_.begin(); it != errors_.end(); ++it) lines << it.key() + ": " + it.value();
    // Every problem at once, counted first when there are several, as the CLI reports them.
    if (lines.size() > 1) lines.prepend(tr("%n problems in the config:", nullptr, int(lines.size())));
    // Valid: what batch and epochs come to, the figures FKD's accounting reads differently.
    summary_->setText(lines.isEmpty() ? tr("Valid. %n field(s) differ from the preset.", nullptr, int(changed.size())) +
                                            "\n" + QString::fromStdString(stepAccounting(config_, 0).describeStep())
                                      : lines.join("\n"));
    summary_->setStyleSheet(lines.isEmpty() ? "" : "color: #b00020;");
    if (wasValid != isValid()) Q_EMIT validityChanged(isValid());
}

QStringList ConfigEditor::changedFields() const {
    QStringList out;
    for (const auto& f : configFields())
        if (groupOf(f.name) >= 0 && f.get(config_) != f.get(reference_)) out << QString::fromStdString(f.name);
    return out;
}

bool ConfigEditor::loadFile(const QString& path, QString* error) {
    try {
        RunConfig loaded = loadConfigFile(path.toStdString(), RunConfig{});
        RunConfig reference = loaded.preset.empty() ? RunConfig{} : presetConfig(loaded.preset);
        setConfig(reference);
        config_ = loaded;
        updating_ = true;
        for (const auto& f : configFields()) showValue(f.name);
        updating_ = false;
        revalidate();
        Q_EMIT configChanged();
        return true;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

bool ConfigEditor::saveFile(const QString& path, QString* error) const {
    try {
        saveConfigFile(config_, path.toStdString());
        return true;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

}  // namespace ferkd::ui
