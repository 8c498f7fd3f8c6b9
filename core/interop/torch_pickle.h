#pragma once
// Reads the state dicts that Python's torch.save writes (a ZIP archive holding a
// pickle, data.pkl, and one file per storage) without running any code from the file:
// a small pickle machine that knows dicts, lists, tuples, numbers, strings and the few
// torch functions that rebuild tensors, and refuses everything else by name. (LibTorch's
// own torch::pickle_load cannot read an OrderedDict with _metadata, which is what
// model.state_dict() saves.)
#include <string>

#include "interop/state_dict.h"

namespace ferkd {

// The tensors of a torch.save file: the top-level dict, or the first nested dict of
// tensors under a usual key ("state_dict", "model", "module", "state_dict_ema",
// "model_ema"). `path` names the file in errors (FileError).
StateDict readTorchStateDict(const unsigned char* data, uint64_t size, const std::string& path);

// Writes `sd` as torch.save({name: tensor}) would: Python's torch.load gives a dict.
void writeTorchStateDict(const std::string& path, const StateDict& sd);

}  // namespace ferkd
