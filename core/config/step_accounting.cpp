#include "config/step_accounting.h"

#include <algorithm>

namespace ferkd {

int cropsPerImage(const RunConfig& config) {
    const bool storedCrops = config.distill.mode == "fkd" || config.distill.mode == "ferkd";
    return storedCrops ? std::max(1, config.distill.num_crops) : 1;
}

int64_t imagesPerStepOf(const RunConfig& config) {
    const bool fkd = config.schedule.accounting == accounting::kFkd;
    return std::max<int64_t>(1, fkd ? config.schedule.batch_size / cropsPerImage(config) : config.schedule.batch_size);
}

int64_t StepAccounting::stepsInPass(int64_t pass) const {
    return std::clamp<int64_t>(total_steps - pass * steps_per_pass, 0, steps_per_pass);
}

int64_t StepAccounting::epochOfStep(int64_t step) const {
    const int64_t done = std::max<int64_t>(0, step - 1) * epochs_per_pass / steps_per_pass;
    return std::min<int64_t>(epochs, done + 1);
}

int64_t StepAccounting::epochAfter(int64_t pass) const { return std::min<int64_t>(epochs, (pass + 1) * epochs_per_pass); }

namespace {

std::string cropsText(const StepAccounting& a) {
    return std::to_string(a.crops_per_step) + " crops per step (" + std::to_string(a.images_per_step) + " images x " +
           std::to_string(a.crops_per_image) + ")";
}

std::string epochsText(const StepAccounting& a) {
    if (a.epochs_per_pass == 1) return std::to_string(a.epochs) + " epochs";
    std::string s = std::to_string(a.epochs) + " epochs of crop-views = " + std::to_string(a.epochs / a.epochs_per_pass) +
                    " passes";
    if (a.epochs % a.epochs_per_pass) s += " and a partial one";
    return s + " (FKD's accounting)";
}

}  // namespace

std::string StepAccounting::describe(int64_t trainingImages) const {
    return cropsText(*this) + ", " + std::to_string(steps_per_pass) + " steps per pass over " +
           std::to_string(trainingImages) + " images; " + epochsText(*this) + ", " + std::to_string(total_steps) +
           " steps";
}

std::string StepAccounting::describeStep() const { return cropsText(*this) + "; " + epochsText(*this); }

StepAccounting stepAccounting(const RunConfig& config, int64_t trainingImages) {
    StepAccounting a;
    a.crops_per_image = cropsPerImage(config);
    a.images_per_step = imagesPerStepOf(config);
    a.crops_per_step = a.images_per_step * a.crops_per_image;
    a.epochs_per_pass = config.schedule.accounting == accounting::kFkd ? a.crops_per_image : 1;
    a.epochs = config.schedule.epochs;
    a.steps_per_pass = std::max<int64_t>(1, trainingImages / a.images_per_step);
    // FKD's step count: epochs x (steps of one crop-view epoch); a partial pass ends it
    // where epochs is no multiple of the crops per image.
    a.total_steps = std::max<int64_t>(1, a.epochs * a.steps_per_pass / a.epochs_per_pass);
    a.passes = (a.total_steps + a.steps_per_pass - 1) / a.steps_per_pass;
    return a;
}

std::vector<std::pair<std::string, std::string>> accountingErrors(const RunConfig& config) {
    std::vector<std::pair<std::string, std::string>> errors;
    const int k = cropsPerImage(config);
    if (config.schedule.accounting != accounting::kFkd || k == 1) return errors;
    const std::string crops = std::to_string(k);
    auto multiples = [k](int64_t n) {
        const int64_t below = n / k * k, above = below + k;
        return below > 0 ? std::to_string(below) + " or " + std::to_string(above) : std::to_string(above);
    };
    if (config.schedule.batch_size % k != 0)
        errors.emplace_back("schedule.batch_size",
                            std::to_string(config.schedule.batch_size) + " counts crops (FKD's accounting: " + crops +
                                " crops of each image per step), so it must be a multiple of distill.num_crops " +
                                crops + ", e.g. " + multiples(config.schedule.batch_size));
    return errors;
}

}  // namespace ferkd
