#include "interop/torch_pickle.h"

#include <cstring>
#include <fstream>
#include <map>
#include <memory>

#include "interop/zip_archive.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace ferkd {

namespace {

// The values a state-dict pickle holds.
struct PyValue;
using PyRef = std::shared_ptr<PyValue>;
struct PyValue {
    enum Kind { None, Bool, Int, Float, String, Tuple, List, Dict, Global, Tensor, Mark } kind = None;
    int64_t i = 0;
    double f = 0;
    std::string s;                               // String, Global ("module.name")
    std::vector<PyRef> items;                    // Tuple, List
    std::vector<std::pair<PyRef, PyRef>> dict;   // Dict, in insertion order
    torch::Tensor tensor;                        // Tensor (a storage is a 1-d tensor)
};

PyRef make(PyValue::Kind k) {
    auto v = std::make_shared<PyValue>();
    v->kind = k;
    return v;
}

c10::ScalarType storageDtype(const std::string& global) {
    static const std::map<std::string, c10::ScalarType> types = {
        {"torch.FloatStorage", torch::kFloat},   {"torch.DoubleStorage", torch::kDouble},
        {"torch.HalfStorage", torch::kHalf},     {"torch.BFloat16Storage", torch::kBFloat16},
        {"torch.LongStorage", torch::kLong},     {"torch.IntStorage", torch::kInt},
        {"torch.ShortStorage", torch::kShort},   {"torch.CharStorage", torch::kChar},
        {"torch.ByteStorage", torch::kByte},     {"torch.BoolStorage", torch::kBool}};
    auto it = types.find(global);
    if (it == types.end()) throw Error("storage type " + global + " is not supported");
    return it->second;
}

class Unpickler {
public:
    Unpickler(const ZipArchive& zip, const std::string& prefix, const unsigned char* p, uint64_t n)
        : zip_(zip), prefix_(prefix), p_(p), n_(n) {}

