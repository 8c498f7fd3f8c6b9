// ferkd-studio: the desktop application.
#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QPointer>
#include <QTimer>

#include <cstdio>

#include "crops/crop_browser.h"
#include "window/language_manager.h"
#include "window/main_window.h"
#include "runs/results_view.h"
#include "charts/sweep_view.h"
#include "dialogs/settings_dialog.h"
#include "window/studio_shell.h"
#ifdef FERKD_WITH_SERVER
#include "server/connect_dialog.h"
#endif
#include "util/allocator.h"
#include "store/experiment_store.h"

int main(int argc, char** argv) {
    ferkd::keepFreedMemoryForReuse();
    QApplication app(argc, argv);
    QApplication::setOrganizationName("FerKD Studio");
    QApplication::setApplicationName("ferkd-studio");
    QApplication::setApplicationVersion(FERKD_VERSION);

    const ferkd::ui::StudioSettings settings = ferkd::ui::StudioSettings::load();
    ferkd::ui::LanguageManager languages;
    languages.install(ferkd::ui::LanguageManager::localeOf(settings.language));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "FerKD Studio: knowledge distillation with region-level soft labels"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption workspace("workspace", QApplication::translate("main", "Workspace folder."),
                                 QApplication::translate("main", "folder"));
    QCommandLineOption quitAfter("quit-after", QApplication::translate("main", "Quit after this many milliseconds (for tests)."),
                                 QApplication::translate("main", "ms"));
    QCommandLineOption select("select", QApplication::translate("main", "Show these runs (comma-separated ids)."),
                              QApplication::translate("main", "ids"));
    parser.addOption(workspace);
    parser.addOption(quitAfter);
    QCommandLineOption labels("labels", QApplication::translate("main", "Open this label store in the crop browser."),
                              QApplication::translate("main", "file"));
    QCommandLineOption data("data", QApplication::translate("main", "The data set of --labels (default: fashion-mnist)."),
                            QApplication::translate("main", "path"), "fashion-mnist");
    QCommandLineOption tab("tab", QApplication::translate("main", "Show this tab of the run details."),
                           QApplication::translate("main", "name"));
    QCommandLineOption newRun("new-run", QApplication::translate("main", "Open the New run form."));
    QCommandLineOption inspectData("inspect-data", QApplication::translate("main", "Inspect this data set."),
                                   QApplication::translate("main", "path"));
    QCommandLineOption exportFigure(
        "export-figure1", QApplication::translate("main", "Write the crop browser's Figure 1 of --labels to this PNG and quit."),
        QApplication::translate("main", "png"));
    QCommandLineOption showCell(
        "show-cell",
        QApplication::translate("main", "Evaluate the selected run and list the images of this confusion cell (true,predicted)."),
        QApplication::translate("main", "t,p"));
    QCommandLineOption sweepField("sweep-field", QApplication::translate("main", "The field of the sweep view's metric chart."),
                                  QApplication::translate("main", "field"));
    QCommandLineOption server("server",
                              QApplication::translate("main", "Open the workspace a `ferkd serve` serves at this URL, "
                                                              "instead of a folder's."),
                              QApplication::translate("main", "url"));
    QCommandLineOption tokenFile(
        "token-file", QApplication::translate("main", "The server's token (default: $FERKD_TOKEN_FILE, else the one File > Connect to server saved)."),
        QApplication::translate("main", "file"));
    parser.addOption(server);
    parser.addOption(tokenFile);
    parser.addOption(showCell);
    parser.addOption(sweepField);
    parser.addOption(exportFigure);
    parser.addOption(inspectData);
    parser.addOption(tab);
    parser.addOption(newRun);
    parser.addOption(select);
    parser.addOption(labels);
    parser.addOption(data);
    parser.process(app);

    if (parser.isSet(exportFigure)) {  // no window: for scripts and docs
        if (!parser.isSet(labels)) {
            std::fprintf(stderr, "error: --export-figure1 needs --labels FILE (and --data PATH)\n");
            return 2;
        }
        ferkd::ui::CropBrowser browser(nullptr);
        QString error;
        if (!browser.open(parser.value(data), parser.value(labels), &error)) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
            return 2;
        }
        const QString out = parser.value(exportFigure);
        if (!browser.figureOne(8, 1).save(out)) {
            std::fprintf(stderr, "error: %s: cannot be written\n", qPrintable(out));
            return 1;
        }
        std::printf("wrote %s\n", qPrintable(out));
        return 0;
    }

    std::shared_ptr<ferkd::ExperimentStore> store;
    const std::string dir = parser.isSet(workspace)           ? parser.value(workspace).toStdString()
                            : !settings.workspace.isEmpty() ? settings.workspace.toStdString()
                                                            : ferkd::ExperimentStore::defaultWorkspace();
    try {
        store = std::make_shared<ferkd::ExperimentStore>(dir);
    } catch (const std::exception& e) {
        // A damaged database: offer a fresh one, keeping the damaged file beside it.
        const auto answer = QMessageBox::question(
            nullptr, QApplication::translate("main", "FerKD Studio"),
            QApplication::translate("main", "Cannot open the workspace:\n%1\n\nStart a fresh experiment database there? "
                                            "The damaged file is kept under another name.")
                .arg(e.what()));
        if (answer != QMessageBox::Yes) return 1;
        try {
            const std::string aside = ferkd::ExperimentStore::setAsideDamaged(dir);
            store = std::make_shared<ferkd::ExperimentStore>(dir);
            QMessageBox::information(nullptr, QApplication::translate("main", "FerKD Studio"),
                                     QApplication::translate("main", "The damaged database was kept as %1.")
                                         .arg(QString::fromStdString(aside)));
        } catch (const std::exception& again) {
            QMessageBox::critical(nullptr, QApplication::translate("main", "FerKD Studio"),
                                  QApplication::translate("main", "Cannot open the workspace:\n%1").arg(again.what()));
            return 1;
        }
    }

    ferkd::ui::StudioShell shell(store, &languages);
    ferkd::ui::MainWindow* shown = shell.window();
    if (parser.isSet(server)) {  // the server's window alone; the local one stays hidden
        QString token = parser.value(tokenFile);
        if (token.isEmpty()) token = qEnvironmentVariable("FERKD_TOKEN_FILE");
#ifdef FERKD_WITH_SERVER
        if (token.isEmpty()) token = ferkd::ui::ConnectDialog::tokenFileFor(parser.value(server));
#endif
        QString error;
        shown = shell.connectToServer(parser.value(server), token, &error);
        if (!shown) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
            return 2;
        }
    } else {
        shown->show();
    }
    ferkd::ui::MainWindow& window = *shown;
    if (parser.isSet(select))
        for (const QString& id : parser.value(select).split(',', Qt::SkipEmptyParts)) window.selectRun(id.toLongLong(), true);
    if (parser.isSet(tab)) window.showTab(parser.value(tab));
    if (parser.isSet(sweepField)) window.sweep()->setField(parser.value(sweepField));
    if (parser.isSet(showCell)) {  // for screenshots: the results tab at one cell's images
        const QStringList cell = parser.value(showCell).split(',');
        window.showTab("results");
        QObject::connect(window.results(), &ferkd::ui::ResultsView::evaluated, &window, [&window, cell] {
            window.results()->showCell(cell.value(0).toInt(), cell.value(1).toInt());
        });
        window.results()->evaluate();
    }
    if (parser.isSet(newRun)) QTimer::singleShot(0, &window, [&window] { window.showNewRunForm(); });
    if (parser.isSet(labels)) window.showCropBrowser(parser.value(data), parser.value(labels));
    if (parser.isSet(inspectData)) window.showDatasetView(parser.value(inspectData));
    if (parser.isSet(quitAfter))
        QTimer::singleShot(parser.value(quitAfter).toInt(), &shell, [&shell, shown = QPointer<ferkd::ui::MainWindow>(shown)] {
            if (shown) shown->close();
            shell.window()->close();
        });
    return app.exec();
}
