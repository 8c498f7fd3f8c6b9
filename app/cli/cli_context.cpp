#include "commands.h"

namespace ferkd::cli {

std::unique_ptr<ExperimentStore> CliContext::openStore() const {
    return std::make_unique<ExperimentStore>(workspace.empty() ? ExperimentStore::defaultWorkspace() : workspace);
}

}  // namespace ferkd::cli