    PyRef run() {
        while (true) {
            const uint8_t op = byte();
            switch (op) {
            case 0x80: byte(); break;                      // PROTO
            case 0x95: take(8); break;                     // FRAME
            case '.': return pop();                        // STOP
            case '(': stack_.push_back(make(PyValue::Mark)); break;
            case ')': push(make(PyValue::Tuple)); break;
            case ']': push(make(PyValue::List)); break;
            case '}': push(make(PyValue::Dict)); break;
            case 'N': push(make(PyValue::None)); break;
            case 0x88: case 0x89: { auto v = make(PyValue::Bool); v->i = op == 0x88; push(v); break; }
            case 'J': pushInt(int32_t(uint32_t(le(4)))); break;
            case 'K': pushInt(le(1)); break;
            case 'M': pushInt(le(2)); break;
            case 0x8a: {  // LONG1: little-endian two's complement
                const uint64_t len = byte();
                if (len > 8) throw Error("integer wider than 64 bits");
                const unsigned char* b = take(len);
                uint64_t v = 0;
                for (uint64_t k = len; k-- > 0;) v = (v << 8) | b[k];
                if (len > 0 && len < 8 && (b[len - 1] & 0x80)) v |= ~uint64_t(0) << (8 * len);
                pushInt(int64_t(v));
                break;
            }
            case 'G': {  // BINFLOAT, big-endian
                const unsigned char* b = take(8);
                uint64_t bits = 0;
                for (int k = 0; k < 8; ++k) bits = (bits << 8) | b[k];
                auto v = make(PyValue::Float);
                std::memcpy(&v->f, &bits, 8);
                push(v);
                break;
            }
            case 'X': pushString(le(4)); break;     // BINUNICODE
            case 0x8c: pushString(byte()); break;   // SHORT_BINUNICODE
            case 0x8d: pushString(le(8)); break;    // BINUNICODE8
            case 'T': pushString(le(4)); break;     // BINSTRING
            case 'U': pushString(byte()); break;    // SHORT_BINSTRING
            case 'B': pushString(le(4)); break;     // BINBYTES
            case 'C': pushString(byte()); break;    // SHORT_BINBYTES
            case 'c': {  // GLOBAL "module\nname\n"
                std::string module = line(), name = line();
                auto g = make(PyValue::Global);
                g->s = module + "." + name;
                push(g);
                break;
            }
            case 0x93: {  // STACK_GLOBAL
                auto name = pop(), module = pop();
                if (name->kind != PyValue::String || module->kind != PyValue::String) throw Error("bad STACK_GLOBAL");
                auto g = make(PyValue::Global);
                g->s = module->s + "." + name->s;
                push(g);
                break;
            }
            case 't': { auto t = make(PyValue::Tuple); t->items = popMark(); push(t); break; }
            case 'l': { auto t = make(PyValue::List); t->items = popMark(); push(t); break; }
            case 0x85: case 0x86: case 0x87: {
                auto t = make(PyValue::Tuple);
                t->items.resize(op - 0x84);
                for (size_t k = t->items.size(); k-- > 0;) t->items[k] = pop();
                push(t);
                break;
            }
            case 'a': { auto v = pop(); container(PyValue::List)->items.push_back(v); break; }
            case 'e': { auto vs = popMark(); auto l = container(PyValue::List); l->items.insert(l->items.end(), vs.begin(), vs.end()); break; }
            case 'd': { auto d = make(PyValue::Dict); pairsInto(d, popMark()); push(d); break; }
            case 's': { auto v = pop(), k = pop(); container(PyValue::Dict)->dict.emplace_back(k, v); break; }
            case 'u': { auto vs = popMark(); pairsInto(container(PyValue::Dict), vs); break; }
            case 'q': memo(byte(), top()); break;
            case 'r': memo(le(4), top()); break;
            case 0x94: memo(memo_.size(), top()); break;  // MEMOIZE
            case 'h': push(recall(byte())); break;
            case 'j': push(recall(le(4))); break;
            case '0': pop(); break;
            case '1': popMark(); break;
            case '2': push(top()); break;
            case 'Q': push(persistentLoad(pop())); break;
            case 'R': case 0x81: { auto args = pop(), fn = pop(); push(call(fn, args)); break; }  // REDUCE, NEWOBJ
            case 'b': pop(); break;  // BUILD: object state (an OrderedDict's _metadata) is not needed
            default: {
                char hex[8];
                std::snprintf(hex, sizeof hex, "0x%02x", op);
                throw Error(std::string("unsupported pickle opcode ") + hex);
            }
            }
        }
    }

private:
    uint8_t byte() { return *take(1); }
    const unsigned char* take(uint64_t k) {
        if (k > n_ - at_) throw Error("the pickle ends early");
        const unsigned char* r = p_ + at_;
        at_ += k;
        return r;
    }
    uint64_t le(int bytes) {
        const unsigned char* b = take(bytes);
        uint64_t v = 0;
        for (int k = bytes - 1; k >= 0; --k) v = (v << 8) | b[k];
        return v;
    }
    std::string line() {
        std::string s;
        while (true) {
            char c = char(byte());
            if (c == '\n') return s;
            if (s.size() > 256) throw Error("GLOBAL name too long");
            s += c;
        }
    }
    void push(PyRef v) {
        if (stack_.size() > 1000000) throw Error("pickle stack too deep");
        stack_.push_back(std::move(v));
    }
    void pushInt(int64_t i) { auto v = make(PyValue::Int); v->i = i; push(v); }
    void pushString(uint64_t len) {
        auto v = make(PyValue::String);
        const unsigned char* b = take(len);
        v->s.assign(reinterpret_cast<const char*>(b), len);
        push(v);
    }
    PyRef pop() {
        if (stack_.empty() || stack_.back()->kind == PyValue::Mark) throw Error("pickle stack underflow");
        PyRef v = std::move(stack_.back());
        stack_.pop_back();
        return v;
    }
    PyRef top() {
        if (stack_.empty()) throw Error("pickle stack underflow");
        return stack_.back();
    }
    std::vector<PyRef> popMark() {
        size_t k = stack_.size();
        while (k > 0 && stack_[k - 1]->kind != PyValue::Mark) --k;
        if (k == 0) throw Error("pickle MARK missing");
        std::vector<PyRef> out(stack_.begin() + k, stack_.end());
        stack_.resize(k - 1);
        return out;
    }
    PyRef container(PyValue::Kind kind) {
        PyRef c = top();
        if (c->kind != kind) throw Error("pickle appends to an object of the wrong kind");
        return c;
    }
    static void pairsInto(const PyRef& d, const std::vector<PyRef>& flat) {
        if (flat.size() % 2) throw Error("odd number of dict items");
        for (size_t k = 0; k < flat.size(); k += 2) d->dict.emplace_back(flat[k], flat[k + 1]);
    }
    void memo(uint64_t key, PyRef v) {
        if (key > 10000000) throw Error("pickle memo index out of range");
        if (memo_.size() <= key) memo_.resize(key + 1);
        memo_[key] = std::move(v);
    }
    PyRef recall(uint64_t key) {
        if (key >= memo_.size() || !memo_[key]) throw Error("pickle refers to a memo entry it never stored");
        return memo_[key];
    }

