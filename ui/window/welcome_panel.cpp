#include "window/welcome_panel.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ferkd::ui {

WelcomePanel::WelcomePanel(const QString& workspace, QWidget* parent) : QFrame(parent) {
    setObjectName("welcomePanel");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 30, 40, 30);
    layout->setSpacing(6);
    auto* title = new QLabel(tr("Welcome to FerKD Studio"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    layout->addWidget(title);
    auto* intro = new QLabel(tr("This workspace has no runs yet. Start with one of these:"));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addSpacing(12);

    // Each choice: a button and one line saying what it does and how long it takes.
    auto choice = [&](const char* name, const QString& text, const QString& detail) {
        auto* button = new QPushButton(text);
        button->setObjectName(name);
        button->setMinimumHeight(34);
        button->setStyleSheet("text-align: left; padding-left: 12px;");
        layout->addWidget(button);
        auto* line = new QLabel(detail);
        line->setWordWrap(true);
        line->setContentsMargins(14, 0, 0, 10);
        line->setStyleSheet("color: palette(dark);");
        layout->addWidget(line);
        if (QString(name) == "welcomePipeline" || QString(name) == "welcomeOpenWorkspace") localChoices_ << button << line;
        return button;
    };
    connect(choice("welcomeQuickStart", tr("Quick start: train a small ResNet on Fashion-MNIST"),
                   tr("The fmnist-resnet-quick preset: about 92% test top-1 in about 2 minutes on 2 CPU cores. "
                      "Loss and accuracy appear live in the monitor.")),
            &QPushButton::clicked, this, &WelcomePanel::quickStartRequested);
    connect(choice("welcomePipeline", tr("Pipeline: teacher, label set, distilled student"),
                   tr("Trains a teacher, labels random crops of every image once, then trains an FKD or FerKD "
                      "student on the stored labels. The stages queue one after another.")),
            &QPushButton::clicked, this, &WelcomePanel::pipelineRequested);
    connect(choice("welcomeInspectData", tr("Inspect a data set..."),
                   tr("Classes, counts, sample images and unreadable files of an image folder, IDX files or a "
                      "packed data set.")),
            &QPushButton::clicked, this, &WelcomePanel::inspectDataRequested);
    connect(choice("welcomeOpenWorkspace", tr("Open another workspace..."),
                   tr("A folder with an experiment database, e.g. one a CLI run or another machine wrote.")),
            &QPushButton::clicked, this, &WelcomePanel::openWorkspaceRequested);
    layout->addStretch(1);
    auto* where = new QLabel(tr("Workspace: %1").arg(workspace));
    where->setObjectName("welcomeWorkspace");
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(where);
}

void WelcomePanel::hideLocalChoices() {
    for (QWidget* w : localChoices_) w->hide();
}

}  // namespace ferkd::ui
