#pragma once
// POST /api/v1/pipeline: what a client sends, and the runs it makes.
#include <cstdint>

#include "config/config_request.h"
#include "labels/label_job.h"

namespace ferkd {

// Teacher, label generation and student queued in one go (POST /pipeline): the teacher's
// checkpoint labels the teacher's training data into a file the server names in its
// workspace, and the student trains on that file. The client chooses the generation's
// settings only, never its data, teacher or file.
struct PipelineRequest {
    ConfigRequest teacher, student;
    LabelJob labels;  // crops, type, topk, temperature, crop scale, seed, batch size, precision
};

struct PipelineRuns {
    int64_t teacher = 0, labels = 0, student = 0;
};

}  // namespace ferkd
