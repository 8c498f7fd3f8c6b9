// A run config file (JSON): parsed onto the defaults, then validated.
#include "config/config_io.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string path = ferkd::fuzz::writeInput(data, size, ".json");
    ferkd::fuzz::expectCleanErrors([&] {
        ferkd::RunConfig config = ferkd::loadConfigFile(path, ferkd::RunConfig{});
        (void)ferkd::validationErrors(config);
        (void)ferkd::configToJsonText(config);
    });
    return 0;
}
