#include "labels/teacher.h"

#include "models/classifier.h"
#include "runtime/runtime.h"

#include "models/model_registry.h"
#include "store/checkpoint.h"
#include "store/run_files.h"
#include "util/error.h"

namespace ferkd {

Teacher loadRunTeacher(const ExperimentStore& store, const std::string& runIdOrName, torch::Device device) {
    auto run = store.findRun(runIdOrName);
    if (!run) throw Error("no run '" + runIdOrName + "' in " + store.workspace() + " to use as teacher");
    const std::string path = existingCheckpoint(store, run->id, "best");
    const RunConfig config = runConfigOf(*run);
    const CheckpointModel loaded = loadCheckpointModel(path);
    std::shared_ptr<Classifier> model = loaded.model;
    return teacherFromModel(loaded.model, loaded.spec.input_size, loaded.spec.in_chans, loaded.spec.num_classes,
                            config.data.normalize,
                            "run " + std::to_string(run->id) + " '" + run->name + "' (" + config.model.arch + ", " + path + ")",
                            device);
}

Teacher teacherFromModel(std::shared_ptr<Classifier> model, int inputSize, int inChans, int numClasses,
                         const std::string& normalize, const std::string& description, torch::Device device) {
    model->to(device);
    model->eval();
    setMemoryFormat(*model, torch::MemoryFormat::ChannelsLast);
    Teacher t;
    t.forward = [model](const torch::Tensor& x) {
        c10::InferenceMode inference;
        return model->forward(x.contiguous(torch::MemoryFormat::ChannelsLast));
    };
    t.device = device;
    t.input_size = inputSize;
    t.in_chans = inChans;
    t.num_classes = numClasses;
    t.normalize = normalize;
    t.description = description;
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
