// A run config file (JSON): parsed onto the defaults, then validated.
#include "config/config_io.h"
#include "fuzz_support.h"

FERKD_FUZZ_TARGET(config) {
    const std::string path = ferkd::fuzz::writeInput(data, size, ".json");
    ferkd::fuzz::expectCleanErrors([&] {
        ferkd::RunConfig config = ferkd::loadConfigFile(path, ferkd::RunConfig{});
        (void)ferkd::validationErrors(config);
        (void)ferkd::configToJsonText(config);
    });
    return 0;
}
