// Models: parameter counts, state_dict names and shapes against torchvision's and
// timm's (tests/data/reference-state-dicts.txt), forward shapes, stochastic depth.
#include <QtTest>
#include <fstream>
#include <map>
#include <sstream>

#include "models/classifier.h"
#include "models/model_registry.h"
#include "models/vit.h"
#include "runtime/runtime.h"
#include "test_suites.h"

using namespace ferkd;

namespace {

struct Reference {
    int64_t total = 0;
    std::vector<std::pair<std::string, std::string>> keys;  // name, "AxBxC"
};

std::map<std::string, Reference> loadReferences() {
    std::ifstream in(std::string(FERKD_TEST_DATA_DIR) + "/reference-state-dicts.txt");
    std::map<std::string, Reference> refs;
    std::string line, current;
    while (std::getline(in, line)) {
        if (line.empty() || (line[0] == '#' && line.rfind("## ", 0) != 0)) continue;
        std::istringstream ss(line);
        if (line.rfind("## ", 0) == 0) {
            std::string hashes;
            ss >> hashes >> current;
            ss >> refs[current].total;
        } else {
            std::string name, shape;
            ss >> name >> shape;
            refs[current].keys.emplace_back(name, shape);
        }
    }
    return refs;
}

std::string shapeText(const torch::Tensor& t) {
    if (t.dim() == 0) return "scalar";
    std::string s;
    for (int64_t i = 0; i < t.dim(); ++i) s += (i ? "x" : "") + std::to_string(t.size(i));
    return s;
}

// Parameters and buffers in registration order, as Python's state_dict() lists them.
std::vector<std::pair<std::string, std::string>> stateDictOf(const torch::nn::Module& m) {
    std::vector<std::pair<std::string, std::string>> out;
    std::function<void(const torch::nn::Module&, const std::string&)> walk = [&](const torch::nn::Module& mod,
                                                                                 const std::string& prefix) {
        for (const auto& p : mod.named_parameters(false)) out.emplace_back(prefix + p.key(), shapeText(p.value()));
        for (const auto& b : mod.named_buffers(false)) out.emplace_back(prefix + b.key(), shapeText(b.value()));
        for (const auto& c : mod.named_children()) walk(*c.value(), prefix + c.key() + ".");
    };
    walk(m, "");
    return out;
}

}  // namespace

