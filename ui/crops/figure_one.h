#pragma once
// The paper's Figure 1 from a label set: one row per FerKD group, one column per image
// drawn at random (`seed`): each image's least confident crop of the discarded-hard and
// calibrated groups, its median teacher-label crop and its most confident discarded-easy
// crop, with p(true class) under each; an empty cell where an image has none in a group.
// Where the data has object boxes, the part of the object inside each crop is drawn too.
#include <QImage>

#include <cstdint>

#include "labels/crop_inspector.h"

namespace ferkd::ui {

QImage figureOne(const CropInspector& inspector, const FerkdConfig& rule, int images, uint32_t seed);

}  // namespace ferkd::ui
