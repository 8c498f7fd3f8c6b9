// ferkd-studio: the desktop application.
#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QPointer>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <memory>

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

namespace {

// The options, queried by name afterwards.
void addOptions(QCommandLineParser& parser) {
    parser.setApplicationDescription(QApplication::translate("main", "FerKD Studio: knowledge distillation with region-level soft labels"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {"workspace", QApplication::translate("main", "Workspace folder."), QApplication::translate("main", "folder")},
        {"server",
         QApplication::translate("main", "Open the workspace a `ferkd serve` serves at this URL, "
                                         "instead of a folder's."),
         QApplication::translate("main", "url")},
        {"token-file",
         QApplication::translate("main", "The server's token (default: $FERKD_TOKEN_FILE, else the one File > Connect to server saved)."),
         QApplication::translate("main", "file")},
        {"quit-after", QApplication::translate("main", "Quit after this many milliseconds (for tests)."),
         QApplication::translate("main", "ms")},
        {"select", QApplication::translate("main", "Show these runs (comma-separated ids)."), QApplication::translate("main", "ids")},
        {"tab", QApplication::translate("main", "Show this tab of the run details."), QApplication::translate("main", "name")},
        {"show-cell",
         QApplication::translate("main", "Evaluate the selected run and list the images of this confusion cell (true,predicted)."),
         QApplication::translate("main", "t,p")},
        {"sweep-field", QApplication::translate("main", "The field of the sweep view's metric chart."),
         QApplication::translate("main", "field")},
        {"new-run", QApplication::translate("main", "Open the New run form.")},
        {"labels", QApplication::translate("main", "Open this label store in the crop browser."), QApplication::translate("main", "file")},
        {"data", QApplication::translate("main", "The data set of --labels (default: fashion-mnist)."),
         QApplication::translate("main", "path"), "fashion-mnist"},
        {"export-figure1", QApplication::translate("main", "Write the crop browser's Figure 1 of --labels to this PNG and quit."),
         QApplication::translate("main", "png")},
        {"inspect-data", QApplication::translate("main", "Inspect this data set."), QApplication::translate("main", "path")},
    });
}

// --export-figure1: no window, for scripts and docs. The exit status.
int exportFigureOne(const QCommandLineParser& parser) {
    if (!parser.isSet("labels")) {
        std::fprintf(stderr, "error: --export-figure1 needs --labels FILE (and --data PATH)\n");
        return 2;
    }
    ferkd::ui::CropBrowser browser(nullptr);
    QString error;
    if (!browser.open(parser.value("data"), parser.value("labels"), &error)) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 2;
    }
    const QString out = parser.value("export-figure1");
    if (!browser.figureOne(8, 1).save(out)) {
        std::fprintf(stderr, "error: %s: cannot be written\n", qPrintable(out));
        return 1;
    }
    std::printf("wrote %s\n", qPrintable(out));
    return 0;
}

// The workspace's store; a damaged database is set aside for a fresh one if the user
// agrees. Null when the studio cannot go on.
std::shared_ptr<ferkd::ExperimentStore> openWorkspace(const std::string& dir) {
    try {
        return std::make_shared<ferkd::ExperimentStore>(dir);
    } catch (const std::exception& e) {
        const auto answer = QMessageBox::question(
            nullptr, QApplication::translate("main", "FerKD Studio"),
            QApplication::translate("main", "Cannot open the workspace:\n%1\n\nStart a fresh experiment database there? "
                                            "The damaged file is kept under another name.")
                .arg(e.what()));
        if (answer != QMessageBox::Yes) return nullptr;
    }
    try {
        const std::string aside = ferkd::ExperimentStore::setAsideDamaged(dir);
        auto store = std::make_shared<ferkd::ExperimentStore>(dir);
        QMessageBox::information(nullptr, QApplication::translate("main", "FerKD Studio"),
                                 QApplication::translate("main", "The damaged database was kept as %1.")
                                     .arg(QString::fromStdString(aside)));
        return store;
    } catch (const std::exception& again) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "FerKD Studio"),
                              QApplication::translate("main", "Cannot open the workspace:\n%1").arg(again.what()));
        return nullptr;
    }
}

// The window the studio shows: the server's with --server (the local one stays hidden),
// else the workspace's. Null, with the reason on stderr, when the server cannot be reached.
ferkd::ui::MainWindow* openWindow(ferkd::ui::StudioShell& shell, const QCommandLineParser& parser) {
    if (!parser.isSet("server")) {
        shell.window()->show();
        return shell.window();
    }
    QString token = parser.value("token-file");
    if (token.isEmpty()) token = qEnvironmentVariable("FERKD_TOKEN_FILE");
#ifdef FERKD_WITH_SERVER
    if (token.isEmpty()) token = ferkd::ui::ConnectDialog::tokenFileFor(parser.value("server"));
#endif
    QString error;
    ferkd::ui::MainWindow* window = shell.connectToServer(parser.value("server"), token, &error);
    if (!window) std::fprintf(stderr, "error: %s\n", qPrintable(error));
    return window;
}