    // ('storage', <storage type>, key, location, numel): the bytes of archive/data/<key>.
    PyRef persistentLoad(const PyRef& pid) {
        if (pid->kind != PyValue::Tuple || pid->items.size() < 5 || pid->items[0]->s != "storage" ||
            pid->items[1]->kind != PyValue::Global || pid->items[2]->kind != PyValue::String ||
            pid->items[4]->kind != PyValue::Int)
            throw Error("unexpected persistent id (not a tensor storage)");
        const std::string& key = pid->items[2]->s;
        if (auto it = storages_.find(key); it != storages_.end()) return it->second;
        const auto dtype = storageDtype(pid->items[1]->s);
        const int64_t numel = pid->items[4]->i;
        const ZipArchive::Entry* e = zip_.find(prefix_ + "data/" + key);
        if (!e) throw Error("storage '" + key + "' is missing from the archive");
        const uint64_t elem = c10::elementSize(dtype);
        if (numel < 0 || uint64_t(numel) > e->size / elem)
            throw Error("storage '" + key + "' holds " + std::to_string(e->size) + " bytes, less than its " +
                        std::to_string(numel) + " elements need");
        auto v = make(PyValue::Tensor);
        v->tensor = torch::empty({numel}, torch::TensorOptions().dtype(dtype));
        if (numel > 0) std::memcpy(v->tensor.data_ptr(), zip_.bytes(*e), uint64_t(numel) * elem);
        storages_[key] = v;
        return v;
    }

    static std::vector<int64_t> ints(const PyRef& t, const char* what) {
        if (t->kind != PyValue::Tuple) throw Error(std::string(what) + " is not a tuple");
        std::vector<int64_t> out;
        for (const auto& x : t->items) {
            if (x->kind != PyValue::Int) throw Error(std::string(what) + " holds a non-integer");
            out.push_back(x->i);
        }
        return out;
    }

    PyRef call(const PyRef& fn, const PyRef& args) {
        if (fn->kind != PyValue::Global || args->kind != PyValue::Tuple)
            throw Error("the pickle calls something that is not a known function");
        const std::string& name = fn->s;
        const auto& a = args->items;
        if (name == "collections.OrderedDict") {
            auto d = make(PyValue::Dict);
            if (!a.empty() && a[0]->kind == PyValue::List)
                for (const auto& pair : a[0]->items)
                    if (pair->kind == PyValue::Tuple && pair->items.size() == 2) d->dict.emplace_back(pair->items[0], pair->items[1]);
            return d;
        }
        if (name == "torch._utils._rebuild_tensor_v2" || name == "torch._utils._rebuild_tensor") {
            if (a.size() < 4 || a[0]->kind != PyValue::Tensor || a[1]->kind != PyValue::Int)
                throw Error("malformed tensor in the pickle");
            const torch::Tensor& storage = a[0]->tensor;
            const int64_t offset = a[1]->i;
            auto size = ints(a[2], "tensor size"), stride = ints(a[3], "tensor stride");
            if (size.size() != stride.size() || offset < 0) throw Error("malformed tensor shape in the pickle");
            int64_t last = offset, elements = 1;
            for (size_t d = 0; d < size.size(); ++d) {
                if (size[d] < 0 || stride[d] < 0) throw Error("negative tensor size or stride in the pickle");
                if (size[d] == 0) elements = 0;
                else if (stride[d] > 0 && size[d] - 1 > (INT64_MAX - last) / stride[d]) throw Error("tensor too large");
                else last += (size[d] - 1) * stride[d];
            }
            if (elements != 0 && last >= storage.numel())
                throw Error("a tensor reaches past the end of its storage (" + std::to_string(storage.numel()) + " elements)");
            auto v = make(PyValue::Tensor);
            v->tensor = elements == 0 ? torch::empty(size, storage.options())
                                      : storage.as_strided(size, stride, offset).clone();
            return v;
        }
        if (name == "torch._utils._rebuild_parameter" || name == "torch._utils._rebuild_parameter_with_state") {
            if (a.empty() || a[0]->kind != PyValue::Tensor) throw Error("malformed parameter in the pickle");
            return a[0];
        }
        if (name == "torch.jit._pickle.restore_type_tag") {  // LibTorch's typed containers: (value, type)
            if (a.empty()) throw Error("malformed typed container in the pickle");
            return a[0];
        }
        if (name == "torch._tensor._rebuild_from_type_v2") {  // (function, type, args, state)
            if (a.size() < 3) throw Error("malformed tensor subclass in the pickle");
            return call(a[0], a[2]);
        }
        throw Error("the pickle holds a " + name +
                    " object; only tensors and containers are read (save model.state_dict(), not the model)");
    }

