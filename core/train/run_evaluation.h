#pragma once
// A run's checkpoint evaluated on its test split: top-1/top-5, loss, the confusion
// matrix with per-class accuracy, and each image's prediction (what the studio's
// confusion cells open). For a distilled run, optionally its teacher beside it: how
// often the two agree on the top-1 class and the mean KL(teacher || student), per
// class. Free of torch headers: `ferkd eval` and the studio's results tab both call it.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "imaging/image_pixels.h"
#include "store/experiment_store.h"

namespace ferkd {

struct ImagePrediction {
    int64_t image = 0;  // index in the test split
    int truth = 0, predicted = 0;
    float confidence = 0;        // softmax probability of the predicted class
    int teacher_predicted = -1;  // with a teacher compared
    float kl = 0;                // KL(teacher || student) at temperature 1, nats
};

struct RunEvaluation {
    std::string checkpoint;
    int64_t epoch = 0;  // epochs completed when the checkpoint was written, in the run's units
    int64_t images = 0;
    double loss = 0, top1 = 0, top5 = 0;  // top-k in percent
    std::vector<std::string> classes;
    std::vector<int64_t> confusion;  // [true class * K + predicted class]
    std::vector<ImagePrediction> predictions;  // one per test image, in index order

    // The teacher compared (its description), or why none was (empty when not asked).
    std::string teacher, teacher_note;
    double agreement = 0, mean_kl = 0;                 // over all test images, agreement in percent
    std::vector<double> class_agreement, class_kl;     // per true class

    // The test split's images, for thumbnails (decoded on demand).
    std::function<ImagePixels(int64_t)> image;

    int64_t count(int trueClass, int predicted) const { return confusion[size_t(trueClass) * classes.size() + predicted]; }
    double classAccuracy(int cls) const;  // percent of that class's test images predicted right
    bool comparedTeacher() const { return !teacher.empty(); }
    // The images of one confusion cell, the most confident first.
    std::vector<ImagePrediction> cell(int trueClass, int predicted) const;
    // Wrong predictions, the most confident first, at most `limit`.
    std::vector<ImagePrediction> confidentlyWrong(size_t limit) const;
};

// Test images evaluated so far, of all of the split.
using EvaluationProgress = std::function<void(int64_t done, int64_t total)>;

struct EvaluationRequest {
    std::string checkpoint = "best";  // "best", "last" or a checkpoint file
    std::string test_path;            // replaces the run's test split when set
    int batch_size = 256;
    // A distilled run's teacher (kd: distill.teacher; fkd / ferkd: the run that taught
    // its label set) evaluated beside it; when it cannot be, teacher_note says why.
    bool with_teacher = false;
    EvaluationProgress progress;  // optional, after every batch
};

RunEvaluation evaluateRun(const ExperimentStore& store, int64_t runId, const EvaluationRequest& request = {});

}  // namespace ferkd
