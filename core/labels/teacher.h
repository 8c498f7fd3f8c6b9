#pragma once
// A teacher: a model that labels crops, with the input it expects.
#include <torch/torch.h>

#include <string>

#include "models/classifier.h"
#include "store/experiment_store.h"

namespace ferkd {

struct Teacher {
    std::shared_ptr<Classifier> model;
    std::string description;  // stored in the label set's header
    int input_size = 224;
    std::string normalize = "imagenet";
    int num_classes = 0;
    int in_chans = 3;
    std::string dataset_fingerprint;  // what it was trained on, when known
};

// The best (else last) checkpoint of a run in the store, in eval mode on `device`.
Teacher loadRunTeacher(const ExperimentStore& store, const std::string& runIdOrName, torch::Device device);

}  // namespace ferkd
