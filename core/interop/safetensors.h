#pragma once
// The safetensors format (huggingface/safetensors): u64 little-endian header length,
// a JSON header {name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__":
// {string: string}}, then the tensors' bytes, little-endian, C order.
#include <map>
#include <string>

#include "interop/state_dict.h"

namespace ferkd {

// Checks every header entry against the buffer (dtype known, offsets inside, sizes
// matching the shape, no overlap) and throws FileError naming `path` otherwise.
StateDict readSafetensors(const unsigned char* data, uint64_t size, const std::string& path,
                          std::map<std::string, std::string>* metadata = nullptr);

void writeSafetensors(const std::string& path, const StateDict& sd, const std::map<std::string, std::string>& metadata = {});

// True when the buffer starts like a safetensors file (a plausible length, then '{').
bool looksLikeSafetensors(const unsigned char* data, uint64_t size);

}  // namespace ferkd
