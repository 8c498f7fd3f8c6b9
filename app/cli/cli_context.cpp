#include "commands.h"

#include "util/error.h"

namespace ferkd::cli {

std::unique_ptr<ExperimentStore> CliContext::openStore() const {
    return std::make_unique<ExperimentStore>(workspace.empty() ? ExperimentStore::defaultWorkspace() : workspace);
}

RunRecord requireRun(const ExperimentStore& store, const std::string& idOrName) {
    auto run = store.findRun(idOrName);
    if (!run) throw Error("no run '" + idOrName + "' in " + store.workspace() + " (see `ferkd runs list`)");
    return *run;
}

}  // namespace ferkd::cli
