#include <cstdlib>

#include "commands.h"

#include "util/error.h"
#include "workspace/local_workspace.h"
#ifdef FERKD_WITH_SERVER
#include "remote/access_token.h"
#include "remote/remote_workspace.h"
#endif

namespace ferkd::cli {

std::string CliContext::workspaceFolder() const {
    return workspace.empty() ? ExperimentStore::defaultWorkspace() : workspace;
}

std::unique_ptr<ExperimentStore> CliContext::openStore() const {
    if (!server.empty())
        throw ConfigError("--server", "this command works on a workspace on this machine; on a server, `ferkd runs` "
                                      "lists, shows, exports and manages runs and `ferkd train` queues them");
    return std::make_unique<ExperimentStore>(workspaceFolder());
}

std::unique_ptr<Workspace> CliContext::openWorkspace() const {
    if (server.empty()) return LocalWorkspace::open(workspaceFolder());
#ifdef FERKD_WITH_SERVER
    return std::make_unique<RemoteWorkspace>(server, serverToken());
#else
    throw ConfigError("--server", "this ferkd was built without the server's client (FERKD_WITH_SERVER=OFF)");
#endif
}

std::string CliContext::serverToken() const {
    std::string file = tokenFile;
    if (file.empty()) {
        const char* env = std::getenv("FERKD_TOKEN_FILE");
        file = env ? env : "";
    }
    if (file.empty())
        throw ConfigError("--token-file", "a server needs its token: copy the file `ferkd serve` printed (its "
                                          "workspace's server/token) and name it with --token-file or $FERKD_TOKEN_FILE");
#ifdef FERKD_WITH_SERVER
    return readAccessToken(file);
#else
    throw ConfigError("--server", "this ferkd was built without the server's client (FERKD_WITH_SERVER=OFF)");
#endif
}

RunRecord requireRun(const ExperimentStore& store, const std::string& idOrName) {
    auto run = store.findRun(idOrName);
    if (!run) throw Error("no run '" + idOrName + "' in " + store.workspace() + " (see `ferkd runs list`)");
    return *run;
}

}  // namespace ferkd::cli