// What the options ask the window to show at start (scripts and screenshots use them).
void showAsked(ferkd::ui::MainWindow& window, const QCommandLineParser& parser) {
    if (parser.isSet("select"))
        for (const QString& id : parser.value("select").split(',', Qt::SkipEmptyParts)) window.selectRun(id.toLongLong(), true);
    if (parser.isSet("tab")) window.showTab(parser.value("tab"));
    if (parser.isSet("sweep-field")) window.sweep()->setField(parser.value("sweep-field"));
    if (parser.isSet("show-cell")) {  // the results tab at one cell's images
        const QStringList cell = parser.value("show-cell").split(',');
        window.showTab("results");
        QObject::connect(window.results(), &ferkd::ui::ResultsView::evaluated, &window, [&window, cell] {
            window.results()->showCell(cell.value(0).toInt(), cell.value(1).toInt());
        });
        window.results()->evaluate();
    }
    if (parser.isSet("new-run")) QTimer::singleShot(0, &window, [&window] { window.showNewRunForm(); });
    if (parser.isSet("labels")) window.showCropBrowser(parser.value("data"), parser.value("labels"));
    if (parser.isSet("inspect-data")) window.showDatasetView(parser.value("inspect-data"));
}

// One of `options` on the command line, alone or as "--option=value" (before the parser
// exists: it needs the application object this decides).
bool asked(int argc, char** argv, std::initializer_list<const char*> options) {
    for (int i = 1; i < argc; ++i)
        for (const char* option : options) {
            const size_t n = std::strlen(option);
            if (std::strncmp(argv[i], option, n) == 0 && (argv[i][n] == '\0' || argv[i][n] == '=')) return true;
        }
    return false;
}

// The application object. --help and --version need no window system, so a server's shell
// gets them; --export-figure1 draws offscreen where no display is set. Null, with the
// reason on stderr, when a window is wanted and there is no display to show it on.
std::unique_ptr<QCoreApplication> makeApplication(int& argc, char** argv) {
    if (asked(argc, argv, {"-h", "--help", "--help-all", "-v", "--version"}))
        return std::make_unique<QCoreApplication>(argc, argv);
#ifdef Q_OS_LINUX
    const bool noDisplay = !qEnvironmentVariableIsSet("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
                           qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if (noDisplay && asked(argc, argv, {"--export-figure1"})) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    } else if (noDisplay) {
        std::fprintf(stderr,
                     "error: no display: ferkd-studio shows windows and neither DISPLAY nor WAYLAND_DISPLAY is set. "
                     "Run it in a desktop session, or use the `ferkd` command line here (`ferkd serve` lets a studio "
                     "elsewhere watch this machine's runs).\n");
        return nullptr;
    }
#endif
    return std::make_unique<QApplication>(argc, argv);
}

}  // namespace

int main(int argc, char** argv) {
    ferkd::keepFreedMemoryForReuse();
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
    if (!app) return 2;
    QApplication::setOrganizationName("FerKD Studio");
    QApplication::setApplicationName("ferkd-studio");
    QApplication::setApplicationVersion(FERKD_VERSION);

    const ferkd::ui::StudioSettings settings = ferkd::ui::StudioSettings::load();
    ferkd::ui::LanguageManager languages;
    languages.install(ferkd::ui::LanguageManager::localeOf(settings.language));

    QCommandLineParser parser;
    addOptions(parser);
    parser.process(*app);
    if (!qobject_cast<QApplication*>(app.get())) {  // "-h" or "-v" was another option's value
        std::fprintf(stderr, "error: -h, -v, --help and --version go alone, not as an option's value\n");
        return 2;
    }
    if (parser.isSet("export-figure1")) return exportFigureOne(parser);

    const std::string dir = parser.isSet("workspace")         ? parser.value("workspace").toStdString()
                            : !settings.workspace.isEmpty() ? settings.workspace.toStdString()
                                                            : ferkd::ExperimentStore::defaultWorkspace();
    const std::shared_ptr<ferkd::ExperimentStore> store = openWorkspace(dir);
    if (!store) return 1;
    ferkd::ui::StudioShell shell(store, &languages);
    ferkd::ui::MainWindow* shown = openWindow(shell, parser);
    if (!shown) return 2;
    showAsked(*shown, parser);
    if (parser.isSet("quit-after"))
        QTimer::singleShot(parser.value("quit-after").toInt(), &shell, [&shell, shown = QPointer<ferkd::ui::MainWindow>(shown)] {
            if (shown) shown->close();
            shell.window()->close();
        });
    return app->exec();
}
