#include "labels/teacher.h"

#include <filesystem>

#include "models/model_registry.h"
#include "train/checkpoint.h"
#include "train/trainer.h"
#include "util/error.h"

namespace ferkd {

Teacher loadRunTeacher(const ExperimentStore& store, const std::string& runIdOrName, torch::Device device) {
    auto run = store.findRun(runIdOrName);
    if (!run) throw Error("no run '" + runIdOrName + "' in " + store.workspace() + " to use as teacher");
    std::string path = checkpointPath(store, run->id, "best");
    if (!std::filesystem::exists(path)) path = checkpointPath(store, run->id, "last");
    if (!std::filesystem::exists(path))
        throw Error("run " + std::to_string(run->id) + " '" + run->name + "' has no checkpoint to use as teacher");
    const RunConfig config = runConfigOf(*run);
    const CheckpointModel loaded = loadCheckpointModel(path);
    std::shared_ptr<Classifier> model = loaded.model;
    const CheckpointHeader header{loaded.config_json, loaded.spec};
    model->to(device);
    Teacher t;
    t.forward = [model](const torch::Tensor& x) { return model->forward(x); };
    t.device = device;
    t.input_size = header.spec.input_size;
    t.in_chans = header.spec.in_chans;
    t.num_classes = header.spec.num_classes;
    t.normalize = config.data.normalize;
    t.description = "run " + std::to_string(run->id) + " '" + run->name + "' (" + config.model.arch + ", " + path + ")";
    return t;
}

Teacher loadTeacher(const ExperimentStore& store, const std::string& run, const std::string& script, int inputSize,
                    const std::string& normalize, const Dataset& data, torch::Device device) {
    if (!run.empty()) return loadRunTeacher(store, run, device);
    if (script.empty()) throw ConfigError("", "give a teacher: a run (--teacher) or a TorchScript file (--teacher-script)");
    TorchScriptTeacherSpec spec;
    spec.path = script;
    spec.input_size = inputSize > 0 ? inputSize : static_cast<int>(data.image(0).size(0));
    spec.normalize = normalize;
    spec.num_classes = data.numClasses();
    spec.in_chans = data.channels();
    return loadTorchScriptTeacher(spec, device);
}

}  // namespace ferkd
