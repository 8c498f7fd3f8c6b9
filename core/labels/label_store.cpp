#include "labels/label_store.h"

#include <c10/util/Half.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "util/atomic_file.h"
#include "util/framed_file.h"
#include "util/error.h"
#include "util/half_float.h"
#include "util/hash.h"

namespace ferkd {
namespace fs = std::filesystem;

namespace {

constexpr char kLabelSetMagic[8] = {'F', 'K', 'D', 'L', 'A', 'B', 'L', '1'};
constexpr char kLabelSetEnd[8] = {'F', 'K', 'D', 'L', 'E', 'N', 'D', '1'};
constexpr int kLabelSetVersion = 1;
constexpr size_t kBoxBytes = 10;  // 4 x u16 box + u16 flags

uint16_t toShare(float v) { return static_cast<uint16_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 65535.0f)); }
float fromShare(uint16_t v) { return float(v) / 65535.0f; }

template <class T>
void put(unsigned char*& p, T v) {
    std::memcpy(p, &v, sizeof v);
    p += sizeof v;
}
template <class T>
T get(const unsigned char*& p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    p += sizeof v;
    return v;
}

void writeAll(int fd, const void* data, size_t n, uint64_t offset, const std::string& path) {
    const auto* p = static_cast<const char*>(data);
    while (n > 0) {
        ssize_t w = ::pwrite(fd, p, n, static_cast<off_t>(offset));
        if (w < 0) {
            if (errno == EINTR) continue;
            throw FileError(path, std::string("write failed: ") + std::strerror(errno));
        }
        p += w;
        n -= static_cast<size_t>(w);
        offset += static_cast<uint64_t>(w);
    }
}

}  // namespace

const char* labelTypeName(LabelType type) {
    switch (type) {
    case LabelType::Hard: return "hard";
    case LabelType::MarginalSmoothing: return "marginal_smoothing";
    case LabelType::Full: return "full";
    }
    return "marginal_smoothing";
}

LabelType labelTypeFromName(const std::string& name) {
    if (name == "hard") return LabelType::Hard;
    if (name == "marginal_smoothing") return LabelType::MarginalSmoothing;
    if (name == "full") return LabelType::Full;
    throw ConfigError("labels.type", "'" + name + "' is not a label type; expected hard, marginal_smoothing or full");
}

int LabelSetInfo::valuesPerCrop() const {
    switch (type) {
    case LabelType::Hard: return 1;
    case LabelType::MarginalSmoothing: return topk;
    case LabelType::Full: return num_classes;
    }
    return topk;
}

size_t LabelSetInfo::recordBytes() const {
    const size_t k = static_cast<size_t>(valuesPerCrop());
    return kBoxBytes + 2 * k + (type == LabelType::Full ? 0 : 2 * k);
}

nlohmann::json LabelSetInfo::toJson() const {
    return {{"version", version},         {"dataset_fingerprint", dataset_fingerprint},
            {"num_images", num_images},   {"crops_per_image", crops_per_image},
            {"num_classes", num_classes}, {"type", labelTypeName(type)},
            {"topk", topk},               {"temperature", temperature},
            {"teacher", teacher},         {"generation", generation}};
}

LabelSetInfo LabelSetInfo::fromJson(const nlohmann::json& j, const std::string& path) {
    LabelSetInfo info;
    try {
        info.version = j.at("version");
        if (info.version != kLabelSetVersion)
            throw FileError(path, "label store version " + std::to_string(info.version) + " is not supported (expected " +
                                      std::to_string(kLabelSetVersion) + ")");
        info.dataset_fingerprint = j.at("dataset_fingerprint");
        info.num_images = j.at("num_images");
        info.crops_per_image = j.at("crops_per_image");
        info.num_classes = j.at("num_classes");
        info.type = labelTypeFromName(j.at("type"));
        info.topk = j.at("topk");
        info.temperature = j.at("temperature");
        info.teacher = j.at("teacher");
        info.generation = j.value("generation", nlohmann::json::object());
    } catch (const nlohmann::json::exception& e) {
        throw FileError(path, std::string("damaged label store header: ") + e.what());
    }
    if (info.num_images < 0 || info.crops_per_image <= 0 || info.num_classes <= 0 || info.num_classes > 65535 ||
        info.topk <= 0 || info.topk > info.num_classes)
        throw FileError(path, "damaged label store header: sizes out of range");
    return info;
}

// ---------------------------------------------------------------- writer

void LabelStoreWriter::discardUnfinished(const std::string& path) {
    std::error_code ec;
    fs::remove(path + ".partial", ec);
    fs::remove(path + ".progress", ec);
}

