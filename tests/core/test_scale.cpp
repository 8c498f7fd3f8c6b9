// The paper's runs at their scale: FKD's batch and epoch accounting, micro-batches,
// activation checkpointing, and batches built by several workers.
#include <QtTest>
#include <opencv2/imgcodecs.hpp>

#include <filesystem>
#include <thread>
#include <nlohmann/json.hpp>

#include "batch/batch_prefetcher.h"
#include "config/config_io.h"
#include "config/presets.h"
#include "config/step_accounting.h"
#include "data/dataset_factory.h"
#include "data/packed_dataset.h"
#include "labels/distill_targets.h"
#include "models/model_registry.h"
#include "test_suites.h"
#include "train/data_parallel.h"
#include "train/lr_schedule.h"
#include "train/memory_plan.h"
#include "train/optimizer_factory.h"
#include "train/run_failure.h"
#include "train/run_setup.h"
#include "train/run_creation.h"
#include "train/run_evaluation.h"
#include "train/trainer.h"
#include "train/training_step.h"
#include "test_support.h"
#include "util/error.h"
#include "util/peak_memory.h"

using namespace ferkd;
namespace fs = std::filesystem;

namespace {

constexpr int64_t kImageNetTrain = 1281167;

// FKD's train_FKD.py, line for line: the loader's batch is ceil(b / num_crops) images,
// `for epoch in range(0, epochs, num_crops)` trains a num_crops pass while
// epoch < epochs - num_crops, and the epochs left are single-crop passes whose loader
// takes b images (num_crops x the images of a multi-crop step). drop_last as here.
struct FkdCount {
    int64_t steps = 0, cropViews = 0, cropsPerStep = 0;
};
FkdCount fkdScriptCount(int64_t images, int64_t b, int64_t numCrops, int64_t epochs) {
    FkdCount c;
    const int64_t loaderBatch = (b + numCrops - 1) / numCrops;
    c.cropsPerStep = loaderBatch * numCrops;
    for (int64_t epoch = 0; epoch < epochs; epoch += numCrops) {
        if (epoch >= epochs - numCrops) {
            for (int64_t e = epoch; e < epochs; ++e) {
                const int64_t steps = images / (loaderBatch * numCrops);
                c.steps += steps;
                c.cropViews += steps * loaderBatch * numCrops;
            }
            break;
        }
        const int64_t steps = images / loaderBatch;
        c.steps += steps;
        c.cropViews += steps * loaderBatch * numCrops;
    }
    return c;
}

struct CountingObserver : TrainingObserver {
    std::vector<StepReport> steps;
    std::vector<EpochReport> epochs;
    std::function<void(const StepReport&)> onStep;
    void step(const StepReport& r) override {
        steps.push_back(r);
        if (onStep) onStep(r);
    }
    void epoch(const EpochReport& r) override { epochs.push_back(r); }
};

// The gradients of one step of `model` on (images, labels) through TrainingStep.
std::vector<torch::Tensor> stepGradients(Classifier& model, const Batch& batch, int64_t microBatch) {
    OptimConfig o;
    o.name = "sgd";
    o.lr = 0;  // the weights stay; only the gradients are compared
    o.weight_decay = 0;
    ScheduledOptimizer optimizer = createOptimizer(model, o);
    DataParallel alone(nullptr);
    TrainingStepOptions options;
    options.micro_batch = microBatch;
    TrainingStep step(model, optimizer, nullptr, alone, options);
    step.run(batch, 0.0, 1, "");
    std::vector<torch::Tensor> grads;
    for (const auto& p : model.parameters()) grads.push_back(p.grad().clone());
    return grads;
}

double largestDifference(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b, double* scale) {
    double diff = 0, big = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        diff = std::max(diff, (a[i] - b[i]).abs().max().item<double>());
        big = std::max(big, a[i].abs().max().item<double>());
    }
    *scale = big;
    return diff;
}

