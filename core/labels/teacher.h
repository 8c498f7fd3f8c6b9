#pragma once
// A teacher: something that turns a batch of crops into logits, with the input it
// expects. Either a run of this app (its best checkpoint) or a TorchScript file
// exported from Python (`torch.jit.trace(model).save(path)`).
#include <torch/torch.h>

#include <functional>
#include <string>

#include "data/dataset.h"
#include "store/experiment_store.h"

namespace ferkd {

struct Teacher {
    // images [B, C, S, S] (normalised as `normalize` says) -> logits [B, num_classes].
    std::function<torch::Tensor(const torch::Tensor&)> forward;
    torch::Device device = torch::kCPU;
    std::string description;  // stored in the label set's header
    int input_size = 224;
    std::string normalize = "imagenet";
    int num_classes = 0;
    int in_chans = 3;
};

class Classifier;

// A model of this app as a teacher: eval mode on `device`, channels-last memory order
// (oneDNN's faster convolutions on CPU, tensor cores on CUDA), no autograd bookkeeping.
Teacher teacherFromModel(std::shared_ptr<Classifier> model, int inputSize, int inChans, int numClasses,
                         const std::string& normalize, const std::string& description, torch::Device device);

// The best (else last) checkpoint of a run in the store, in eval mode on `device`.
Teacher loadRunTeacher(const ExperimentStore& store, const std::string& runIdOrName, torch::Device device);

struct TorchScriptTeacherSpec {
    std::string path;
    int input_size = 224;
    std::string normalize = "imagenet";
    int num_classes = 1000;
    int in_chans = 3;
};

// Loads a user-supplied TorchScript file. It is first loaded and run on one dummy batch
// in a child process, so a malformed or hostile file gives a FileError naming it (not
// a crash of this process); the output must be [batch, num_classes].
Teacher loadTorchScriptTeacher(const TorchScriptTeacherSpec& spec, torch::Device device);

// A run of the workspace (`run`), else a TorchScript file (`script`) for `data`'s
// channels and classes; inputSize 0 = the data set's image size.
Teacher loadTeacher(const ExperimentStore& store, const std::string& run, const std::string& script, int inputSize,
                    const std::string& normalize, const Dataset& data, torch::Device device);

}  // namespace ferkd
