#include "dist/dist_env.h"

#include <algorithm>
#include <cstdlib>
#include <thread>

#include "util/error.h"

namespace ferkd {
namespace {

const char* variable(const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? v : nullptr;
}

int integerVariable(const char* name, int fallback, int min, int max) {
    const char* v = variable(name);
    if (!v) return fallback;
    char* end = nullptr;
    const long n = std::strtol(v, &end, 10);
    if (*end != '\0' || n < min || n > max)
        throw Error(std::string("environment variable ") + name + "='" + v + "': expected an integer in [" +
                    std::to_string(min) + ", " + std::to_string(max) + "]");
    return static_cast<int>(n);
}

}  // namespace

DistEnv distEnvFromEnvironment() {
    DistEnv env;
    const bool hasRank = variable("RANK") != nullptr, hasWorld = variable("WORLD_SIZE") != nullptr;
    if (!hasRank && !hasWorld) return env;
    if (!hasRank || !hasWorld)
        throw Error(std::string("environment variable ") + (hasRank ? "WORLD_SIZE" : "RANK") +
                    " is missing: a distributed launch sets RANK and WORLD_SIZE together (torchrun does)");
    env.world_size = integerVariable("WORLD_SIZE", 1, 1, 1 << 20);
    env.rank = integerVariable("RANK", 0, 0, env.world_size - 1);
    env.local_world_size = integerVariable("LOCAL_WORLD_SIZE", env.world_size, 1, env.world_size);
    env.local_rank = integerVariable("LOCAL_RANK", env.rank % env.local_world_size, 0, env.local_world_size - 1);
    if (const char* addr = variable("MASTER_ADDR")) env.master_addr = addr;
    else if (env.world_size > 1) throw Error("environment variable MASTER_ADDR is missing: the address of rank 0's machine");
    env.master_port = integerVariable("MASTER_PORT", env.master_port, 1, 65535);
    if (const char* agent = variable("TORCHELASTIC_USE_AGENT_STORE")) env.agent_store = std::string(agent) == "True";
    if (const char* restarts = variable("TORCHELASTIC_RESTART_COUNT")) env.restart_count = restarts;
    return env;
}

int threadsPerProcess(int requested, const DistEnv& env) {
    if (requested > 0) return requested;
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return std::max(1, cores / std::max(1, env.local_world_size));
}

}  // namespace ferkd