uint64_t LabelStoreWriter::fileBytesFor(const LabelSetInfo& info) {
    const uint64_t records = uint64_t(info.num_images) * uint64_t(info.crops_per_image);
    return framedHeaderBytes(kLabelSetMagic, info.toJson()).size() + records * info.recordBytes() + 2 * sizeof(uint64_t);
}

LabelStoreWriter::LabelStoreWriter(const std::string& path, const LabelSetInfo& info)
    : path_(path), partial_(path + ".partial"), info_(info) {
    if (info_.num_classes > 65535) throw Error("label stores hold at most 65535 classes");
    const std::string header = framedHeaderBytes(kLabelSetMagic, info_.toJson());
    dataOffset_ = header.size();
    const uint64_t total = fileBytesFor(info_);
    const std::string progressPath = path_ + ".progress";

    // Continue an unfinished generation with the same header.
    if (fs::exists(partial_) && fs::exists(progressPath)) {
        std::ifstream in(partial_, std::ios::binary);
        std::string existing(header.size(), '\0');
        in.read(existing.data(), existing.size());
        std::ifstream prog(progressPath);
        int64_t done = -1;
        prog >> done;
        if (in && existing == header && done >= 0 && done <= info_.num_images && fs::file_size(partial_) == total)
            done_ = done;
    }
    fd_ = ::open(partial_.c_str(), O_RDWR | O_CREAT | (done_ > 0 ? 0 : O_TRUNC), 0644);
    if (fd_ < 0) throw FileError(partial_, std::string("cannot create: ") + std::strerror(errno));
    if (done_ == 0) {
        if (::ftruncate(fd_, static_cast<off_t>(total)) != 0)
            throw FileError(partial_, std::string("cannot size the file (disk full?): ") + std::strerror(errno));
        writeAll(fd_, header.data(), header.size(), 0, partial_);
    }
    bufferFirst_ = done_;
}

LabelStoreWriter::~LabelStoreWriter() {
    if (fd_ >= 0) ::close(fd_);
}

void LabelStoreWriter::writeImage(int64_t image, const std::vector<CropLabel>& crops) {
    if (image != done_ + int64_t(buffer_.size() / (info_.recordBytes() * info_.crops_per_image)))
        throw Error("label store: images must be written in order (expected " + std::to_string(done_) + ", got " +
                    std::to_string(image) + ")");
    if (static_cast<int>(crops.size()) != info_.crops_per_image)
        throw Error("label store: image " + std::to_string(image) + " has " + std::to_string(crops.size()) +
                    " crops, expected " + std::to_string(info_.crops_per_image));
    const size_t k = static_cast<size_t>(info_.valuesPerCrop());
    const size_t start = buffer_.size();
    buffer_.resize(start + crops.size() * info_.recordBytes());
    unsigned char* p = buffer_.data() + start;
    for (const CropLabel& c : crops) {
        if (c.probs.size() != k || (info_.type != LabelType::Full && c.classes.size() != k))
            throw Error("label store: a crop of image " + std::to_string(image) + " has " +
                        std::to_string(c.probs.size()) + " values, expected " + std::to_string(k));
        put(p, toShare(c.box.x));
        put(p, toShare(c.box.y));
        put(p, toShare(c.box.w));
        put(p, toShare(c.box.h));
        put(p, static_cast<uint16_t>(c.box.flip ? 1 : 0));
        for (float v : c.probs) put(p, c10::Half(v).x);
        if (info_.type != LabelType::Full)
            for (int32_t cls : c.classes) put(p, static_cast<uint16_t>(cls));
    }
}

void LabelStoreWriter::flush() {
    if (buffer_.empty()) return;
    const uint64_t perImage = uint64_t(info_.crops_per_image) * info_.recordBytes();
    writeAll(fd_, buffer_.data(), buffer_.size(), dataOffset_ + uint64_t(bufferFirst_) * perImage, partial_);
    if (::fsync(fd_) != 0) throw FileError(partial_, std::string("fsync failed: ") + std::strerror(errno));
    done_ = bufferFirst_ + int64_t(buffer_.size() / perImage);
    bufferFirst_ = done_;
    buffer_.clear();
    writeTextFileAtomically(path_ + ".progress", std::to_string(done_) + "\n");
}

