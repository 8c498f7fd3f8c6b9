// TorchScript teachers written by Python's torch.jit.trace: a good one gives Python's
// logits and labels a data set; malformed files give clear errors, never a crash.
#include <QProcess>
#include <QtTest>
#include <filesystem>
#include <fstream>

#include "data/idx_dataset.h"
#include "labels/label_generator.h"
#include "labels/teacher.h"
#include "test_suites.h"
#include "test_support.h"
#include "util/error.h"

using namespace ferkd;

class TestTorchScript : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string d_;

    TorchScriptTeacherSpec spec(const std::string& file) const {
        TorchScriptTeacherSpec s;
        s.path = d_ + "/" + file;
        s.input_size = 28;
        s.normalize = "dataset";
        s.num_classes = 4;
        s.in_chans = 1;
        return s;
    }
    QString errorOf(const std::string& file) const {
        try {
            loadTorchScriptTeacher(spec(file), torch::kCPU);
        } catch (const FileError& e) {
            return QString::fromStdString(e.what());
        }
        return {};
    }

private slots:
    void initTestCase() {
        d_ = dir_.path().toStdString();
        // Debian's python3-torch (installed by scripts/install-deps.sh) is the real client.
        QProcess py;
        py.start("/usr/bin/python3", {QString(FERKD_TEST_DATA_DIR) + "/python/make_torchscript_teachers.py", dir_.path()});
        QVERIFY(py.waitForFinished(120000));
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        std::string good = test::readFile(d_ + "/good.pt");
        test::writeFile(d_ + "/truncated.pt", good.substr(0, good.size() / 2));
        test::writeFile(d_ + "/empty.pt", "");
        std::string noise(4096, '\0');
        for (size_t i = 0; i < noise.size(); ++i) noise[i] = char((i * 2654435761u) >> 13);
        test::writeFile(d_ + "/random.pt", noise);
    }

    void goodTeacherGivesPythonsLogits() {
        Teacher t = loadTorchScriptTeacher(spec("good.pt"), torch::kCPU);
        auto input = torch::empty({3, 1, 28, 28});
        auto expected = torch::empty({3, 4});
        std::ifstream(d_ + "/input.bin", std::ios::binary).read(reinterpret_cast<char*>(input.data_ptr()), input.nbytes());
        std::ifstream(d_ + "/output.bin", std::ios::binary)
            .read(reinterpret_cast<char*>(expected.data_ptr()), expected.nbytes());
        auto got = t.forward(input);
        QVERIFY2(torch::allclose(got, expected, 1e-5, 1e-5),
                 std::to_string((got - expected).abs().max().item<float>()).c_str());
    }

    void goodTeacherLabelsADataSet() {
        test::writeIdxPair(d_, "train", 12, 4, false);
        std::string img, lbl;
        QVERIFY(findIdxSplit(d_, "train", img, lbl));
        IdxDataset data(img, lbl);
        Teacher t = loadTorchScriptTeacher(spec("good.pt"), torch::kCPU);
        LabelGenerationOptions g;
        g.crops_per_image = 5;
        g.topk = 2;
        QVERIFY(generateLabels(data, t, g, d_ + "/ts.fkdl"));
        LabelStore store(d_ + "/ts.fkdl", true);
        QCOMPARE(store.info().teacher, "TorchScript " + d_ + "/good.pt");
        QCOMPARE(int(store.crop(11, 4).probs.size()), 2);
    }

    void malformedFilesAreClearErrors_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero bytes") << "empty.pt" << "empty file";
        QTest::newRow("truncated") << "truncated.pt" << "not a loadable TorchScript model";
        QTest::newRow("random bytes") << "random.pt" << "not a loadable TorchScript model";
        QTest::newRow("state_dict") << "state_dict.pt" << "not a loadable TorchScript model";
        QTest::newRow("wrong output") << "wrong_shape.pt" << "[2x3]";
        QTest::newRow("missing") << "nope.pt" << "does not exist";
    }
    void malformedFilesAreClearErrors() {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QString msg = errorOf(file.toStdString());
        QVERIFY2(msg.contains(file) && msg.contains(expected), qPrintable(msg));
    }
};

FERKD_TEST_SUITE("torchscript", TestTorchScript)
#include "moc_test_torchscript.cpp"
