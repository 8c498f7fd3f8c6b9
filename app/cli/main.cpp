// ferkd: the headless command-line tool over the training core.
#include <c10/util/Exception.h>

#include <cstdio>

#include "commands.h"
#include "util/allocator.h"
#include "util/error.h"

int main(int argc, char** argv) {
    ferkd::keepFreedMemoryForReuse();
    using namespace ferkd::cli;
    CLI::App app{"ferkd: FerKD-style knowledge distillation from the command line", "ferkd"};
    app.set_version_flag("--version", std::string("ferkd ") + FERKD_VERSION);
    app.require_subcommand(1);
    // Global options (--workspace) are also taken after the subcommand, where users type
    // them; subcommands made below inherit this.
    app.fallthrough();
    CliContext ctx;
    ctx.args.assign(argv + 1, argv + argc);
    app.add_option("--workspace", ctx.workspace,
                   "Workspace folder (default: $FERKD_WORKSPACE or $XDG_DATA_HOME/ferkd-studio)");
    app.add_option("--server", ctx.server, "Work on the workspace of a `ferkd serve` at this URL (http://host:port)");
    app.add_option("--token-file", ctx.tokenFile, "With --server: the server's token file (default: $FERKD_TOKEN_FILE)");
    addTrainCommand(app, ctx);
    addEvalCommand(app, ctx);
    addRunsCommand(app, ctx);
    addDatasetCommand(app, ctx);
    addLabelsCommand(app, ctx);
    addTeacherCommand(app, ctx);
    addBenchCommand(app, ctx);
    addSweepCommand(app, ctx);
    addWeightsCommands(app, ctx);
    addCatalogCommands(app, ctx);
#ifdef FERKD_WITH_SERVER
    addServeCommand(app, ctx);
#endif
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? kOk : kUsage;
    }
    try {
        return ctx.action ? ctx.action() : kOk;
    } catch (const ferkd::ConfigError& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return kUsage;
    } catch (const c10::Error& e) {
        std::fprintf(stderr, "error: %s\n", e.what_without_backtrace());  // LibTorch's stack trace says nothing to a user
        return kFailed;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return kFailed;
    }
}