void LabelStoreWriter::finish() {
    flush();
    if (done_ != info_.num_images)
        throw Error("label store " + path_ + ": only " + std::to_string(done_) + " of " +
                    std::to_string(info_.num_images) + " images written");
    const uint64_t dataBytes = uint64_t(info_.num_images) * info_.crops_per_image * info_.recordBytes();
    // The checksum reads the records back, so it covers what is on disk.
    uint64_t checksum = fnv1a64(nullptr, 0);
    std::vector<unsigned char> chunk(1 << 20);
    for (uint64_t at = 0; at < dataBytes; at += chunk.size()) {
        size_t n = static_cast<size_t>(std::min<uint64_t>(chunk.size(), dataBytes - at));
        if (::pread(fd_, chunk.data(), n, static_cast<off_t>(dataOffset_ + at)) != static_cast<ssize_t>(n))
            throw FileError(partial_, "cannot read back the records");
        checksum = fnv1a64(chunk.data(), n, checksum);
    }
    writeAll(fd_, &checksum, 8, dataOffset_ + dataBytes, partial_);
    writeAll(fd_, kLabelSetEnd, 8, dataOffset_ + dataBytes + 8, partial_);
    if (::fsync(fd_) != 0) throw FileError(partial_, std::string("fsync failed: ") + std::strerror(errno));
    ::close(fd_);
    fd_ = -1;
    fs::rename(partial_, path_);
    std::error_code ec;
    fs::remove(path_ + ".progress", ec);
}

// ---------------------------------------------------------------- reader

LabelStore::LabelStore(const std::string& path, bool verifyChecksum) : path_(path) {
    FramedFile file(path, kLabelSetMagic, "label store");
    info_ = LabelSetInfo::fromJson(file.header(), path);
    file.checkBody(uint64_t(info_.num_images) * info_.crops_per_image * info_.recordBytes(), kLabelSetEnd, verifyChecksum);
    fileBytes_ = file.fileBytes();
    data_ = file.body();
    mapping_ = file.mapping();
    recordBytes_ = info_.recordBytes();
    valuesPerCrop_ = info_.valuesPerCrop();
}

void LabelStore::requireDataset(const std::string& fingerprint, int64_t numImages) const {
    // The first N images of the data set (train_limit) are labelled by the same records.
    const bool prefix = numImages <= info_.num_images &&
                        fingerprint == info_.dataset_fingerprint + "/first" + std::to_string(numImages);
    if (!prefix && (info_.dataset_fingerprint != fingerprint || info_.num_images != numImages))
        throw FileError(path_, "was made for another data set (" + std::to_string(info_.num_images) +
                                   " images, fingerprint " + info_.dataset_fingerprint + "), not for this one (" +
                                   std::to_string(numImages) + " images, fingerprint " + fingerprint + ")");
}

const unsigned char* LabelStore::record(int64_t image, int crop) const {
    if (image < 0 || image >= info_.num_images || crop < 0 || crop >= info_.crops_per_image)
        throw Error("label store " + path_ + ": no crop " + std::to_string(crop) + " of image " + std::to_string(image));
    return data_ + (uint64_t(image) * info_.crops_per_image + uint64_t(crop)) * recordBytes_;
}

void LabelStore::decodeRecord(const unsigned char* p, CropLabel& c) const {
    c.box.x = fromShare(get<uint16_t>(p));
    c.box.y = fromShare(get<uint16_t>(p));
    c.box.w = fromShare(get<uint16_t>(p));
    c.box.h = fromShare(get<uint16_t>(p));
    c.box.flip = (get<uint16_t>(p) & 1) != 0;
    const size_t k = static_cast<size_t>(valuesPerCrop_);
    c.probs.resize(k);
    halfBitsToFloats(p, k, c.probs.data());
    p += 2 * k;
    if (info_.type != LabelType::Full) {
        c.classes.resize(k);
        for (size_t i = 0; i < k; ++i) c.classes[i] = get<uint16_t>(p);
    } else {
        c.classes.clear();
    }
}

void LabelStore::readCrop(int64_t image, int crop, CropLabel& c) const { decodeRecord(record(image, crop), c); }

CropLabel LabelStore::crop(int64_t image, int crop) const {
    CropLabel c;
    readCrop(image, crop, c);
    return c;
}

void LabelStore::readImage(int64_t image, std::vector<CropLabel>& out) const {
    const unsigned char* first = record(image, 0);
    // A random image's records are one span the hardware prefetcher has not seen coming:
    // asking for all its cache lines first overlaps their memory latencies instead of
    // stalling on each in turn while decoding.
    const size_t span = size_t(info_.crops_per_image) * recordBytes_;
    for (size_t at = 0; at < span; at += 64) __builtin_prefetch(first + at);
    out.resize(info_.crops_per_image);
    for (int c = 0; c < info_.crops_per_image; ++c) decodeRecord(first + size_t(c) * recordBytes_, out[c]);
}

std::vector<CropLabel> LabelStore::image(int64_t image) const {
    std::vector<CropLabel> out;
    readImage(image, out);
    return out;
}

}  // namespace ferkd
