// Data-parallel training and label generation on c10d (Gloo on loopback), as a user
// starts them: `ferkd train --nproc 2` and `ferkd labels generate --nproc 2`, whose
// second process is a real child process joining rank 0's TCPStore. Two processes
// with half the global batch each end with one process's weights; two processes label
// into the same bytes; a rank that dies or hangs fails the run within the timeout, and
// the failed run resumes. The core pieces (gradient buckets, the launcher's
// environment) are tested in-process first.
#include "dist/gradient_sync.h"
#include "dist/local_workers.h"
#include "store/checkpoint.h"
#include "store/run_files.h"
#include "test_suites.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "store/experiment_store.h"
#include "test_support.h"

using namespace ferkd;
namespace fs = std::filesystem;

namespace {

using test::runFerkd;

double maxDifference(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
    if (a.size() != b.size()) return INFINITY;
    double worst = 0;
    for (size_t i = 0; i < a.size(); ++i) worst = std::max(worst, (a[i] - b[i]).abs().max().item<double>());
    return worst;
}

// Runs `body(rank, group)` on two threads, each rank with its own group.
void onTwoRanks(const std::function<void(int, ProcessGroup&)>& body) {
    const DistEnv base = localRunEnv(2);
    std::vector<std::string> errors(2);
    auto rank = [&](int r) {
        try {
            DistEnv env = base;
            env.rank = env.local_rank = r;
            ProcessGroup group(env, std::chrono::seconds(20));
            body(r, group);
        } catch (const std::exception& e) {
            errors[r] = e.what();
        }
    };
    std::thread other(rank, 1);
    rank(0);
    other.join();
    for (const auto& e : errors) QVERIFY2(e.empty(), e.c_str());
}

}  // namespace

