#include "test_support.h"

#include "data/dataset.h"
#include "labels/label_store.h"

#include <QProcess>
#include <csignal>
#include <sqlite3.h>
#include <sys/resource.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace ferkd::test {

namespace {
void put32(std::vector<unsigned char>& out, uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<unsigned char>(v >> s));
}
void writeMaybeGz(const std::string& path, const std::vector<unsigned char>& bytes, bool gz) {
    if (gz) {
        gzFile f = gzopen((path + ".gz").c_str(), "wb");
        gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
        gzclose(f);
    } else {
        std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    }
}
}  // namespace

void writeIdxPair(const std::string& dir, const std::string& split, int count, int classes, bool gz) {
    std::vector<unsigned char> images = {0, 0, 8, 3}, labels = {0, 0, 8, 1};
    put32(images, count);
    put32(images, 28);
    put32(images, 28);
    put32(labels, count);
    for (int i = 0; i < count; ++i) {
        int label = i % classes;
        labels.push_back(static_cast<unsigned char>(label));
        // A bright horizontal band whose position is the label, on noise that says
        // nothing about the label.
        uint32_t state = 2654435761u * static_cast<uint32_t>(i + 1);
        for (int y = 0; y < 28; ++y)
            for (int x = 0; x < 28; ++x) {
                state = state * 1664525u + 1013904223u;
                bool band = y / (28 / classes) == label;
                int noise = static_cast<int>((state >> 24) % 48);
                images.push_back(static_cast<unsigned char>(band ? 180 + noise : noise));
            }
    }
    writeMaybeGz(dir + "/" + split + "-images-idx3-ubyte", images, gz);
    writeMaybeGz(dir + "/" + split + "-labels-idx1-ubyte", labels, gz);
}

std::string writeIdxDataSet(const std::string& dir, int train, int test) {
    std::filesystem::create_directories(dir);
    writeIdxPair(dir, "train", train, 4, false);
    writeIdxPair(dir, "t10k", test, 4, false);
    return dir;
}

RunConfig smallRunConfig(const std::string& dataPath) {
    RunConfig c;
    c.name = "test-run";
    c.data.path = dataPath;
    c.data.input_size = 28;
    c.data.train_limit = 512;
    c.data.test_limit = 256;
    c.model.arch = "resnet10_small";
    c.augment.crop = "pad";
    c.optim.lr = 0.003;
    c.schedule.epochs = 2;
    c.schedule.batch_size = 64;
    c.schedule.warmup_epochs = 0.5;
    c.runtime.threads = 1;
    c.runtime.log_every = 2;
    c.seed = 7;
    return c;
}

std::string writeHandLabelStore(const std::string& path, const Dataset& data, const std::vector<float>& pTrue) {
    return writeHandLabelStore(path, data, [&](int64_t) { return pTrue; });
}

std::string writeHandLabelStore(const std::string& path, const Dataset& data,
                                const std::function<std::vector<float>(int64_t image)>& pTrueOf) {
    LabelSetInfo info;
    info.dataset_fingerprint = data.fingerprint();
    info.num_images = data.size();
    info.crops_per_image = int(pTrueOf(0).size());
    info.num_classes = data.numClasses();
    info.topk = 2;
    info.teacher = "hand-made";
    LabelStoreWriter w(path, info);
    for (int64_t i = 0; i < data.size(); ++i) {
        std::vector<CropLabel> crops;
        const std::vector<float> pTrue = pTrueOf(i);
        const int y = int(data.label(i)), other = (y + 1) % data.numClasses();
        for (size_t c = 0; c < pTrue.size(); ++c)
            crops.push_back({CropBox{0.1f * float(c), 0.1f, 0.5f, 0.5f, false}, {pTrue[c], 1 - pTrue[c]}, {y, other}});
        w.writeImage(i, crops);
    }
    w.finish();
    return path;
}

QString makeLabelledWorkspace(const QString& ws, const QString& data, int crops) {
    FerkdResult r = runFerkd({"--workspace", ws, "train", "--data", data, "--arch", "resnet10_small", "--epochs", "1",
                              "--batch-size", "64", "--threads", "1", "--name", "teacher"});
    if (r.code != 0) return r.err + r.out;
    r = runFerkd({"--workspace", ws, "labels", "generate", "--teacher", "teacher", "--data", data, "--out",
                  ws + "/crops.fkdl", "--crops", QString::number(crops), "--threads", "1"});
    return r.code == 0 ? QString() : r.err + r.out;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeFile(const std::string& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
}

FerkdResult runFerkd(const QStringList& args, const QString& fault, unsigned long long fileSizeLimit) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("FERKD_FAULT");
    if (!fault.isEmpty()) env.insert("FERKD_FAULT", fault);
    p.setProcessEnvironment(env);
    if (fileSizeLimit > 0)
        p.setChildProcessModifier([fileSizeLimit] {
            ::signal(SIGXFSZ, SIG_IGN);
            struct rlimit limit{rlim_t(fileSizeLimit), rlim_t(fileSizeLimit)};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    p.start(QString(FERKD_BIN_DIR) + "/ferkd", args);
    if (!p.waitForFinished(300000)) {
        p.kill();
        p.waitForFinished();
    }
    const bool crashed = p.exitStatus() == QProcess::CrashExit;
    return {crashed ? -1 : p.exitCode(), crashed, p.readAllStandardOutput(), p.readAllStandardError()};
}

std::string sqliteIntegrity(const std::string& dbPath) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(dbPath.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return "cannot open " + dbPath;
    }
    sqlite3_stmt* check = nullptr;
    std::string result = "cannot run the check";
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &check, nullptr) == SQLITE_OK &&
        sqlite3_step(check) == SQLITE_ROW)
        result = reinterpret_cast<const char*>(sqlite3_column_text(check, 0));
    sqlite3_finalize(check);
    sqlite3_close(db);
    return result;
}

}  // namespace ferkd::test
