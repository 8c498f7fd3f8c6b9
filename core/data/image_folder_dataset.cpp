#include "data/image_folder_dataset.h"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "data/image_file_check.h"
#include "imaging/image_decode.h"
#include "util/error.h"
#include "util/hash.h"

namespace ferkd {

namespace fs = std::filesystem;

ImageFolderDataset::ImageFolderDataset(const std::string& root, bool decodeAll) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) throw FileError(root, "not a folder; expected root/<class>/<image>");
    for (const auto& entry : fs::directory_iterator(root)) {
        if (entry.is_directory()) classes_.push_back(entry.path().filename().string());
    }
    std::sort(classes_.begin(), classes_.end());
    if (classes_.empty()) throw FileError(root, "has no class folders; expected root/<class>/<image>");

    report_.path = root;
    report_.format = "folder";
    report_.classes = classes_;
    report_.per_class.assign(classes_.size(), 0);
    uint64_t h = fnv1a64(root.data(), 0);
    for (size_t c = 0; c < classes_.size(); ++c) {
        std::vector<std::string> found;
        for (const auto& entry : fs::recursive_directory_iterator(fs::path(root) / classes_[c])) {
            const std::string path = entry.path().string();
            if (!isImageExtension(path)) continue;
            if (entry.is_regular_file(ec)) {
                found.push_back(path);
            } else if (!entry.is_directory(ec)) {  // never opened: reading a named pipe would block
                const bool dangling = entry.is_symlink(ec) && !fs::exists(entry.path(), ec);
                report_.problems.push_back({path, dangling             ? "a link to a file that does not exist"
                                                  : entry.is_fifo(ec) ? "a named pipe (FIFO), not an image file"
                                                                      : "not a regular file (a device or socket)"});
            }
        }
        std::sort(found.begin(), found.end());
        for (const auto& f : found) {
            auto problem = checkImageFile(f);
            if (!problem && decodeAll) {
                try {
                    decodeImageRgb8(f);
                } catch (const Error& e) {
                    problem = "cannot decode the image";
                }
            }
            if (problem) {
                report_.problems.push_back({f, *problem});
                continue;
            }
            std::string rel = fs::relative(f, root).string();
            h = fnv1a64(rel.data(), rel.size(), h);
            uintmax_t bytes = fs::file_size(f, ec);
            h = fnv1a64(&bytes, sizeof bytes, h);
            files_.push_back(f);
            labels_.push_back(static_cast<int64_t>(c));
            report_.per_class[c]++;
        }
    }
    if (files_.empty()) throw FileError(root, "holds no readable images (JPEG, PNG, BMP or WebP)");
    fingerprint_ = "folder:" + std::to_string(files_.size()) + ":" + hex64(h);
    readBoxes();
    if (decodeAll)
        for (int64_t i = 0; i < size(); ++i)
            if (boxes_[i]) image(i);  // checks the box against the decoded size
}

void ImageFolderDataset::readBoxes() {
    boxes_.assign(files_.size(), std::nullopt);
    const fs::path csv = fs::path(report_.path) / "boxes.csv";
    if (!fs::exists(csv)) return;
    boxesPath_ = csv.string();
    std::unordered_map<std::string, int64_t> byName;
    for (int64_t i = 0; i < size(); ++i) byName.emplace(name(i), i);
    for (BoxLine& b : readObjectBoxesCsv(boxesPath_)) {
        const auto it = byName.find(b.file);
        if (it == byName.end())
            throw FileError(boxesPath_, "line " + std::to_string(b.line) + ": " + b.file +
                                            " is not a readable image of the folder (expected <class>/<file>)");
        boxes_[it->second] = std::move(b);
    }
}

std::optional<ObjectBox> ImageFolderDataset::objectBox(int64_t i) const {
    const auto& b = boxes_.at(i);
    if (!b) return std::nullopt;
    return b->box;
}

torch::Tensor ImageFolderDataset::image(int64_t i) const {
    torch::Tensor img = decodeImageRgb8(files_.at(i));
    if (boxes_.at(i)) checkBoxInsideImage(*boxes_[i], img.size(1), img.size(0), boxesPath_);
    return img;
}

// Lexical, no file system calls: a scan of 1M names for the crop browser's search stays fast.
std::string ImageFolderDataset::name(int64_t i) const {
    return fs::path(files_.at(i)).lexically_relative(report_.path).string();
}

}  // namespace ferkd
