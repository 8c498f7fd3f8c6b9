#include "data/idx_dataset.h"

#include <zlib.h>

#include <filesystem>

#include "util/error.h"
#include "util/hash.h"

namespace ferkd {

const std::vector<std::string> kFashionMnistClasses = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                        "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
const char* const kFashionMnistDir = "/usr/share/datasets/fashion-mnist";

namespace {

// gzread reads gzip and plain files alike.
class IdxFile {
public:
    explicit IdxFile(const std::string& path) : path_(path), gz_(gzopen(path.c_str(), "rb")) {
        if (!gz_) throw FileError(path, "cannot open the IDX file");
    }
    ~IdxFile() { gzclose(gz_); }
    IdxFile(const IdxFile&) = delete;
    IdxFile& operator=(const IdxFile&) = delete;

    void read(void* dst, size_t n, const char* what) {
        int got = gzread(gz_, dst, static_cast<unsigned>(n));
        if (got < 0 || static_cast<size_t>(got) != n) throw truncated(n, got < 0 ? 0 : size_t(got), what);
    }
    // `n` bytes read in chunks: a header that claims more than the file holds fails at
    // the file's end, having allocated only what was there.
    std::vector<uint8_t> readBytes(uint64_t n, const char* what) {
        constexpr uint64_t kChunk = 1u << 24;
        std::vector<uint8_t> out;
        while (out.size() < n) {
            const size_t at = out.size(), want = size_t(std::min<uint64_t>(kChunk, n - at));
            out.resize(at + want);
            int got = gzread(gz_, out.data() + at, static_cast<unsigned>(want));
            if (got < 0 || size_t(got) != want) throw truncated(n, at + (got < 0 ? 0 : size_t(got)), what);
        }
        return out;
    }
    FileError truncated(uint64_t expected, uint64_t got, const char* what) const {
        return FileError(path_, "truncated IDX file: expected " + std::to_string(expected) + " bytes of " + what +
                                    ", got " + std::to_string(got));
    }
    // Header: two zero bytes, type 0x08 (ubyte), number of dimensions, then big-endian sizes.
    std::vector<int64_t> readHeader(int expectedDims) {
        unsigned char magic[4];
        read(magic, 4, "the header");
        if (magic[0] != 0 || magic[1] != 0 || magic[2] != 0x08)
            throw FileError(path_, "not an unsigned-byte IDX file (bad magic number)");
        if (magic[3] != expectedDims)
            throw FileError(path_, "expected an IDX file with " + std::to_string(expectedDims) + " dimensions, found " +
                                       std::to_string(magic[3]));
        std::vector<int64_t> dims;
        for (int i = 0; i < expectedDims; ++i) {
            unsigned char b[4];
            read(b, 4, "the header");
            dims.push_back((int64_t(b[0]) << 24) | (int64_t(b[1]) << 16) | (int64_t(b[2]) << 8) | int64_t(b[3]));
        }
        return dims;
    }
    void expectEnd() {
        char extra;
        if (gzread(gz_, &extra, 1) > 0) throw FileError(path_, "IDX file is longer than its header says");
    }

private:
    std::string path_;
    gzFile gz_;
};

}  // namespace

IdxDataset::IdxDataset(const std::string& imagesPath, const std::string& labelsPath, std::vector<std::string> classNames) {
    IdxFile imgFile(imagesPath);
    auto dims = imgFile.readHeader(3);
    if (dims[1] <= 0 || dims[2] <= 0 || dims[1] > 4096 || dims[2] > 4096)
        throw FileError(imagesPath, "implausible image size in the IDX header");
    std::vector<uint8_t> pixels = imgFile.readBytes(uint64_t(dims[0] * dims[1] * dims[2]), "pixels");
    imgFile.expectEnd();
    images_ = torch::from_blob(pixels.data(), {dims[0], dims[1], dims[2], 1}, torch::kUInt8).clone();

    IdxFile lblFile(labelsPath);
    auto ldims = lblFile.readHeader(1);
    if (ldims[0] != dims[0])
        throw FileError(labelsPath, "holds " + std::to_string(ldims[0]) + " labels but " + imagesPath + " holds " +
                                        std::to_string(dims[0]) + " images");
    std::vector<uint8_t> labelBytes = lblFile.readBytes(uint64_t(ldims[0]), "labels");
    lblFile.expectEnd();
    auto raw = torch::from_blob(labelBytes.data(), {ldims[0]}, torch::kUInt8).clone();
    labels_ = raw.to(torch::kInt64);
    labelPtr_ = labels_.data_ptr<int64_t>();

    int64_t numClasses = labels_.numel() ? labels_.max().item<int64_t>() + 1 : 0;
    if (classNames.empty()) {
        for (int64_t c = 0; c < numClasses; ++c) classNames.push_back(std::to_string(c));
    } else if (static_cast<int64_t>(classNames.size()) < numClasses) {
        throw FileError(labelsPath, "has label " + std::to_string(numClasses - 1) + " but only " +
                                        std::to_string(classNames.size()) + " class names are known");
    }
    classes_ = std::move(classNames);

    report_.path = imagesPath;
    report_.format = "idx";
    report_.classes = classes_;
    report_.per_class.assign(classes_.size(), 0);
    for (int64_t i = 0; i < labels_.numel(); ++i) report_.per_class[labelPtr_[i]]++;

    uint64_t h = fnv1a64(raw.data_ptr(), raw.numel());
    h = fnv1a64(images_.data_ptr(), images_.numel(), h);
    fingerprint_ = "idx:" + std::to_string(dims[0]) + "x" + std::to_string(dims[1]) + "x" + std::to_string(dims[2]) +
                   ":" + hex64(h);
}

bool findIdxSplit(const std::string& dir, const std::string& split, std::string& images, std::string& labels) {
    namespace fs = std::filesystem;
    for (const char* ext : {"", ".gz"}) {
        fs::path img = fs::path(dir) / (split + "-images-idx3-ubyte" + ext);
        fs::path lbl = fs::path(dir) / (split + "-labels-idx1-ubyte" + ext);
        if (fs::exists(img) && fs::exists(lbl)) {
            images = img.string();
            labels = lbl.string();
            return true;
        }
    }
    return false;
}

}  // namespace ferkd