class TestDistributed : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString ws_, data_;
    QStringList vit_;

    RunRecord run(const std::string& name) {
        ExperimentStore store(ws_.toStdString());
        auto r = store.findRun(name);
        if (!r) throw Error("no run " + name);
        return *r;
    }
    std::vector<torch::Tensor> finalWeights(const std::string& name) {
        ExperimentStore store(ws_.toStdString());
        return loadCheckpointModel(checkpointPath(store, run(name).id, "last")).model->parameters();
    }
    // A 2-process run under FERKD_FAULT `fault`, and how long it took.
    std::pair<test::FerkdResult, double> faultyRun(const QString& name, int timeoutSeconds, const QString& fault) {
        QElapsedTimer clock;
        clock.start();
        auto r = runFerkd(QStringList(vit_) << "--name" << name << "--nproc" << "2" << "--dist-timeout"
                                            << QString::number(timeoutSeconds),
                          fault);
        const double seconds = clock.elapsed() / 1000.0;
        qInfo("%s (--dist-timeout %d): the run ended after %.1f s", qPrintable(fault), timeoutSeconds, seconds);
        return {r, seconds};
    }

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        ws_ = tmp_.filePath("ws");
        data_ = QString::fromStdString(test::writeIdxDataSet(tmp_.filePath("data").toStdString(), 128, 64));
        // A model without batch norm (whose statistics are per rank, as with PyTorch's
        // DDP): ViT-Tiny on 32-px crops. Global batch 32: 4 steps per epoch, 2 epochs,
        // with RandAugment so every image's own draws matter. SGD with momentum: AdamW
        // divides by the gradient's size, so for a parameter whose gradient is float noise
        // the direction of its update, not its size, is left to summation order.
        vit_ = QStringList{"--workspace", ws_, "train", "--data", data_, "--arch", "vit_tiny_patch16_224",
                           "--set", "data.input_size=32", "--set", "model.drop_path=0", "--set", "augment.crop=rrc",
                           "--set", "augment.randaug_ops=2", "--epochs", "2", "--batch-size", "32", "--threads", "1",
                           "--seed", "11", "--set", "runtime.log_every=1", "--set", "checkpoint.every_steps=2",
                           "--set", "optim.name=sgd", "--set", "optim.lr=0.05", "--set", "optim.beta1=0.9",
                           // fp32: on a CPU with native bf16 (AMX), auto picks bf16, whose rounding
                           // differs when the batch is split, beyond what these comparisons allow.
                           "--set", "runtime.precision=fp32"};
    }

    void launcherEnvironmentIsCheckedByName() {
        qputenv("RANK", "2");
        qputenv("WORLD_SIZE", "2");
        qputenv("MASTER_ADDR", "127.0.0.1");
        try {
            distEnvFromEnvironment();
            QFAIL("RANK 2 of 2 was accepted");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("RANK='2'"), e.what());
        }
        qputenv("RANK", "1");
        qunsetenv("MASTER_ADDR");
        try {
            distEnvFromEnvironment();
            QFAIL("a missing MASTER_ADDR was accepted");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("MASTER_ADDR"), e.what());
        }
        qputenv("MASTER_ADDR", "10.0.0.1");
        qputenv("MASTER_PORT", "29400");
        const DistEnv env = distEnvFromEnvironment();
        QCOMPARE(env.rank, 1);
        QCOMPARE(env.world_size, 2);
        QCOMPARE(env.master_port, 29400);
        for (const char* v : {"RANK", "WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT"}) qunsetenv(v);
        QVERIFY(!distEnvFromEnvironment().distributed());
    }

    void bucketedGradientsAreTheMeanOverRanks() {
        // 3 tensors in buckets of at most 64 bytes: several all-reduces, one per bucket.
        std::vector<torch::Tensor> results(2);
        size_t buckets = 0;
        onTwoRanks([&](int rank, ProcessGroup& group) {
            std::vector<torch::Tensor> params{torch::zeros({4, 3}, torch::requires_grad()),
                                              torch::zeros({5}, torch::requires_grad()),
                                              torch::zeros({2, 2, 2, 2}, torch::requires_grad())};
            for (size_t i = 0; i < params.size(); ++i)
                params[i].mutable_grad() = torch::full(params[i].sizes(), float(rank * 10 + i));
            params[2].mutable_grad() = params[2].grad().contiguous(torch::MemoryFormat::ChannelsLast);
            GradientAverager averager(group, params, 64);
            if (rank == 0) buckets = averager.bucketCount();
            averager.average();
            std::vector<torch::Tensor> flat;
            for (auto& p : params) flat.push_back(p.grad().reshape({-1}));
            results[rank] = torch::cat(flat);
        });
        QVERIFY(buckets >= 2);
        QVERIFY(torch::equal(results[0], results[1]));
        // (0 + 10) / 2, (1 + 11) / 2, (2 + 12) / 2 per tensor.
        QCOMPARE(results[0][0].item<float>(), 5.0f);
        QCOMPARE(results[0][12].item<float>(), 6.0f);
        QCOMPARE(results[0][17].item<float>(), 7.0f);
    }

    void twoProcessesTrainLikeOneWithTheWholeBatch() {
        auto one = runFerkd(QStringList(vit_) << "--name" << "one");
        QVERIFY2(one.code == 0, qPrintable(one.err));
        auto two = runFerkd(QStringList(vit_) << "--name" << "two" << "--nproc" << "2");
        QVERIFY2(two.code == 0, qPrintable(two.out + two.err));
        QVERIFY2(two.out.contains("x 2 processes (gloo)"), qPrintable(two.out));

        ExperimentStore store(ws_.toStdString());
        const auto a = store.stepMetrics(run("one").id), b = store.stepMetrics(run("two").id);
        QCOMPARE(b.size(), a.size());
        QCOMPARE(a.size(), size_t(8));
        for (size_t i = 0; i < a.size(); ++i) QVERIFY2(std::abs(a[i].loss - b[i].loss) < 1e-5, "step losses differ");
        const auto ea = store.epochMetrics(run("one").id), eb = store.epochMetrics(run("two").id);
        QCOMPARE(eb.size(), ea.size());
        for (size_t e = 0; e < ea.size(); ++e) {
            QVERIFY(std::abs(ea[e].train_loss - eb[e].train_loss) < 1e-4);
            QCOMPARE(eb[e].train_top1, ea[e].train_top1);  // the same images, counted over both ranks
            QVERIFY(std::abs(ea[e].test_loss - eb[e].test_loss) < 1e-4);  // each rank half of the test set
        }
        const double diff = maxDifference(finalWeights("one"), finalWeights("two"));
        qInfo("largest weight difference, 2 processes vs 1: %.3g", diff);
        QVERIFY2(diff < 1e-5, qPrintable(QString::number(diff)));
        // Only rank 0 recorded: one run each, no second set of rows.
        QCOMPARE(store.listRuns().size(), size_t(2));

        // Two processes in micro-batches of 4 images (each rank's 16 in 4 passes, one
        // gradient all-reduce per step): the same training as one process, whole batch.
        auto micro = runFerkd(QStringList(vit_) << "--name" << "two-micro" << "--nproc" << "2" << "--set"
                                                << "runtime.micro_batch=4");
        QVERIFY2(micro.code == 0, qPrintable(micro.out + micro.err));
        QVERIFY2(micro.out.contains("micro-batches of 4 crops (4 per step on each process)"), qPrintable(micro.out));
        const auto c = store.stepMetrics(run("two-micro").id);
        QCOMPARE(c.size(), a.size());
        for (size_t i = 0; i < a.size(); ++i) QVERIFY2(std::abs(a[i].loss - c[i].loss) < 1e-5, "step losses differ");
        const double microDiff = maxDifference(finalWeights("one"), finalWeights("two-micro"));
        qInfo("largest weight difference, 2 processes in micro-batches of 4 vs 1 process: %.3g", microDiff);
        QVERIFY2(microDiff < 1e-5, qPrintable(QString::number(microDiff)));
    }

    // The same run launched by PyTorch's torchrun: its agent serves the TCPStore, the
    // ranks are its clients (TORCHELASTIC_USE_AGENT_STORE).
    void torchrunLaunchesTheSameRun() {
        const QString torchrun = QStandardPaths::findExecutable("torchrun");
        if (torchrun.isEmpty()) QSKIP("torchrun is not installed (python3-torch)");
        QProcess p;
        // --redirects/--tee 1: Debian's torch 1.13 on Python 3.11 fails to parse the default 0.
        p.start(torchrun, QStringList{"--no_python", "--nproc_per_node=2", "--redirects", "1", "--tee", "1",
                                      QString(FERKD_BIN_DIR) + "/ferkd"}
                              << vit_ << "--name" << "torchrun");
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QCOMPARE(run("torchrun").status, std::string(run_status::kFinished));
        QCOMPARE(maxDifference(finalWeights("torchrun"), finalWeights("two")), 0.0);
    }

    void twoProcessLabelsAreTheSameBytes() {
        const QString one = tmp_.filePath("one.fkdl"), two = tmp_.filePath("two.fkdl");
        // 60 crops per forward pass = 10 images: 13 passes, split 6 + 7 between the ranks.
        const QStringList gen{"--workspace", ws_, "labels", "generate", "--teacher", "one", "--data", data_,
                              "--crops", "6", "--batch-size", "60", "--threads", "1"};
        auto a = runFerkd(QStringList(gen) << "--out" << one);
        QVERIFY2(a.code == 0, qPrintable(a.err));
        auto b = runFerkd(QStringList(gen) << "--out" << two << "--nproc" << "2");
        QVERIFY2(b.code == 0, qPrintable(b.out + b.err));
        const std::string x = test::readFile(one.toStdString()), y = test::readFile(two.toStdString());
        QVERIFY(!x.empty());
        QVERIFY2(x == y, "the two-process label store differs from the one-process store");
        for (const auto& entry : fs::directory_iterator(tmp_.path().toStdString()))
            QVERIFY2(entry.path().string().find(".rank") == std::string::npos, entry.path().c_str());
        ExperimentStore store(ws_.toStdString());
        int labelRuns = 0;
        for (const auto& r : store.listRuns()) labelRuns += r.kind == "labels";
        QCOMPARE(labelRuns, 2);  // rank 1 recorded nothing
        QVERIFY(store.labelSet(fs::absolute(two.toStdString()).lexically_normal().string()).has_value());
    }

    void aDeadRankFailsTheRunAndItResumes() {
        // A dead rank's closed connections end the others' wait at once, not at the timeout.
        const auto [r, seconds] = faultyRun("killed", 60, "train.step:kill:3@1");
        QCOMPARE(r.code, 1);
        QVERIFY(seconds < 30);
        QVERIFY2(r.err.contains("rank 1 was killed by signal 9"), qPrintable(r.err));
        QVERIFY2(r.err.contains("died or stopped answering"), qPrintable(r.out + r.err));
        QCOMPARE(run("killed").status, std::string(run_status::kFailed));
        QVERIFY(QString::fromStdString(run("killed").error).contains("--resume"));

        auto resumed = runFerkd({"--workspace", ws_, "train", "--resume", "killed", "--nproc", "2"});
        QVERIFY2(resumed.code == 0, qPrintable(resumed.out + resumed.err));
        QVERIFY(resumed.out.contains("resuming from"));
        QCOMPARE(run("killed").status, std::string(run_status::kFinished));
        // It continued from the step-2 checkpoint to the uninterrupted run's weights.
        QCOMPARE(maxDifference(finalWeights("killed"), finalWeights("two")), 0.0);
    }

    void aHungRankFailsTheRunAtTheTimeout() {
        // Rank 1 SIGSTOPped after step 2: alive, silent.
        const auto [r, seconds] = faultyRun("hung", 5, "train.step:hang:2@1");
        QCOMPARE(r.code, 1);
        QVERIFY(seconds >= 5 && seconds < 25);
        QVERIFY2(r.err.contains("stopped answering"), qPrintable(r.out + r.err));
        QCOMPARE(run("hung").status, std::string(run_status::kFailed));
    }

    void aRankThatDiesBeforeJoiningFailsAtOnce() {
        // Rank 1 killed before it reaches rank 0's store: rank 0 sees its child end while
        // it waits for the ranks to check in, instead of waiting out the 60-s timeout.
        const auto [r, seconds] = faultyRun("early", 60, "dist.join:kill:1@1");
        QCOMPARE(r.code, 1);
        QVERIFY2(seconds < 20, qPrintable(QString::number(seconds)));
        QVERIFY2(r.err.contains("rank 1 was killed by signal 9 before every process had joined"), qPrintable(r.err));
    }

    void aBatchThatDoesNotSplitSaysWhy() {
        auto r = runFerkd(QStringList(vit_) << "--name" << "odd" << "--set" << "schedule.batch_size=33" << "--nproc" << "2");
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("schedule.batch_size") && r.err.contains("2 processes"), qPrintable(r.err));
    }
};

FERKD_TEST_SUITE("distributed", TestDistributed)
#include "moc_test_distributed.cpp"
