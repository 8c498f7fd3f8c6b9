#pragma once
// Helpers shared by the tests: temporary folders, small generated data sets.
#include <QStringList>
#include <QTemporaryDir>
#include <functional>
#include <string>
#include <vector>

#include "config/run_config.h"

namespace ferkd {
class Dataset;
}

namespace ferkd::test {

// Writes an IDX pair (images idx3, labels idx1) with `count` 28x28 images whose
// pixels encode their label, so a tiny model can learn them. gzip when `gz`.
void writeIdxPair(const std::string& dir, const std::string& split, int count, int classes, bool gz);
// A data set folder `dir` (created) with `train` training and `test` test images of 4
// classes, as writeIdxPair makes them. Returns `dir`.
std::string writeIdxDataSet(const std::string& dir, int train, int test);

// A small config training on the first images of Fashion-MNIST (or `dataPath`),
// one thread, quick enough for a test.
RunConfig smallRunConfig(const std::string& dataPath = "fashion-mnist");

// A label store for `data` whose every image has one crop per entry of `pTrue`, the
// teacher giving the true class that probability (the rest to the next class, top-2);
// crop c's box starts at x = 0.1 * c. Returns `path`.
std::string writeHandLabelStore(const std::string& path, const Dataset& data, const std::vector<float>& pTrue);
// The same with each image's own probabilities (every image the same number of crops).
std::string writeHandLabelStore(const std::string& path, const Dataset& data,
                                const std::function<std::vector<float>(int64_t image)>& pTrue);

// The `ferkd` binary as a user runs it. `code` is the exit code (-1 when it died on a
// signal, then `crashed`). FERKD_FAULT is set to `fault` (none when empty; see
// core/util/fault_injection.h); with `fileSizeLimit` > 0 the child runs under
// RLIMIT_FSIZE at that many bytes with SIGXFSZ ignored, so writes past it fail with
// EFBIG as on a full disk.
struct FerkdResult {
    int code = -1;
    bool crashed = false;
    QString out, err;
};
FerkdResult runFerkd(const QStringList& args, const QString& fault = {}, unsigned long long fileSizeLimit = 0);

// Workspace `ws` with a run "teacher" (resnet10_small, one epoch on `data`) and the label
// set it generated, `crops` crops per image, at <ws>/crops.fkdl: as a user makes them.
// Empty on success, else the failed command's output.
QString makeLabelledWorkspace(const QString& ws, const QString& data, int crops);

// What SQLite's PRAGMA integrity_check says of a database ("ok" when intact).
std::string sqliteIntegrity(const std::string& dbPath);

std::string readFile(const std::string& path);
void writeFile(const std::string& path, const std::string& content);

}  // namespace ferkd::test
