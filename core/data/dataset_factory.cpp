#include "data/dataset_factory.h"

#include <filesystem>

#include "data/idx_dataset.h"
#include "data/packed_dataset.h"
#include "data/validation_split.h"
#include "util/error.h"
#ifdef FERKD_WITH_OPENCV
#include "data/image_folder_dataset.h"
#endif

namespace ferkd {
namespace fs = std::filesystem;

namespace {

std::shared_ptr<Dataset> openFolder(const std::string& path, bool decodeAll) {
#ifdef FERKD_WITH_OPENCV
    return std::make_shared<ImageFolderDataset>(path, decodeAll);
#else
    (void)decodeAll;
    throw FileError(path, "image folders need the imaging part, and this build has none (FERKD_WITH_OPENCV=OFF); "
                          "pack the data set with `ferkd dataset pack` on a machine that has it");
#endif
}

std::string detectFormat(const std::string& path) {
    std::string img, lbl;
    if (fs::is_regular_file(path)) {
        if (fs::path(path).extension() == ".fkpack") return "packed";
        throw FileError(path, "is a file; expected a data set folder or a .fkpack file");
    }
    if (!fs::is_directory(path)) throw FileError(path, "does not exist; expected a data set folder");
    if (fs::exists(fs::path(path) / "train.fkpack")) return "packed";
    if (findIdxSplit(path, "train", img, lbl) || findIdxSplit(path, "t10k", img, lbl)) return "idx";
    return "folder";
}

}  // namespace

std::string resolveDataPath(const std::string& path) {
    if (path == "fashion-mnist") return kFashionMnistDir;
    return path;
}

DataSplits openDataSplits(const std::string& pathIn, const std::string& formatIn, bool decodeAll) {
    const std::string path = resolveDataPath(pathIn);
    if (!fs::exists(path)) {
        if (pathIn == "fashion-mnist")
            throw FileError(path, "Fashion-MNIST is not installed; install Debian's dataset-fashion-mnist package");
        throw FileError(path, "does not exist; expected a data set folder or file");
    }
    const std::string format = formatIn == "auto" ? detectFormat(path) : formatIn;
    DataSplits splits;
    if (format == "idx") {
        std::vector<std::string> names;
        std::error_code ec;
        if (fs::equivalent(path, kFashionMnistDir, ec) || pathIn == "fashion-mnist" ||
            fs::path(path).filename().string().find("fashion") != std::string::npos)
            names = kFashionMnistClasses;
        std::string img, lbl;
        if (findIdxSplit(path, "train", img, lbl)) splits.train = std::make_shared<IdxDataset>(img, lbl, names);
        if (findIdxSplit(path, "t10k", img, lbl)) splits.test = std::make_shared<IdxDataset>(img, lbl, names);
        if (!splits.train && !splits.test)
            throw FileError(path, "holds no IDX files (expected train-images-idx3-ubyte[.gz] and labels)");
        if (!splits.train) std::swap(splits.train, splits.test);
    } else if (format == "packed") {
        if (fs::is_regular_file(path)) {
            splits.train = std::make_shared<PackedDataset>(path, decodeAll);
        } else {
            splits.train = std::make_shared<PackedDataset>((fs::path(path) / "train.fkpack").string(), decodeAll);
            auto test = fs::path(path) / "test.fkpack";
            if (fs::exists(test)) splits.test = std::make_shared<PackedDataset>(test.string(), decodeAll);
        }
    } else if (format == "folder") {
        auto sub = [&](const char* name) { return fs::path(path) / name; };
        if (fs::is_directory(sub("train"))) {
            splits.train = openFolder(sub("train").string(), decodeAll);
            for (const char* t : {"val", "test"})
                if (fs::is_directory(sub(t))) {
                    splits.test = openFolder(sub(t).string(), decodeAll);
                    break;
                }
        } else {
            splits.train = openFolder(path, decodeAll);
        }
    } else {
        throw ConfigError("data.format", "'" + format + "' is not a data set format; expected auto, idx, folder or packed");
    }
    if (splits.test && splits.test->classes() != splits.train->classes())
        throw FileError(path, "the test split's classes differ from the training split's");
    return splits;
}

DataSplits openRunData(const DataConfig& config) {
    DataSplits splits;
    try {
        splits = openDataSplits(config.path, config.format);
    } catch (const FileError& e) {
        throw ConfigError("data.path", e.what());
    }
    if (!config.test_path.empty()) {
        try {
            splits.test = openDataSplits(config.test_path, config.format).train;
        } catch (const FileError& e) {
            throw ConfigError("data.test_path", e.what());
        }
        if (splits.test->classes() != splits.train->classes())
            throw ConfigError("data.test_path", "its classes differ from those of data.path");
    }
    if (!splits.test)
        throw ConfigError("data.test_path", "'" + config.path + "' has no test split; give data.test_path");
    splits.train = limitDataset(splits.train, config.train_limit);
    splits.test = limitDataset(splits.test, config.test_limit);
    TrainValSplit split = splitForValidation(splits.train->size(), config.val_split, config.val_seed);
    splits.train_images = std::move(split.train);
    if (!split.val.empty())
        splits.val = subsetDataset(splits.train, std::move(split.val),
                                   "val" + std::to_string(config.val_split) + "s" + std::to_string(config.val_seed));
    return splits;
}

}  // namespace ferkd
