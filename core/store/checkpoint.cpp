#include "store/checkpoint.h"

#include <nlohmann/json.hpp>

#include <filesystem>

#include "util/atomic_file.h"
#include "util/error.h"
#include "util/file_sink.h"

namespace ferkd {
namespace {

const char* kFormat = "ferkd-checkpoint-1";

torch::Tensor positionTensor(const TrainingPosition& p) {
    return torch::tensor({double(p.epoch), double(p.step_in_epoch), double(p.global_step), p.best_top1, p.loss_sum,
                          p.correct, p.seen},
                         torch::kDouble);
}

TrainingPosition positionFrom(const torch::Tensor& t) {
    auto a = t.accessor<double, 1>();
    TrainingPosition p;
    p.epoch = int64_t(a[0]);
    p.step_in_epoch = int64_t(a[1]);
    p.global_step = int64_t(a[2]);
    p.best_top1 = a[3];
    p.loss_sum = a[4];
    p.correct = a[5];
    p.seen = a[6];
    return p;
}

torch::Tensor specTensor(const ModelSpec& s) {
    return torch::tensor({double(s.num_classes), double(s.in_chans), double(s.input_size), s.drop_path}, torch::kDouble);
}

ModelSpec specFrom(const torch::Tensor& t) {
    auto a = t.accessor<double, 1>();
    return ModelSpec{int(a[0]), int(a[1]), int(a[2]), a[3]};
}

torch::serialize::InputArchive openArchive(const std::string& path) {
    if (!std::filesystem::exists(path)) throw FileError(path, "checkpoint file does not exist");
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(path);
        c10::IValue format;
        if (!archive.try_read("format", format) || !format.isString() || format.toStringRef() != kFormat)
            throw FileError(path, "not a FerKD Studio checkpoint (no '" + std::string(kFormat) + "' marker)");
    } catch (const c10::Error& e) {
        throw FileError(path, "not a readable checkpoint (truncated or not a checkpoint): " + e.msg());
    }
    return archive;
}

}  // namespace

void saveCheckpoint(const std::string& path, const CheckpointContent& c) {
    torch::serialize::OutputArchive archive;
    archive.write("format", c10::IValue(std::string(kFormat)));
    archive.write("config", c10::IValue(c.config_json));
    archive.write("position", positionTensor(c.position));
    archive.write("model_spec", specTensor(c.spec));
    torch::serialize::OutputArchive model;
    c.model->save(model);
    archive.write("model", model);
    if (c.ema) {
        torch::serialize::OutputArchive ema;
        c.ema->save(ema);
        archive.write("ema", ema);
    }
    if (c.optimizer) {
        torch::serialize::OutputArchive optimizer;
        c.optimizer->save(optimizer);
        archive.write("optimizer", optimizer);
    }
    writeFileAtomically(path, [&](const std::string& tmp) {
        FileSink sink(tmp, "checkpoint.piece");
        archive.save_to([&sink](const void* data, size_t size) { return sink.write(data, size); });
        sink.close();
    });
}

void loadCheckpoint(const std::string& path, CheckpointContent& c) {
    auto archive = openArchive(path);
    try {
        torch::Tensor position;
        archive.read("position", position);
        c.position = positionFrom(position);
        torch::Tensor spec;
        archive.read("model_spec", spec);
        c.spec = specFrom(spec);
        torch::serialize::InputArchive model;
        archive.read("model", model);
        c.model->load(model);
        if (c.ema) {
            torch::serialize::InputArchive ema;
            if (archive.try_read("ema", ema)) {
                c.ema->load(ema);
                c.ema_loaded = true;
            }
        }
        if (c.optimizer) {
            torch::serialize::InputArchive optimizer;
            archive.read("optimizer", optimizer);
            c.optimizer->load(optimizer);
        }
        c10::IValue config;
        archive.read("config", config);
        c.config_json = config.toStringRef();
    } catch (const c10::Error& e) {
        throw FileError(path, "checkpoint does not fit this model (other architecture or damaged): " + e.msg());
    }
}

CheckpointHeader readCheckpointHeader(const std::string& path) {
    auto archive = openArchive(path);
    try {
        c10::IValue config;
        archive.read("config", config);
        torch::Tensor spec;
        archive.read("model_spec", spec);
        return {config.toStringRef(), specFrom(spec)};
    } catch (const c10::Error& e) {
        throw FileError(path, "damaged checkpoint: " + e.msg());
    }
}

CheckpointModel loadCheckpointModel(const std::string& path, bool ema) {
    const CheckpointHeader header = readCheckpointHeader(path);
    CheckpointModel out;
    out.spec = header.spec;
    out.config_json = header.config_json;
    try {
        out.arch = nlohmann::json::parse(header.config_json).at("model").at("arch").get<std::string>();
    } catch (const nlohmann::json::exception& e) {
        throw FileError(path, std::string("checkpoint config names no model: ") + e.what());
    }
    auto model = createModel(out.arch, header.spec);
    std::shared_ptr<Classifier> shadow = ema ? createModel(out.arch, header.spec) : nullptr;
    CheckpointContent content{model.get(), shadow.get(), nullptr, {}, {}, {}};
    loadCheckpoint(path, content);
    if (ema && !content.ema_loaded) throw FileError(path, "holds no EMA weights (the run trained with ema.enabled=false)");
    out.model = ema ? shadow : model;
    out.model->eval();
    return out;
}

}  // namespace ferkd