    const ZipArchive& zip_;
    std::string prefix_;
    const unsigned char* p_;
    uint64_t n_, at_ = 0;
    std::vector<PyRef> stack_, memo_;
    std::map<std::string, PyRef> storages_;
};

bool isTensorDict(const PyRef& v) {
    if (v->kind != PyValue::Dict || v->dict.empty()) return false;
    for (const auto& [k, t] : v->dict)
        if (k->kind != PyValue::String || t->kind != PyValue::Tensor) return false;
    return true;
}

}  // namespace

StateDict readTorchStateDict(const unsigned char* data, uint64_t size, const std::string& path) {
    ZipArchive zip(data, size, path);
    const ZipArchive::Entry* pkl = nullptr;
    for (const auto& e : zip.entries())
        if (e.name.size() >= 8 && e.name.compare(e.name.size() - 8, 8, "data.pkl") == 0 &&
            e.name.find('/') == e.name.size() - 9) {
            pkl = &e;
            break;
        }
    if (!pkl) throw FileError(path, "is a ZIP archive without data.pkl, not a torch.save file");
    const std::string prefix = pkl->name.substr(0, pkl->name.size() - 8);
    PyRef root;
    try {
        root = Unpickler(zip, prefix, zip.bytes(*pkl), pkl->size).run();
    } catch (const FileError&) {
        throw;
    } catch (const Error& e) {
        throw FileError(path, std::string("cannot read its pickle: ") + e.what());
    }
    PyRef dict = root;
    if (!isTensorDict(dict) && root->kind == PyValue::Dict) {
        for (const char* key : {"state_dict", "model", "module", "model_state", "state_dict_ema", "model_ema"})
            for (const auto& [k, v] : root->dict)
                if (k->kind == PyValue::String && k->s == key && isTensorDict(v)) {
                    dict = v;
                    break;
                }
    }
    if (!isTensorDict(dict))
        throw FileError(path, "holds no dict of tensors (expected torch.save(model.state_dict(), path), or such a dict "
                              "under 'state_dict' or 'model')");
    StateDict sd;
    for (const auto& [k, v] : dict->dict) sd.add(k->s, v->tensor);
    return sd;
}

void writeTorchStateDict(const std::string& path, const StateDict& sd) {
    c10::Dict<std::string, at::Tensor> dict;
    for (const auto& [name, tensor] : sd.entries) dict.insert(name, tensor.contiguous().cpu());
    const std::vector<char> bytes = torch::pickle_save(c10::IValue(dict));
    writeFileAtomically(path, [&](const std::string& tmp) {
        std::ofstream out(tmp, std::ios::binary);
        out.write(bytes.data(), std::streamsize(bytes.size()));
        out.flush();
        if (!out) throw FileError(tmp, "cannot write the state dict (disk full?)");
    });
}

}  // namespace ferkd
