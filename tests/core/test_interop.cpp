// Interop with the PyTorch ecosystem, with Debian's python3-torch and
// python3-torchvision as the real client: state dicts both ways (torchvision's names,
// the same logits), safetensors bit for bit, pretrained import with a new head, resized
// ViT position embeddings and the DDP prefix, and bad files refused with nothing loaded.
#include <QProcess>
#include <QtTest>

#include "interop/model_export.h"
#include "interop/safetensors.h"
#include "interop/weight_import.h"
#include "interop/weights_file.h"
#include "models/classifier.h"
#include "models/model_registry.h"
#include "test_suites.h"
#include "test_support.h"
#include "util/error.h"

using namespace ferkd;

namespace {

QString runPython(const QStringList& args) {
    QProcess py;
    py.start("/usr/bin/python3", QStringList{QString(FERKD_TEST_DATA_DIR) + "/python/interop_peer.py"} + args);
    if (!py.waitForFinished(180000)) return "timeout";
    const QString out = QString::fromUtf8(py.readAllStandardOutput());
    if (py.exitCode() != 0) return "failed: " + QString::fromUtf8(py.readAllStandardError());
    return out;
}

std::shared_ptr<Classifier> model(const std::string& arch, int classes, int size, uint64_t seed) {
    torch::manual_seed(seed);
    ModelSpec spec;
    spec.num_classes = classes;
    spec.input_size = size;
    auto m = createModel(arch, spec);
    torch::NoGradGuard noGrad;
    for (auto& b : m->named_buffers()) {  // BN statistics that differ from their defaults
        if (b.key().find("running_mean") != std::string::npos) b.value().normal_(0, 0.1);
        if (b.key().find("running_var") != std::string::npos) b.value().uniform_(0.5, 1.5);
    }
    m->eval();
    return m;
}

torch::Tensor logits(Classifier& m, const torch::Tensor& x) {
    torch::NoGradGuard noGrad;
    return m.forward(x);
}

bool sameTensors(const StateDict& a, const StateDict& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a.entries[i].first != b.entries[i].first || a.entries[i].second.scalar_type() != b.entries[i].second.scalar_type() ||
            !torch::equal(a.entries[i].second, b.entries[i].second))
            return false;
    return true;
}

StateDict sorted(StateDict sd) {
    std::sort(sd.entries.begin(), sd.entries.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    return sd;
}

}  // namespace

class TestInterop : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string d_;

