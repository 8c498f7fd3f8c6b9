#pragma once
// What an empty workspace shows instead of empty charts: what to do first. A quick
// start with its expected time, the distillation pipeline, inspecting a data set, and
// opening another workspace. The window hides it once the workspace holds a run.
#include <QFrame>

class QLabel;

namespace ferkd::ui {

class WelcomePanel : public QFrame {
    Q_OBJECT
public:
    explicit WelcomePanel(const QString& workspace, QWidget* parent = nullptr);
    // A server's empty workspace: the choices that work on this machine's files (the
    // pipeline, opening another folder) are hidden.
    void hideLocalChoices();

signals:
    void quickStartRequested();
    void pipelineRequested();
    void inspectDataRequested();
    void openWorkspaceRequested();

private:
    QList<QWidget*> localChoices_;  // buttons with their lines
};

}  // namespace ferkd::ui
