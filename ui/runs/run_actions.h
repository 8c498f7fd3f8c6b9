#pragma once
// The studio's run management, on the runs selected in the runs table: rename, tags,
// notes, archive / unarchive, and delete with its checkpoints, run folder and label set
// after a confirmation that says how much disk space it frees and which runs still use
// its label set (store/run_deletion.h), on any workspace (local or a server's). A run that is training cannot be deleted. The
// apply* functions do the work without dialogs (tests call them); the actions ask first.
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

#include "workspace/workspace.h"

class QAction;
class QMenu;
class QWidget;

namespace ferkd::ui {

class RunActions : public QObject {
    Q_OBJECT
public:
    RunActions(std::shared_ptr<Workspace> workspace, QWidget* dialogParent,
               std::function<QList<qint64>()> selection);

    QAction *renameAct = nullptr, *tagsAct = nullptr, *notesAct = nullptr, *archiveAct = nullptr,
            *unarchiveAct = nullptr, *deleteAct = nullptr, *showArchivedAct = nullptr;
    void addTo(QMenu* menu) const;
    void updateEnabled();  // by the selection
    bool showArchived() const;

    // Each returns false with the reason in `error` (nothing changed then).
    bool applyRename(qint64 run, const QString& name, QString* error);
    bool applyTags(qint64 run, const QString& commaSeparated, QString* error);
    bool applyNotes(qint64 run, const QString& notes, QString* error);
    bool applyArchived(const QList<qint64>& runs, bool archived, QString* error);
    // What deleting `runs` removes: the text of the confirmation, whether it can go, and
    // whether other runs still train on a label set it would remove.
    QString describeDeletion(const QList<qint64>& runs, bool* possible, bool* usedByOthers = nullptr) const;
    bool applyDelete(const QList<qint64>& runs, bool force, QString* error);

Q_SIGNALS:
    void changed();  // the runs table refreshes

private:
    void askRename();
    void askTags();
    void askNotes();
    void askDelete();
    void report(bool ok, const QString& error) const;
    std::optional<RunRecord> singleSelection() const;  // the one selected run, if exactly one is

    std::shared_ptr<Workspace> workspace_;
    QWidget* parent_;
    std::function<QList<qint64>()> selection_;
};

}  // namespace ferkd::ui
