#pragma once
// ONNX's protobuf classes and checker, as Debian's libonnx-dev was built: its headers read
// these two macros. They are set here rather than on the command line so that the ONNX
// files compile in the core's unity batches under its precompiled header.
#ifndef ONNX_NAMESPACE
#define ONNX_NAMESPACE onnx
#endif
#ifndef ONNX_ML
#define ONNX_ML 1
#endif

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>
