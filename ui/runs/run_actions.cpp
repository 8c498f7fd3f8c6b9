#include "runs/run_actions.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QWidget>

#include "store/run_deletion.h"
#include "util/text.h"

namespace ferkd::ui {

RunActions::RunActions(std::shared_ptr<Workspace> workspace, QWidget* dialogParent,
                       std::function<QList<qint64>()> selection)
    : QObject(dialogParent), workspace_(std::move(workspace)), parent_(dialogParent), selection_(std::move(selection)) {
    auto make = [this](const QString& text, const char* name) {
        auto* a = new QAction(text, this);
        a->setObjectName(name);
        return a;
    };
    renameAct = make(tr("Rename..."), "renameRunAction");
    tagsAct = make(tr("Tags..."), "tagRunAction");
    notesAct = make(tr("Notes..."), "notesRunAction");
    archiveAct = make(tr("Archive"), "archiveRunAction");
    unarchiveAct = make(tr("Unarchive"), "unarchiveRunAction");
    deleteAct = make(tr("Delete..."), "deleteRunAction");
    deleteAct->setShortcut(QKeySequence::Delete);
    showArchivedAct = make(tr("Show archived runs"), "showArchivedAction");
    showArchivedAct->setCheckable(true);
    showArchivedAct->setChecked(QSettings().value("runs/showArchived", false).toBool());
    connect(renameAct, &QAction::triggered, this, &RunActions::askRename);
    connect(tagsAct, &QAction::triggered, this, &RunActions::askTags);
    connect(notesAct, &QAction::triggered, this, &RunActions::askNotes);
    connect(archiveAct, &QAction::triggered, this, [this] {
        QString error;
        report(applyArchived(selection_(), true, &error), error);
    });
    connect(unarchiveAct, &QAction::triggered, this, [this] {
        QString error;
        report(applyArchived(selection_(), false, &error), error);
    });
    connect(deleteAct, &QAction::triggered, this, &RunActions::askDelete);
    connect(showArchivedAct, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue("runs/showArchived", on);
        Q_EMIT changed();
    });
    updateEnabled();
}

void RunActions::addTo(QMenu* menu) const {
    menu->addAction(renameAct);
    menu->addAction(tagsAct);
    menu->addAction(notesAct);
    menu->addSeparator();
    menu->addAction(archiveAct);
    menu->addAction(unarchiveAct);
    menu->addAction(deleteAct);
    menu->addSeparator();
    menu->addAction(showArchivedAct);
}

void RunActions::updateEnabled() {
    const auto ids = selection_ ? selection_() : QList<qint64>{};
    bool anyArchived = false, anyShown = false;
    try {
        for (qint64 id : ids)
            if (auto r = workspace_->run(id)) (r->archived ? anyArchived : anyShown) = true;
    } catch (const std::exception&) {
        anyShown = anyArchived = !ids.isEmpty();  // a server out of reach: the action says why when used
    }
    renameAct->setEnabled(ids.size() == 1);
    tagsAct->setEnabled(ids.size() == 1);
    notesAct->setEnabled(ids.size() == 1);
    archiveAct->setEnabled(anyShown);
    unarchiveAct->setEnabled(anyArchived);
    deleteAct->setEnabled(!ids.isEmpty());
}

bool RunActions::showArchived() const { return showArchivedAct->isChecked(); }

