// `ferkd presets` and `ferkd models`: what the registries hold.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "config/config_io.h"
#include "config/presets.h"
#include "models/model_registry.h"

namespace ferkd::cli {

void addCatalogCommands(CLI::App& app, CliContext& ctx) {
    auto* presets = app.add_subcommand("presets", "List the built-in presets");
    auto show = std::make_shared<std::string>();
    presets->add_option("--show", *show, "Print the full config of one preset as JSON");
    presets->callback([&ctx, show] {
        ctx.action = [show] {
            if (!show->empty()) {
                std::printf("%s\n", configToJsonText(presetConfig(*show)).c_str());
                return int(kOk);
            }
            for (const auto& p : presetRegistry())
                std::printf("%-28s %-12s %s\n", p.name.c_str(), p.source.c_str(), p.description.c_str());
            return int(kOk);
        };
    });

    auto* models = app.add_subcommand("models", "List the registered model architectures");
    models->callback([&ctx] {
        ctx.action = [] {
            for (const auto& m : modelRegistry())
                std::printf("%-24s %-7s %-12s %s\n", m.name.c_str(), m.family.c_str(), m.source.c_str(),
                            m.description.c_str());
            return int(kOk);
        };
    });
}

}  // namespace ferkd::cli