private slots:
    void initTestCase() {
        d_ = dir_.path().toStdString();
        const QString made = runPython({"make-torchvision", dir_.path()});
        QVERIFY2(!made.startsWith("failed") && made != "timeout", qPrintable(made));
    }

    // The app's ResNet-18 -> torch.save state dict -> torchvision, strict, same logits.
    void exportedResNetLoadsIntoTorchvision() {
        auto m = model("resnet18", 1000, 224, 1);
        torch::manual_seed(2);
        auto x = torch::randn({2, 3, 64, 64});
        StateDict io;
        io.add("input", x);
        io.add("logits", logits(*m, x));
        writeWeightsFile(d_ + "/app_r18.pt", stateDictOf(*m), WeightsFormat::StateDict);
        writeWeightsFile(d_ + "/app_io.pt", io, WeightsFormat::StateDict);
        const QString out = runPython({"check-export", QString::fromStdString(d_ + "/app_r18.pt"),
                                       QString::fromStdString(d_ + "/app_io.pt")});
        QVERIFY2(out.startsWith("max_abs_diff="), qPrintable(out));
        const double diff = out.mid(13).trimmed().toDouble();
        QVERIFY2(diff < 1e-4, qPrintable(out));
        qInfo("app -> torchvision ResNet-18: max |logit difference| %.3g", diff);
    }

    // torch.save(torchvision_model.state_dict()) (an OrderedDict with _metadata) -> the app.
    void torchvisionWeightsLoadIntoTheApp() {
        auto m = model("resnet18", 1000, 224, 3);
        ImportReport r = importWeights(*m, readWeightsFile(d_ + "/resnet18.pt"));
        QVERIFY2(r.clean(), r.summary().c_str());
        QCOMPARE(r.loaded, int64_t(122));
        StateDict io = readWeightsFile(d_ + "/io.pt");
        const double diff = (logits(*m, *io.find("input")) - *io.find("logits")).abs().max().item<double>();
        QVERIFY2(diff < 1e-4, std::to_string(diff).c_str());
        qInfo("torchvision -> app ResNet-18: max |logit difference| %.3g", diff);

        // A DDP checkpoint: nested under "state_dict", every name prefixed with "module.".
        auto ddp = model("resnet18", 1000, 224, 4);
        ImportReport rd = importWeights(*ddp, readWeightsFile(d_ + "/resnet18_ddp.pt"));
        QCOMPARE(rd.stripped_prefix, std::string("module."));
        QVERIFY(torch::equal(logits(*ddp, *io.find("input")), logits(*m, *io.find("input"))));
    }

    // Finetuning to another class count: everything but the head loads, the head stays fresh.
    void newHeadForAnotherClassCount() {
        auto m = model("resnet18", 10, 224, 5);
        const auto freshHead = m->named_parameters()["fc.weight"].clone();
        ImportReport r = importWeights(*m, readWeightsFile(d_ + "/resnet18.pt"));
        QCOMPARE(r.head_replaced.size(), size_t(2));
        QCOMPARE(r.loaded, int64_t(120));
        QVERIFY(torch::equal(m->named_parameters()["fc.weight"], freshHead));
        ImportOptions keepHead;
        keepHead.replace_head = false;
        auto again = model("resnet18", 10, 224, 5);
        QVERIFY_THROWS_EXCEPTION(Error, importWeights(*again, readWeightsFile(d_ + "/resnet18.pt"), keepHead));
    }

    // safetensors: written, read back and written again bit for bit, in fp32, fp16 and
    // bf16; Python parses the file by the specification and finds the same bits.
    void safetensorsRoundTripsBitForBit() {
        auto m = model("resnet18", 1000, 224, 6);
        for (const char* dtype : {"fp32", "fp16", "bf16"}) {
            StateDict sd = stateDictOf(*m);
            for (auto& [name, t] : sd.entries)
                if (t.is_floating_point()) t = t.to(std::string(dtype) == "fp32" ? torch::kFloat : std::string(dtype) == "fp16" ? torch::kHalf : torch::kBFloat16);
            const std::string a = d_ + "/a_" + dtype + ".safetensors", b = d_ + "/b_" + dtype + ".safetensors";
            writeWeightsFile(a, sd, WeightsFormat::Safetensors);
            StateDict back = readWeightsFile(a);
            QVERIFY2(sameTensors(sorted(back), sorted(sd)), dtype);
            writeWeightsFile(b, back, WeightsFormat::Safetensors);
            StateDict again = readWeightsFile(b);
            QVERIFY(sameTensors(sorted(again), sorted(sd)));
            const std::string ref = d_ + "/ref_" + dtype + ".pt";
            writeWeightsFile(ref, sd, WeightsFormat::StateDict);
            const QString out = runPython({"check-safetensors", QString::fromStdString(a), QString::fromStdString(ref)});
            QVERIFY2(out.startsWith("safetensors_ok tensors=122"), qPrintable(out));
        }
        QVERIFY(test::readFile(d_ + "/a_bf16.safetensors") != test::readFile(d_ + "/a_fp32.safetensors"));
    }

    // ViT at 224 into ViT at 336 (Table 2): the grid of position embeddings is resized;
    // into an unchanged size the model gives exactly the source's logits.
    void vitPositionEmbeddings() {
        auto src = model("vit_tiny_patch16_224", 10, 224, 7);
        const StateDict sd = stateDictOf(*src);
        auto same = model("vit_tiny_patch16_224", 10, 224, 8);
        ImportReport r = importWeights(*same, sd);
        QVERIFY(r.clean() && r.interpolated.empty());
        torch::manual_seed(9);
        auto x = torch::randn({1, 3, 224, 224});
        QVERIFY(torch::equal(logits(*same, x), logits(*src, x)));
        const torch::Tensor pos = *sd.find("pos_embed");
        QVERIFY(torch::equal(resizePositionEmbedding(pos, pos.size(1)), pos));

        auto big = model("vit_tiny_patch16_224", 10, 336, 10);
        ImportReport rb = importWeights(*big, sd);
        QCOMPARE(rb.interpolated.size(), size_t(1));
        const auto resized = big->named_parameters()["pos_embed"];
        QCOMPARE(resized.size(1), int64_t(1 + 21 * 21));
        QVERIFY(torch::equal(resized.narrow(1, 0, 1), pos.narrow(1, 0, 1)));  // class token kept
        // A constant grid stays constant under bicubic resizing.
        auto flat = torch::ones({1, 1 + 14 * 14, 4});
        QVERIFY(torch::allclose(resizePositionEmbedding(flat, 1 + 21 * 21), torch::ones({1, 1 + 21 * 21, 4})));
        QVERIFY(logits(*big, torch::randn({1, 3, 336, 336})).isfinite().all().item<bool>());
    }

    // Files that are not weights, truncated files, another architecture, another shape:
    // a clear error naming the file or the keys, and the model untouched.
    void badFilesAreRefusedAndNothingIsLoaded() {
        auto m = model("resnet18", 1000, 224, 11);
        const auto before = stateDictOf(*m);
        auto untouched = [&] {
            const auto now = stateDictOf(*m);
            for (size_t i = 0; i < now.size(); ++i)
                if (!torch::equal(now.entries[i].second, before.entries[i].second)) return false;
            return true;
        };
        const std::string good = test::readFile(d_ + "/resnet18.pt");
        std::string noise(8192, '\0');
        for (size_t i = 0; i < noise.size(); ++i) noise[i] = char((i * 2654435761u) >> 13);
        const std::vector<std::pair<std::string, std::string>> files = {
            {"empty.pt", ""},
            {"random.pt", noise},
            {"text.pt", "not a checkpoint at all\n"},
            {"truncated.pt", good.substr(0, good.size() / 2)},
            {"tail_cut.pt", good.substr(0, good.size() - 100)},
            {"fake.safetensors", std::string("\x10\0\0\0\0\0\0\0{\"a\":{\"dtype\":\"F32\"", 25)},
        };
        for (const auto& [name, content] : files) {
            test::writeFile(d_ + "/" + name, content);
            try {
                importWeights(*m, readWeightsFile(d_ + "/" + name));
                QFAIL(("no error for " + name).c_str());
            } catch (const FileError& e) {
                QVERIFY2(std::string(e.what()).find(name) != std::string::npos, e.what());
            }
        }
        // A safetensors entry that claims more bytes than the file has.
        StateDict one;
        one.add("w", torch::ones({4}));
        writeWeightsFile(d_ + "/one.safetensors", one, WeightsFormat::Safetensors);
        std::string st = test::readFile(d_ + "/one.safetensors");
        test::writeFile(d_ + "/short.safetensors", st.substr(0, st.size() - 4));
        QVERIFY_THROWS_EXCEPTION(FileError, readWeightsFile(d_ + "/short.safetensors"));

        // Keys of another architecture: strict import lists them and loads nothing.
        try {
            importWeights(*m, stateDictOf(*model("vit_tiny_patch16_224", 1000, 224, 12)));
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("missing from the file") && QString(e.what()).contains("unexpected"), e.what());
        }
        QVERIFY(untouched());
        // One tensor of another shape.
        StateDict bent = readWeightsFile(d_ + "/resnet18.pt");
        for (auto& [name, t] : bent.entries)
            if (name == "layer1.0.conv1.weight") t = torch::zeros({32, 64, 3, 3});
        try {
            importWeights(*m, bent);
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("layer1.0.conv1.weight: file [32, 64, 3, 3] vs model [64, 64, 3, 3]"), e.what());
        }
        QVERIFY(untouched());
        ImportOptions lenient;
        lenient.strict = false;
        ImportReport r = importWeights(*m, bent, lenient);
        QCOMPARE(r.mismatched.size(), size_t(1));
        QCOMPARE(r.loaded, int64_t(121));
    }
};

FERKD_TEST_SUITE("interop", TestInterop)
#include "moc_test_interop.cpp"