namespace {

template <typename F>
bool guarded(QString* error, F&& work) {
    try {
        work();
        return true;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

}  // namespace

bool RunActions::applyRename(qint64 run, const QString& name, QString* error) {
    const bool ok = guarded(error, [&] { workspace_->renameRun(run, name.trimmed().toStdString()); });
    if (ok) Q_EMIT changed();
    return ok;
}

bool RunActions::applyTags(qint64 run, const QString& commaSeparated, QString* error) {
    std::vector<std::string> tags;
    for (const auto& t : splitList(commaSeparated.toStdString(), ','))
        if (!t.empty()) tags.push_back(t);
    const bool ok = guarded(error, [&] { workspace_->setTags(run, joinStrings(tags, ",")); });
    if (ok) Q_EMIT changed();
    return ok;
}

bool RunActions::applyNotes(qint64 run, const QString& notes, QString* error) {
    const bool ok = guarded(error, [&] { workspace_->setNotes(run, notes.toStdString()); });
    if (ok) Q_EMIT changed();
    return ok;
}

bool RunActions::applyArchived(const QList<qint64>& runs, bool archived, QString* error) {
    const bool ok = guarded(error, [&] {
        for (qint64 id : runs) workspace_->setArchived(id, archived);
    });
    if (ok) Q_EMIT changed();
    return ok;
}

QString RunActions::describeDeletion(const QList<qint64>& runs, bool* possible, bool* usedByOthers) const {
    QStringList lines;
    uint64_t bytes = 0;
    bool ok = !runs.isEmpty(), used = false;
    for (qint64 id : runs) {
        try {
            const RunDeletionPlan plan = workspace_->planDeletion(id);
            bytes += plan.bytes;
            lines << tr("Run %1 '%2' (%3): %4").arg(id).arg(QString::fromStdString(plan.run.name),
                                                      QString::fromStdString(plan.run.status),
                                                      QString::fromStdString(formatBytes(plan.bytes)));
            if (!plan.blocker.empty()) {
                lines << "  " + QString::fromStdString(plan.blocker);
                ok = false;
            }
            for (const auto& use : plan.used_by) lines << "  " + tr("Warning: %1").arg(QString::fromStdString(use));
            used = used || !plan.used_by.empty();
        } catch (const std::exception& e) {
            lines << QString::fromUtf8(e.what());
            ok = false;
        }
    }
    if (possible) *possible = ok;
    if (usedByOthers) *usedByOthers = used;
    lines << tr("Deleting frees %1: metrics, checkpoints, run folders and the label sets these runs made.")
                 .arg(QString::fromStdString(formatBytes(bytes)));
    return lines.join("\n");
}

bool RunActions::applyDelete(const QList<qint64>& runs, bool force, QString* error) {
    QStringList leftOver;
    const bool ok = guarded(error, [&] {
        for (qint64 id : runs)
            for (const auto& left : workspace_->deleteRun(id, force))
                leftOver << QString::fromStdString(left);
    });
    Q_EMIT changed();  // some may have gone before an error
    if (ok && !leftOver.isEmpty() && error) *error = tr("Could not remove: %1").arg(leftOver.join("; "));
    return ok && leftOver.isEmpty();
}

void RunActions::report(bool ok, const QString& error) const {
    if (!ok) QMessageBox::warning(parent_, tr("Runs"), error);
}

std::optional<RunRecord> RunActions::singleSelection() const {
    const auto ids = selection_();
    try {
        return ids.size() == 1 ? workspace_->run(ids.front()) : std::nullopt;
    } catch (const std::exception& e) {
        report(false, QString::fromUtf8(e.what()));
        return std::nullopt;
    }
}

void RunActions::askRename() {
    const auto run = singleSelection();
    if (!run) return;
    bool accepted = false;
    const QString name = QInputDialog::getText(parent_, tr("Rename run %1").arg(run->id), tr("Name:"), QLineEdit::Normal,
                                               QString::fromStdString(run->name), &accepted);
    QString error;
    if (accepted) report(applyRename(run->id, name, &error), error);
}

void RunActions::askTags() {
    const auto run = singleSelection();
    if (!run) return;
    bool accepted = false;
    const QString tags = QInputDialog::getText(parent_, tr("Tags of run %1").arg(run->id), tr("Tags (comma-separated):"),
                                               QLineEdit::Normal, QString::fromStdString(run->tags), &accepted);
    QString error;
    if (accepted) report(applyTags(run->id, tags, &error), error);
}

void RunActions::askNotes() {
    const auto run = singleSelection();
    if (!run) return;
    bool accepted = false;
    const QString notes = QInputDialog::getMultiLineText(parent_, tr("Notes of run %1").arg(run->id), tr("Notes:"),
                                                         QString::fromStdString(run->notes), &accepted);
    QString error;
    if (accepted) report(applyNotes(run->id, notes, &error), error);
}

void RunActions::askDelete() {
    const auto ids = selection_();
    if (ids.isEmpty()) return;
    bool possible = false, used = false;
    const QString text = describeDeletion(ids, &possible, &used);
    if (!possible) {
        QMessageBox::warning(parent_, tr("Delete runs"), text);
        return;
    }
    if (QMessageBox::question(parent_, tr("Delete runs"), text + "\n\n" + tr("Delete for good?"),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    QString error;
    report(applyDelete(ids, /*force=*/used, &error), error);
}

}  // namespace ferkd::ui
