#include "interop/safetensors.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "util/atomic_file.h"
#include "util/error.h"

namespace ferkd {

namespace {

const std::vector<std::pair<std::string, c10::ScalarType>>& dtypes() {
    static const std::vector<std::pair<std::string, c10::ScalarType>> t = {
        {"F32", torch::kFloat}, {"F64", torch::kDouble}, {"F16", torch::kHalf}, {"BF16", torch::kBFloat16},
        {"I64", torch::kLong},  {"I32", torch::kInt},    {"I16", torch::kShort}, {"I8", torch::kChar},
        {"U8", torch::kByte},   {"BOOL", torch::kBool}};
    return t;
}

uint64_t readLength(const unsigned char* p) {
    uint64_t n = 0;
    for (int i = 7; i >= 0; --i) n = (n << 8) | p[i];
    return n;
}

constexpr uint64_t kMaxHeader = 100u << 20;  // the format's own limit

}  // namespace

bool looksLikeSafetensors(const unsigned char* data, uint64_t size) {
    if (size < 10) return false;
    const uint64_t n = readLength(data);
    return n >= 2 && n <= kMaxHeader && n <= size - 8 && data[8] == '{';
}

StateDict readSafetensors(const unsigned char* data, uint64_t size, const std::string& path,
                          std::map<std::string, std::string>* metadata) {
    auto fail = [&](const std::string& why) { throw FileError(path, "not a valid safetensors file: " + why); };
    if (size < 8) fail("shorter than its 8-byte header length");
    const uint64_t n = readLength(data);
    if (n > kMaxHeader || n > size - 8) fail("header length " + std::to_string(n) + " runs past the end (truncated?)");
    nlohmann::json header;
    try {
        header = nlohmann::json::parse(data + 8, data + 8 + n);
    } catch (const nlohmann::json::exception& e) {
        fail(std::string("header is not JSON: ") + e.what());
    }
    if (!header.is_object()) fail("header is not a JSON object");
    const unsigned char* body = data + 8 + n;
    const uint64_t bodySize = size - 8 - n;
    struct Item { std::string name; c10::ScalarType dtype; std::vector<int64_t> shape; uint64_t begin, end; };
    std::vector<Item> items;
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == "__metadata__") {
            if (!it->is_object()) fail("__metadata__ is not an object");
            for (auto m = it->begin(); m != it->end(); ++m) {
                if (!m->is_string()) fail("__metadata__ value '" + m.key() + "' is not a string");
                if (metadata) (*metadata)[m.key()] = m->get<std::string>();
            }
            continue;
        }
        const auto& e = *it;
        Item item;
        item.name = it.key();
        if (!e.is_object() || !e.contains("dtype") || !e.contains("shape") || !e.contains("data_offsets") ||
            !e["dtype"].is_string() || !e["shape"].is_array() || !e["data_offsets"].is_array() ||
            e["data_offsets"].size() != 2)
            fail("entry '" + item.name + "' lacks dtype, shape or data_offsets");
        auto dt = std::find_if(dtypes().begin(), dtypes().end(), [&](const auto& d) { return d.first == e["dtype"]; });
        if (dt == dtypes().end()) fail("entry '" + item.name + "' has unsupported dtype " + e["dtype"].dump());
        item.dtype = dt->second;
        uint64_t elements = 1;
        for (const auto& d : e["shape"]) {
            if (!d.is_number_unsigned()) fail("entry '" + item.name + "' has a bad shape");
            const uint64_t v = d.get<uint64_t>();
            if (v != 0 && elements > (uint64_t(1) << 62) / v) fail("entry '" + item.name + "' is impossibly large");
            elements *= v;
            item.shape.push_back(int64_t(v));
        }
        if (!e["data_offsets"][0].is_number_unsigned() || !e["data_offsets"][1].is_number_unsigned())
            fail("entry '" + item.name + "' has bad data_offsets");
        item.begin = e["data_offsets"][0].get<uint64_t>();
        item.end = e["data_offsets"][1].get<uint64_t>();
        if (item.begin > item.end || item.end > bodySize)
            fail("entry '" + item.name + "' lies outside the file (truncated?)");
        if (item.end - item.begin != elements * c10::elementSize(item.dtype))
            fail("entry '" + item.name + "' has " + std::to_string(item.end - item.begin) + " bytes, its shape needs " +
                 std::to_string(elements * c10::elementSize(item.dtype)));
        items.push_back(std::move(item));
    }
    // The data are laid out in file order without overlap.
    std::vector<const Item*> byOffset;
    for (const auto& i : items) byOffset.push_back(&i);
    std::sort(byOffset.begin(), byOffset.end(), [](const Item* a, const Item* b) { return a->begin < b->begin; });
    for (size_t k = 1; k < byOffset.size(); ++k)
        if (byOffset[k]->begin < byOffset[k - 1]->end) fail("entries '" + byOffset[k - 1]->name + "' and '" + byOffset[k]->name + "' overlap");
    // The header's order is JSON's (sorted); keep it, as Python's safetensors does.
    StateDict sd;
    for (const auto& i : items) {
        auto t = torch::empty(i.shape, torch::TensorOptions().dtype(i.dtype));
        if (i.end > i.begin) std::memcpy(t.data_ptr(), body + i.begin, i.end - i.begin);
        sd.add(i.name, t);
    }
    return sd;
}

void writeSafetensors(const std::string& path, const StateDict& sd, const std::map<std::string, std::string>& metadata) {
    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!metadata.empty()) header["__metadata__"] = metadata;
    std::vector<torch::Tensor> tensors;
    uint64_t offset = 0;
    for (const auto& [name, tensor] : sd.entries) {
        auto t = tensor.detach().cpu().contiguous();
        auto dt = std::find_if(dtypes().begin(), dtypes().end(), [&](const auto& d) { return d.second == t.scalar_type(); });
        if (dt == dtypes().end()) throw Error("safetensors: tensor '" + name + "' has an unsupported dtype");
        if (header.contains(name)) throw Error("safetensors: tensor name '" + name + "' appears twice");
        const uint64_t bytes = t.numel() * t.element_size();
        header[name] = {{"dtype", dt->first}, {"shape", t.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
        tensors.push_back(t);
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');  // the data start 8-byte aligned, as the reference writer does
    writeFileAtomically(path, [&](const std::string& tmp) {
        std::ofstream out(tmp, std::ios::binary);
        unsigned char len[8];
        for (int i = 0; i < 8; ++i) len[i] = static_cast<unsigned char>(uint64_t(text.size()) >> (8 * i));
        out.write(reinterpret_cast<const char*>(len), 8);
        out.write(text.data(), std::streamsize(text.size()));
        for (const auto& t : tensors) out.write(static_cast<const char*>(t.data_ptr()), std::streamsize(t.numel() * t.element_size()));
        out.flush();
        if (!out) throw FileError(tmp, "cannot write the safetensors file (disk full?)");
    });
}

}  // namespace ferkd