// Every batch of pass `epoch`, built by `workers` threads.
std::vector<Batch> allBatches(const BatchBuilder& builder, int workers) {
    BatchPrefetcher prefetcher(builder, 1, 0, builder.stepsPerEpoch(), {workers, 2, false});
    std::vector<Batch> out;
    while (auto b = prefetcher.next()) out.push_back(std::move(*b));
    return out;
}

bool sameBytes(const torch::Tensor& a, const torch::Tensor& b) {
    if (a.defined() != b.defined()) return false;
    return !a.defined() || (a.sizes() == b.sizes() && a.dtype() == b.dtype() && torch::equal(a, b));
}

}  // namespace

class TestScale : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { torch::set_num_threads(1); }

    // Table 1 as FKD's scripts run it: 1,024 crops = 256 images x 4 per step, 300 epochs =
    // 75 passes, the learning rate at its peak after 5 epochs of crop-views.
    void tableOnePresetsCountAsFkd() {
        for (const char* name : {"table1-resnet50-pretrain", "table1-vit-small-pretrain"}) {
            RunConfig c = presetConfig(name);
            c.distill.labels = "imagenet.fkdl";
            validateConfig(c);
            const StepAccounting a = stepAccounting(c, kImageNetTrain);
            const FkdCount fkd = fkdScriptCount(kImageNetTrain, 1024, 4, 300);
            QCOMPARE(a.images_per_step, int64_t(256));
            QCOMPARE(a.crops_per_step, int64_t(1024));
            QCOMPARE(a.crops_per_step, fkd.cropsPerStep);
            QCOMPARE(a.steps_per_pass, kImageNetTrain / 256);  // 5,004
            QCOMPARE(a.passes, int64_t(75));
            QCOMPARE(a.total_steps, fkd.steps);
            QCOMPARE(a.total_steps * a.crops_per_step, fkd.cropViews);
            QCOMPARE(a.epochOfStep(a.steps_per_pass), int64_t(4));  // one pass is 4 epochs
            QCOMPARE(a.epochAfter(a.passes - 1), int64_t(300));
            // 5 warmup epochs of crop-views: the peak at 5 x 5,004 / 4 steps.
            const int64_t warm = 5 * a.steps_per_pass / 4;
            QVERIFY(learningRateAt(c.schedule, c.optim.lr, warm - 1, a.stepsPerEpoch()) < c.optim.lr);
            QCOMPARE(learningRateAt(c.schedule, c.optim.lr, warm, a.stepsPerEpoch()), c.optim.lr);
        }
    }

    // Table 2: 512 crops = 256 images x 2, 15 epochs = 7 passes and a half one; FKD's
    // last epoch is a single-crop pass of the same steps.
    void tableTwoPresetsCountAsFkd() {
        for (const char* name : {"table2-vit-giant-finetune", "table2-regnety-128gf-finetune"}) {
            RunConfig c = presetConfig(name);
            c.distill.labels = "imagenet.fkdl";
            validateConfig(c);
            const StepAccounting a = stepAccounting(c, kImageNetTrain);
            const FkdCount fkd = fkdScriptCount(kImageNetTrain, 512, 2, 15);
            QCOMPARE(a.images_per_step, int64_t(256));
            QCOMPARE(a.crops_per_step, fkd.cropsPerStep);
            QCOMPARE(a.passes, int64_t(8));
            QCOMPARE(a.stepsInPass(7), a.steps_per_pass / 2);
            QCOMPARE(a.total_steps, fkd.steps);
            QCOMPARE(a.total_steps * a.crops_per_step, fkd.cropViews);
            QCOMPARE(a.epochAfter(7), int64_t(15));
        }
    }

    void aBatchThatIsNoWholeNumberOfImagesIsRefused() {
        RunConfig c = presetConfig("table1-resnet50-pretrain");
        c.distill.labels = "x.fkdl";
        c.schedule.batch_size = 1022;
        c.runtime.micro_batch = 6;
        const auto errors = validationErrors(c);
        auto has = [&](const std::string& field, const std::string& text) {
            for (const auto& [f, m] : errors)
                if (f == field && m.find(text) != std::string::npos) return true;
            return false;
        };
        QVERIFY(has("schedule.batch_size", "1022 counts crops"));
        QVERIFY(has("schedule.batch_size", "1020 or 1024"));
        QVERIFY(has("runtime.micro_batch", "6 crops is not a whole number of images of 4 crops"));
        // A ce run has one crop per image: any batch is whole.
        c.distill.mode = "ce";
        c.augment.selfmix_prob = 0;
        QVERIFY(validationErrors(c).empty());
    }

    // ViT (LayerNorm only), fp32: four micro-batches give the full batch's gradients.
    void microBatchesAddUpToTheFullBatch() {
        ModelSpec spec;
        spec.num_classes = 10;
        spec.in_chans = 1;
        spec.input_size = 28;
        torch::manual_seed(3);
        auto model = createModel("vit_tiny_patch4", spec);
        model->train();
        Batch batch;
        batch.images = torch::randn({16, 1, 28, 28});
        batch.labels = torch::randint(0, 10, {16}, torch::kInt64);
        batch.targets = torch::softmax(torch::randn({16, 10}), 1);
        const auto whole = stepGradients(*model, batch, 0);
        const auto parts = stepGradients(*model, batch, 4);
        double scale = 0;
        const double diff = largestDifference(whole, parts, &scale);
        qInfo("largest gradient difference %.3g (largest gradient %.3g)", diff, scale);
        QVERIFY(scale > 0);
        QVERIFY2(diff <= 1e-5 * scale, qPrintable(QString("difference %1 of %2").arg(diff).arg(scale)));
        QCOMPARE(microBatchRanges(16, 1, 4).size(), size_t(4));
        // An image's crops stay together: 3 crops per image, 7 crops asked: 2 images (6 rows) a part.
        const auto ranges = microBatchRanges(12, 3, 7);
        QCOMPARE(ranges.size(), size_t(2));
        QCOMPARE(ranges[0], (std::pair<int64_t, int64_t>(0, 6)));
    }

    // Checkpointed blocks give the same gradients, drop path on (its draws are replayed).
    void checkpointingKeepsTheGradients() {
        for (const char* arch : {"vit_tiny_patch4", "resnet10_small"}) {
            ModelSpec spec;
            spec.num_classes = 10;
            spec.in_chans = 1;
            spec.input_size = 28;
            spec.drop_path = 0.3;
            torch::manual_seed(5);
            auto model = createModel(arch, spec);
            model->train();
            const auto images = torch::randn({8, 1, 28, 28});
            const auto labels = torch::randint(0, 10, {8}, torch::kInt64);
            auto gradients = [&](bool checkpointing) {
                model->setGradCheckpointing(checkpointing);
                model->zero_grad();
                torch::manual_seed(11);
                torch::nn::functional::cross_entropy(model->forward(images), labels).backward();
                std::vector<torch::Tensor> g;
                for (const auto& p : model->parameters()) g.push_back(p.grad().clone());
                return g;
            };
            const auto plain = gradients(false);
            const auto recomputed = gradients(true);
            double scale = 0;
            const double diff = largestDifference(plain, recomputed, &scale);
            qInfo("%s: largest gradient difference with checkpointing %.3g (largest gradient %.3g)", arch, diff, scale);
            QVERIFY(scale > 0);
            QVERIFY2(diff <= 1e-6 * scale, arch);
            // Without the replay the drop-path masks differ and so do the gradients: the
            // test would see it (a differently seeded plain pass).
            model->setGradCheckpointing(false);
            model->zero_grad();
            torch::manual_seed(12);
            torch::nn::functional::cross_entropy(model->forward(images), labels).backward();
            std::vector<torch::Tensor> other;
            for (const auto& p : model->parameters()) other.push_back(p.grad().clone());
            if (std::string(arch).rfind("vit", 0) == 0) QVERIFY(largestDifference(plain, other, &scale) > 1e-4 * scale);
        }
    }

    // The bytes of every batch do not depend on how many workers build them.
    void batchesAreTheSameForAnyWorkerCount() {
        QTemporaryDir dir;
        const std::string idx = test::writeIdxDataSet(dir.filePath("idx").toStdString(), 96, 16);
        // An image folder of JPEGs of two sizes, and its packed form.
        const std::string folder = dir.filePath("folder").toStdString();
        for (int i = 0; i < 48; ++i) {
            const std::string cls = folder + "/train/c" + std::to_string(i % 3);
            fs::create_directories(cls);
            cv::Mat img(40 + (i % 2) * 12, 48, CV_8UC3);
            cv::randu(img, cv::Scalar::all(0), cv::Scalar::all(255));
            cv::imwrite(cls + "/" + std::to_string(i) + ".jpg", img);
        }
        const auto folderData = openDataSplits(folder + "/train").train;
        const std::string packed = dir.filePath("packed.fkpack").toStdString();
        writePackedDataset(*folderData, packed, PackOptions{32, ""});

        for (const std::string& path : {idx, folder + "/train", packed}) {
            const auto data = openDataSplits(path).train;
            RunConfig c = test::smallRunConfig(path);
            c.data.input_size = 24;
            c.augment.crop = "rrc";
            c.augment.randaug_ops = 2;
            c.augment.mixup_alpha = 0.8;
            c.schedule.batch_size = 16;
            BatchBuilder builder(data, c);
            const auto one = allBatches(builder, 1), three = allBatches(builder, 3);
            QCOMPARE(one.size(), size_t(data->size() / 16));
            QCOMPARE(three.size(), one.size());
            for (size_t i = 0; i < one.size(); ++i) {
                QVERIFY2(sameBytes(one[i].images, three[i].images), path.c_str());
                QVERIFY(sameBytes(one[i].labels, three[i].labels));
                QVERIFY(sameBytes(one[i].targets, three[i].targets));
            }
        }
        // Stored crops and SelfMix (fkd): the same.
        const auto data = openDataSplits(idx).train;
        const std::string labels = test::writeHandLabelStore(dir.filePath("l.fkdl").toStdString(), *data,
                                                             {0.9f, 0.5f, 0.2f, 0.7f});
        RunConfig c = test::smallRunConfig(idx);
        c.distill.mode = "fkd";
        c.distill.labels = labels;
        c.distill.num_crops = 2;
        c.augment.selfmix_prob = 1.0;
        c.schedule.batch_size = 16;
        BatchBuilder builder(data, c, std::make_shared<DistillTargets>(*data, c.distill));
        const auto one = allBatches(builder, 1), three = allBatches(builder, 3);
        QCOMPARE(one.front().images.size(0), int64_t(16));  // 8 images x 2 crops
        for (size_t i = 0; i < one.size(); ++i) {
            QVERIFY(sameBytes(one[i].images, three[i].images));
            QVERIFY(sameBytes(one[i].targets, three[i].targets));
        }
    }

    // A builder error reaches the training thread at the step that failed, after the
    // steps before it, whatever the worker count.
    void aWorkerErrorArrivesInStepOrder() {
        QTemporaryDir dir;
        const std::string folder = dir.filePath("f").toStdString();
        for (int i = 0; i < 16; ++i) {
            fs::create_directories(folder + "/c");
            cv::Mat img(16, 16, CV_8UC3, cv::Scalar::all(i * 10));
            cv::imwrite(folder + "/c/" + (i < 10 ? "0" : "") + std::to_string(i) + ".png", img);
        }
        const auto data = openDataSplits(folder).train;
        RunConfig c = test::smallRunConfig(folder);
        c.data.input_size = 16;
        c.schedule.batch_size = 4;
        c.augment.crop = "none";
        BatchBuilder builder(data, c);
        builder.setTrainingImages({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
        // Damage one file after the scan: the step that decodes it fails.
        const auto order = builder.epochOrder(1);
        const int64_t victim = order[9];  // in step 2 (images 8..11)
        test::writeFile(folder + "/c/" + fs::path(data->name(victim)).filename().string(), "not an image");
        BatchPrefetcher prefetcher(builder, 1, 0, builder.stepsPerEpoch(), {3, 2, false});
        int delivered = 0;
        try {
            while (prefetcher.next()) ++delivered;
            QFAIL("the damaged image was not reported");
        } catch (const std::exception& e) {
            QCOMPARE(delivered, 2);
            QVERIFY2(std::string(e.what()).find(".png") != std::string::npos, e.what());
        }
    }

    // A run stored before schedule.accounting existed counted images: it resumes and trains
    // as it began (here: the same steps as the equivalent run under FKD's accounting).
    // The meter counts the tensors made while it runs, alive at once, and nothing else.
    void theMeterCountsTheTensorsAliveAtOnce() {
        const auto before = torch::ones({1 << 20});  // 4 MB made before: not counted
        PeakMemoryMeter meter(torch::kCPU);
        {
            const auto a = torch::ones({1 << 18});  // 1 MB
            const auto b = torch::ones({1 << 19});  // 2 MB
        }
        const auto c = torch::ones({1 << 19});      // 2 MB, after a and b are gone
        const int64_t peak = meter.peakBytes();
        QVERIFY2(peak >= 3 << 20 && peak < (3 << 20) + (64 << 10), std::to_string(peak).c_str());
        std::thread other([] { const auto big = torch::ones({1 << 22}); });  // another thread: not counted
        other.join();
        QCOMPARE(meter.peakBytes(), peak);
    }

    // The plan's parts as the model is built: weights, gradients and AdamW's two moments
    // from the parameters, the EMA a second copy; activations measured, growing with the
    // micro-batch; auto takes the whole step where it fits.
    void thePlanCountsTheModelAndMeasuresTheActivations() {
        QTemporaryDir dir;
        const std::string d = test::writeIdxDataSet(dir.filePath("data").toStdString(), 256, 64);
        RunConfig c = test::smallRunConfig(d);
        c.ema.enabled = true;
        c.optim.name = "adamw";
        const DataSplits data = openRunData(c.data);
        const ModelSpec spec = modelSpecFor(c, *data.train);
        const MemoryPlan plan = planMemory(c, {spec, 1, largestEvaluationSplit(data), std::nullopt, nullptr});
        const auto model = createModel(c.model.arch, spec);
        QCOMPARE(plan.parameters, countParameters(*model));
        QCOMPARE(plan.gradients, plan.parameters * 4);
        QCOMPARE(plan.optimizer_state, 2 * plan.gradients);
        QVERIFY(plan.weights > plan.gradients);  // batch-norm statistics too
        QCOMPARE(plan.ema, plan.weights);
        QVERIFY(plan.activation_per_crop > 0);
        QVERIFY(plan.activationBytes(64) > plan.activationBytes(8));
        QVERIFY(plan.fits());
        QCOMPARE(plan.crops_per_process, int64_t(64));
        QCOMPARE(plan.micro_batch, int64_t(64));  // the whole step
        QCOMPARE(plannedMicroBatch(c, plan), int64_t(0));
    }

    // Within a limit that holds a quarter of the step's activations, auto cuts the step
    // into the fewest equal micro-batches that fit, and training uses them.
    void autoPicksTheFewestMicroBatchesThatFit() {
        QTemporaryDir dir;
        const std::string d = test::writeIdxDataSet(dir.filePath("data").toStdString(), 256, 64);
        RunConfig c = test::smallRunConfig(d);
        c.data.test_limit = 8;  // so training, not evaluating 256 test images, sets the peak
        const DataSplits data = openRunData(c.data);
        const MemoryPlan whole = planMemory(c, {modelSpecFor(c, *data.train), 1, largestEvaluationSplit(data), std::nullopt, nullptr});
        // Room for 18 or 19 crops: 4 passes of 16 (the process's resident memory drifts a little between plans).
        const int64_t budget = int64_t(double(whole.peakBytes(18) + whole.peakBytes(19)) / 2 / 0.9);
        c.runtime.memory_limit = std::to_string(budget);
        const MemoryPlan plan = planMemory(c, {modelSpecFor(c, *data.train), 1, largestEvaluationSplit(data), std::nullopt, nullptr});
        QVERIFY(plan.fits());
        QCOMPARE(plan.budget_source, std::string("runtime.memory_limit"));
        QCOMPARE(plan.micro_batch, int64_t(16));  // 64 crops in 4 passes of 16
        QCOMPARE(plannedMicroBatch(c, plan), int64_t(16));
        QVERIFY(plan.peakBytes(plan.micro_batch) <= plan.usableBytes());

        ExperimentStore store(dir.filePath("ws").toStdString());
        CountingObserver observer;
        TrainingControl control;
        Trainer trainer(store, observer, control);
        c.schedule.epochs = 1;
        const int64_t id = createTrainingRun(store, c);
        QCOMPARE(trainer.run(id).status, std::string(run_status::kFinished));
        bool logged = false;
        for (const auto& e : store.events(id)) logged |= e.message.find("micro-batches of 16 crops (4 per step") != std::string::npos;
        QVERIFY(logged);
    }

    // A run that cannot fit even one image per micro-batch: the plan refuses it with its
    // figures and what would make it fit (`ferkd train` asks before creating the run), and
    // a run created anyway fails where it starts, before its first step.
    void aRunThatCannotFitIsRefused() {
        QTemporaryDir dir;
        const std::string d = test::writeIdxDataSet(dir.filePath("data").toStdString(), 256, 64);
        RunConfig c = test::smallRunConfig(d);
        c.runtime.memory_limit = "2M";
        const DataSplits data = openRunData(c.data);
        try {
            requireFits(planMemory(c, {modelSpecFor(c, *data.train), 1, largestEvaluationSplit(data), std::nullopt, nullptr}));
            QFAIL("a run that cannot fit was accepted");
        } catch (const ConfigError& e) {
            const std::string m = e.what();
            QVERIFY2(m.find("does not fit") != std::string::npos && m.find("runtime.memory_limit") != std::string::npos &&
                         m.find("model.grad_checkpointing=true") != std::string::npos,
                     m.c_str());
        }
        ExperimentStore store(dir.filePath("ws").toStdString());
        CountingObserver observer;
        TrainingControl control;
        Trainer trainer(store, observer, control);
        const RunOutcome outcome = trainer.run(createTrainingRun(store, c));
        QCOMPARE(outcome.status, std::string(run_status::kFailed));
        QVERIFY2(outcome.message.find("does not fit") != std::string::npos, outcome.message.c_str());
        QVERIFY(observer.steps.empty());
    }

    // An allocation that fails is one line: what was asked for, the plan, how to resume.
    void anOutOfMemoryErrorIsOneLine() {
        try {
            TORCH_CHECK(false, "DefaultCPUAllocator: can't allocate memory: you tried to allocate 3814981632 bytes.");
        } catch (const c10::Error& e) {
            const std::string m = runFailureMessage(e, 7, "fits: 13.9 GB of 23.0 GB");
            QVERIFY2(m.find('\n') == std::string::npos, m.c_str());
            QVERIFY(m.rfind("out of memory: DefaultCPUAllocator: can't allocate memory", 0) == 0);
            QVERIFY(m.find("3814981632 bytes") != std::string::npos);
            QVERIFY(m.find("memory plan: fits: 13.9 GB") != std::string::npos);
            QVERIFY(m.find("ferkd train --resume 7") != std::string::npos);
        }
        const std::string other = runFailureMessage(std::runtime_error("disk on fire"), 7, "");
        QCOMPARE(other, std::string("disk on fire"));
    }

    void aRunStoredBeforeTheAccountingResumesAsBefore() {
        QTemporaryDir dir;
        const std::string d = test::writeIdxDataSet(dir.filePath("data").toStdString(), 256, 64);
        const auto data = openDataSplits(d).train;
        const std::string labels = test::writeHandLabelStore(dir.filePath("l.fkdl").toStdString(), *data,
                                                             {0.9f, 0.6f, 0.3f});
        ExperimentStore store(dir.filePath("ws").toStdString());
        RunConfig c = test::smallRunConfig(d);
        c.distill.mode = "fkd";
        c.distill.labels = labels;
        c.distill.num_crops = 2;
        c.schedule.batch_size = 32;  // images, as it meant then
        c.schedule.epochs = 2;
        nlohmann::json old = configToJson(c);
        old["schedule"].erase("accounting");
        const int64_t legacy = store.createRun("legacy", "train", "", old.dump(2), "");

        TrainingControl control;
        CountingObserver first;
        first.onStep = [&](const StepReport& r) {
            if (r.step == 3) control.requestStop();
        };
        Trainer trainer(store, first, control);
        QCOMPARE(trainer.run(legacy).status, std::string(run_status::kStopped));
        control.reset();
        CountingObserver rest;
        Trainer again(store, rest, control);
        QCOMPARE(again.run(legacy).status, std::string(run_status::kFinished));
        QCOMPARE(rest.steps.front().step, int64_t(4));
        QCOMPARE(rest.steps.back().total_steps, int64_t(16));  // 2 passes of 256 / 32 images
        QCOMPARE(rest.steps.back().steps_per_epoch, int64_t(8));
        QCOMPARE(int(rest.epochs.size()), 2);
        QCOMPARE(rest.epochs.back().metrics.epoch, int64_t(2));

        // The same training under FKD's accounting: 64 crops (32 images x 2), 4 epochs.
        RunConfig now = c;
        now.name = "fkd accounting";
        now.schedule.batch_size = 64;
        now.schedule.epochs = 4;
        now.schedule.warmup_epochs = 1;  // 0.5 pass
        CountingObserver same;
        Trainer third(store, same, control);
        const int64_t id = createTrainingRun(store, now);
        QCOMPARE(third.run(id).status, std::string(run_status::kFinished));
        QCOMPARE(same.steps.size(), size_t(16));
        for (size_t i = 3; i < same.steps.size(); ++i)
            QCOMPARE(same.steps[i].loss, rest.steps[i - 3].loss);
        QCOMPARE(same.epochs.back().metrics.epoch, int64_t(4));
        QCOMPARE(same.steps.back().steps_per_crop_epoch, 4.0);  // a pass of 8 steps is 2 epochs
        QCOMPARE(same.steps[3].epoch, int64_t(1));  // steps 1-4 are epoch 1, 5-8 epoch 2
        QCOMPARE(same.steps[4].epoch, int64_t(2));
        QCOMPARE(rest.steps.back().steps_per_crop_epoch, 8.0);
        QCOMPARE(same.epochs.back().metrics.test_top1, rest.epochs.back().metrics.test_top1);
        // The checkpoints' rows count epochs as the epoch rows do (2 passes are 4 epochs
        // here): each names the epoch row written at its step.
        for (const int64_t run : {legacy, id}) {
            const std::vector<EpochMetric> rows = store.epochMetrics(run);
            QCOMPARE(store.checkpoints(run).size(), size_t(2));  // last and best
            for (const CheckpointRecord& checkpoint : store.checkpoints(run)) {
                const auto row = std::find_if(rows.begin(), rows.end(), [&](const EpochMetric& m) { return m.step == checkpoint.step; });
                QVERIFY(row != rows.end());
                QCOMPARE(checkpoint.epoch, row->epoch);
                if (checkpoint.kind == "last") QCOMPARE(checkpoint.epoch, run == id ? int64_t(4) : int64_t(2));
            }
            // An evaluation of the last checkpoint says the same epoch.
            EvaluationRequest last;
            last.checkpoint = "last";
            QCOMPARE(evaluateRun(store, run, last).epoch, run == id ? int64_t(4) : int64_t(2));
        }
    }
};

FERKD_TEST_SUITE("scale", TestScale)
#include "moc_test_scale.cpp"
