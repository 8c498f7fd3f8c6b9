#pragma once
// Each sub-command registers itself on the CLI11 app and runs through a callback that
// returns the process exit code.
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "store/experiment_store.h"
#include "workspace/workspace.h"

namespace ferkd::cli {

enum ExitCode { kOk = 0, kFailed = 1, kUsage = 2, kStopped = 130 };

struct CliContext {
    std::vector<std::string> args;  // the command line after the program name (for --nproc's workers)
    std::string workspace;  // --workspace, else ExperimentStore::defaultWorkspace()
    std::string server;     // --server URL: the workspace of a `ferkd serve`
    std::string tokenFile;  // --token-file, else $FERKD_TOKEN_FILE: the server's token
    std::function<int()> action;  // set by the chosen sub-command
    std::string workspaceFolder() const;  // --workspace, else the default
    // The local store; ConfigError naming --server when the command was pointed at a
    // server, where it does not work.
    std::unique_ptr<ExperimentStore> openStore() const;
    // The workspace of --server, else the local one: for the commands that work on both.
    std::unique_ptr<Workspace> openWorkspace() const;
    std::string serverToken() const;  // the token --token-file names
};

// The run `idOrName` names (an id, or the newest run of that name); Error saying where it
// looked when there is none.
RunRecord requireRun(const ExperimentStore& store, const std::string& idOrName);

void addTrainCommand(CLI::App& app, CliContext& ctx);
void addEvalCommand(CLI::App& app, CliContext& ctx);
void addRunsCommand(CLI::App& app, CliContext& ctx);
void addRunManagementCommands(CLI::App* runs, CliContext& ctx);  // rename, tag, untag, note, archive, unarchive, delete, pause, resume, stop
void addDatasetCommand(CLI::App& app, CliContext& ctx);
void addCatalogCommands(CLI::App& app, CliContext& ctx);  // presets, models
void addLabelsCommand(CLI::App& app, CliContext& ctx);
void addTeacherCommand(CLI::App& app, CliContext& ctx);
void addBenchCommand(CLI::App& app, CliContext& ctx);
void addSweepCommand(CLI::App& app, CliContext& ctx);
void addSpeedBenchCommands(CLI::App* bench, CliContext& ctx);  // step, store, labels
void addWeightsCommands(CLI::App& app, CliContext& ctx);  // export, weights check
void addServeCommand(CLI::App& app, CliContext& ctx);     // serve (with FERKD_WITH_SERVER)

}  // namespace ferkd::cli
