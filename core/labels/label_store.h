#pragma once
// The soft-label store: one file per label set. Every image has the same number of
// crop records of one fixed size, so one image's crops are found in O(1) and read from
// a memory map. Layout (little endian):
//   "FKDLABL1" | u64 header length | header JSON | zero pad to 64 |
//   records [images][crops][record] | u64 FNV-1a checksum of the records | "FKDLEND1"
// A record: box x, y, w, h as u16 shares of 65535 | u16 flags (bit 0: flip) |
//   k fp16 probabilities | k u16 classes   (Full: K fp16 probabilities, no classes)
#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "labels/soft_label.h"

namespace ferkd {

// Everything that defines a label set; stored as the file's header.
struct LabelSetInfo {
    int version = 1;
    std::string dataset_fingerprint;
    int64_t num_images = 0;
    int crops_per_image = 0;
    int num_classes = 0;
    LabelType type = LabelType::MarginalSmoothing;
    int topk = 5;
    double temperature = 1.0;
    std::string teacher;        // what labelled it (a run, a TorchScript file)
    nlohmann::json generation;  // every generation setting (scale, ratio, seed, input size, ...)

    // Probabilities per record: k, K or 1.
    int valuesPerCrop() const;
    size_t recordBytes() const;
    nlohmann::json toJson() const;
    static LabelSetInfo fromJson(const nlohmann::json& j, const std::string& path);
};

// Writes a label set image by image into a file of its final size, so an interrupted
// generation continues where it stopped: the images done are counted in a small
// sidecar file (<path>.progress) written after each flush. finish() adds the checksum.
class LabelStoreWriter {
public:
    // Starts a new file, or continues `path`'s unfinished one when its header matches.
    LabelStoreWriter(const std::string& path, const LabelSetInfo& info);
    ~LabelStoreWriter();
    LabelStoreWriter(const LabelStoreWriter&) = delete;
    LabelStoreWriter& operator=(const LabelStoreWriter&) = delete;

    // Removes what an unfinished generation into `path` left (its partial file and
    // progress), so the next writer starts afresh instead of continuing it.
    static void discardUnfinished(const std::string& path);

    // The finished file's size for `info`: framing, header and every record.
    static uint64_t fileBytesFor(const LabelSetInfo& info);

    int64_t imagesDone() const { return done_; }
    // Writes image `image`'s crops (exactly crops_per_image of them); images must come in order.
    void writeImage(int64_t image, const std::vector<CropLabel>& crops);
    void flush();   // makes the images written so far survive a crash
    void finish();  // checksum, end marker, rename into place

private:
    std::string path_, partial_;
    LabelSetInfo info_;
    uint64_t dataOffset_ = 0;
    int64_t done_ = 0;
    int fd_ = -1;
    std::vector<unsigned char> buffer_;
    int64_t bufferFirst_ = 0;
};

// Reads a finished label set from a memory map.
class LabelStore {
public:
    // Checks magic, version, size, end marker; with `verifyChecksum` every byte too.
    explicit LabelStore(const std::string& path, bool verifyChecksum = false);

    const LabelSetInfo& info() const { return info_; }
    const std::string& path() const { return path_; }
    // Throws FileError unless the store was made for the data set with this fingerprint,
    // or for a data set whose first numImages images these are (a train_limit subset).
    void requireDataset(const std::string& fingerprint, int64_t numImages) const;

    CropLabel crop(int64_t image, int crop) const;
    std::vector<CropLabel> image(int64_t image) const;
    // The same into buffers that keep their capacity from call to call: a reader of
    // many images (the trainer, `bench store`) allocates nothing per crop.
    void readCrop(int64_t image, int crop, CropLabel& out) const;
    void readImage(int64_t image, std::vector<CropLabel>& out) const;
    uint64_t fileBytes() const { return fileBytes_; }

private:
    const unsigned char* record(int64_t image, int crop) const;
    void decodeRecord(const unsigned char* record, CropLabel& out) const;

    std::string path_;
    std::shared_ptr<void> mapping_;
    const unsigned char* data_ = nullptr;
    uint64_t fileBytes_ = 0;
    LabelSetInfo info_;
    size_t recordBytes_ = 0;  // info_'s, kept: the per-crop read path asks for them
    int valuesPerCrop_ = 0;
};

}  // namespace ferkd