class TestModels : public QObject {
    Q_OBJECT
private slots:
    void stateDictsMatchReference_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("reference");
        QTest::newRow("resnet18") << "resnet18" << "torchvision.resnet18";
        QTest::newRow("resnet34") << "resnet34" << "torchvision.resnet34";
        QTest::newRow("resnet50") << "resnet50" << "torchvision.resnet50";
        QTest::newRow("regnet_y_400mf") << "regnet_y_400mf" << "torchvision.regnet_y_400mf";
        QTest::newRow("regnet_y_16gf") << "regnet_y_16gf" << "torchvision.regnet_y_16gf";
        // Table 2's 645M-parameter student: built and counted, never trained here.
        QTest::newRow("regnet_y_128gf") << "regnet_y_128gf" << "torchvision.regnet_y_128gf";
        QTest::newRow("vit_tiny") << "vit_tiny_patch16_224" << "timm.vit_tiny_patch16_224";
        QTest::newRow("vit_small") << "vit_small_patch16_224" << "timm.vit_small_patch16_224";
        // Table 2's EVA ViT-g/14 at 336 px (1.01B parameters): built and counted only.
        QTest::newRow("eva_giant") << "eva_giant_patch14_336" << "timm.eva_giant_patch14_336";
    }
    void stateDictsMatchReference() {
        QFETCH(QString, arch);
        QFETCH(QString, reference);
        static const auto refs = loadReferences();
        const Reference& ref = refs.at(reference.toStdString());
        QVERIFY(!ref.keys.empty());
        const int size = findModel(arch.toStdString())->default_input_size;
        auto model = createModel(arch.toStdString(), ModelSpec{1000, 3, size, 0.0});
        QCOMPARE(countParameters(*model), ref.total);
        auto ours = stateDictOf(*model);
        // Buffers may come in another order than parameters within a module; compare as sets
        // of (name, shape) and the parameter order separately.
        std::map<std::string, std::string> a(ours.begin(), ours.end()), b(ref.keys.begin(), ref.keys.end());
        for (const auto& [k, shape] : b) {
            QVERIFY2(a.count(k), ("missing key " + k).c_str());
            QVERIFY2(a[k] == shape, (k + ": " + a[k] + " vs " + shape).c_str());
        }
        QCOMPARE(a.size(), b.size());
    }

    void publishedParameterCounts() {
        QCOMPARE(countParameters(*createModel("resnet50", {1000, 3, 224, 0})), int64_t(25557032));
        QCOMPARE(countParameters(*createModel("vit_small_patch16_224", {1000, 3, 224, 0})), int64_t(22050664));
        QCOMPARE(countParameters(*createModel("vit_base_patch16_224", {1000, 3, 224, 0})), int64_t(86567656));
    }

    void smallVariantsForward() {
        for (const char* arch : {"resnet10_small", "resnet18_small", "vit_tiny_patch4", "regnet_y_400mf"}) {
            auto m = createModel(arch, {10, 1, 28, 0.1});
            auto y = m->forward(torch::randn({2, 1, 28, 28}));
            QCOMPARE(y.size(0), int64_t(2));
            QCOMPARE(y.size(1), int64_t(10));
        }
    }

    void evaVariantForwardAndBiases() {
        // A small EVA-style ViT: q and v biases act, k has none, average pooling.
        VisionTransformer m(VisionTransformerOptions().img_size(28).patch_size(7).in_chans(1).num_classes(5)
                                .embed_dim(32).depth(2).num_heads(4).mlp_hidden(48).eva(true));
        auto params = m.named_parameters();
        QVERIFY(params.contains("blocks.0.attn.q_bias") && params.contains("blocks.0.attn.v_bias"));
        QVERIFY(!params.contains("blocks.0.attn.qkv.bias") && params.contains("fc_norm.weight"));
        QVERIFY(!params.contains("norm.weight"));
        auto x = torch::randn({2, 1, 28, 28});
        m.eval();
        auto before = m.forward(x);
        QCOMPARE(before.sizes(), (torch::IntArrayRef{2, 5}));
        torch::NoGradGuard g;
        params["blocks.0.attn.v_bias"].fill_(0.5);
        QVERIFY(!torch::allclose(m.forward(x), before));
    }

    void dropPathOnlyWhileTraining() {
        torch::manual_seed(0);
        auto m = createModel("vit_tiny_patch4", {10, 1, 28, 0.5});
        auto x = torch::randn({4, 1, 28, 28});
        m->eval();
        auto a = m->forward(x), b = m->forward(x);
        QVERIFY(torch::equal(a, b));  // deterministic in eval
        m->train();
        auto c = m->forward(x), d = m->forward(x);
        QVERIFY(!torch::allclose(c, d));  // branches dropped at random in training
    }

    void noWeightDecayOnNormsAndBiases() {
        auto m = createModel("vit_tiny_patch4", {10, 1, 28, 0});
        int decay = 0, noDecay = 0;
        for (const auto& p : m->named_parameters()) (m->isNoDecay(p.key(), p.value()) ? noDecay : decay)++;
        QVERIFY(m->isNoDecay("pos_embed", m->named_parameters()["pos_embed"]));
        QVERIFY(!m->isNoDecay("blocks.0.attn.qkv.weight", m->named_parameters()["blocks.0.attn.qkv.weight"]));
        QVERIFY(decay > 0 && noDecay > 0);
    }

    void channelsLastHoldsForOneChannelStems() {
        // A [64,1,7,7] stem weight counts as contiguous in both layouts; it must still get
        // channels-last strides, or oneDNN emits the stem's output in NCHW and batch norm and
        // max-pool run on the slow layout (the Fashion-MNIST case).
        auto m = createModel("resnet18", {10, 1, 28, 0});
        setMemoryFormat(*m, torch::MemoryFormat::ChannelsLast);
        const auto w = m->named_parameters()["conv1.weight"];
        QCOMPARE(w.strides(), (torch::IntArrayRef{49, 1, 7, 1}));
        torch::NoGradGuard g;
        const auto stem = torch::conv2d(torch::randn({2, 1, 28, 28}), w, {}, 2, 3);  // the stem's convolution
        QCOMPARE(stem.suggest_memory_format(), torch::MemoryFormat::ChannelsLast);
        QVERIFY(!stem.is_contiguous());  // NCHW strides would be contiguous
        // Restriding keeps every value.
        auto other = createModel("resnet18", {10, 1, 28, 0});
        const auto before = other->named_parameters()["layer1.0.conv1.weight"].clone();
        setMemoryFormat(*other, torch::MemoryFormat::ChannelsLast);
        QVERIFY(torch::equal(other->named_parameters()["layer1.0.conv1.weight"], before));
    }

    void unknownModelSuggestsName() {
        try {
            createModel("resnet5O", {});
            QFAIL("no error");
        } catch (const std::exception& e) {
            QVERIFY(QString(e.what()).contains("did you mean 'resnet50'"));
        }
    }
};

FERKD_TEST_SUITE("models", TestModels)
#include "moc_test_models.cpp"
