"""Runs an ONNX file node by node with PyTorch (python3-torch) operators, written from
the ONNX operator specification, for the graphs OpenCV 4.6 cannot run (transformers,
squeeze-excitation at batch > 1, fp16). A third reader: it shares no code with the app.

usage: onnx_reference_run.py MODEL (INPUT.f32 B,C,H,W OUTPUT.f32)...
INPUT and OUTPUT are raw little-endian float32; the output is the first graph output.
Several inputs in one run: starting Python with torch takes longer than a small graph."""
import sys

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper


def attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def reshape(x, shape):
    shape = [x.shape[i] if d == 0 else d for i, d in enumerate(shape.tolist())]  # 0 copies (allowzero=0)
    return x.reshape(shape)


def conv(x, w, b=None, **a):
    pads = a.get("pads", [0, 0, 0, 0])
    assert pads[0] == pads[2] and pads[1] == pads[3]
    return F.conv2d(x, w, b, a.get("strides", 1), pads[:2], a.get("dilations", 1), a.get("group", 1))


def gemm(a_, b, c=None, **a):
    if a.get("transA", 0):
        a_ = a_.t()
    if a.get("transB", 0):
        b = b.t()
    y = a.get("alpha", 1.0) * (a_ @ b)
    return y + a.get("beta", 1.0) * c if c is not None else y


def pad(x, pads, **a):
    n = x.dim()
    before, after = pads.tolist()[:n], pads.tolist()[n:]
    flat = []
    for i in reversed(range(n)):  # F.pad lists the last axis first
        flat += [before[i], after[i]]
    return F.pad(x, flat, value=0.0)


def slice_(x, starts, ends, axes, steps=None):
    index = [slice(None)] * x.dim()
    for s, e, ax in zip(starts.tolist(), ends.tolist(), axes.tolist()):
        index[ax] = slice(s, e)
    return x[tuple(index)]


def layer_norm(x, scale, bias, axis=-1, epsilon=1e-5, **_):
    axis = axis % x.dim()
    return F.layer_norm(x, x.shape[axis:], scale, bias, epsilon)


OPS = {
    "Conv": conv,
    "Relu": lambda x: torch.relu(x),
    "Sigmoid": lambda x: torch.sigmoid(x),
    "Add": lambda a, b: a + b,
    "Sub": lambda a, b: a - b,
    "Mul": lambda a, b: a * b,
    "Div": lambda a, b: a / b,
    "Sqrt": lambda x: torch.sqrt(x),
    "Erf": lambda x: torch.erf(x),
    "MatMul": lambda a, b: torch.matmul(a, b),
    "Gemm": gemm,
    "MaxPool": lambda x, kernel_shape, strides, pads, **_: F.max_pool2d(x, kernel_shape, strides, pads[:2]),
    "GlobalAveragePool": lambda x: x.mean(dim=(2, 3), keepdim=True),
    "Flatten": lambda x, axis=1: x.reshape(int(np.prod(x.shape[:axis])), -1),
    "Reshape": reshape,
    "Transpose": lambda x, perm: x.permute(*perm),
    "Pad": pad,
    "Slice": slice_,
    "Softmax": lambda x, axis=-1: torch.softmax(x, axis),
    "ReduceMean": lambda x, axes, keepdims=1: x.mean(dim=tuple(axes), keepdim=bool(keepdims)),
    "LayerNormalization": layer_norm,
}

def run(model, values, input_path, shape, output_path, half, dtype, compute):
    dims = [int(d) for d in shape.split(",")]
    x = torch.from_numpy(np.fromfile(input_path, dtype=np.float32).reshape(dims)).to(dtype).to(compute)
    values = dict(values)
    values[model.graph.input[0].name] = x
    with torch.no_grad():
        for node in model.graph.node:
            if node.op_type not in OPS:
                sys.exit("no reference for operator " + node.op_type)
            args = [values[i] for i in node.input]
            values[node.output[0]] = OPS[node.op_type](*args, **attrs(node))
            if half:  # each node's result is stored as the fp16 tensor the graph declares
                values[node.output[0]] = values[node.output[0]].to(torch.float16).to(compute)
    values[model.graph.output[0].name].to(torch.float32).numpy().astype("<f4").tofile(output_path)


model_path, runs = sys.argv[1], sys.argv[2:]
if not runs or len(runs) % 3:
    sys.exit(__doc__)
model = onnx.load(model_path)
half = model.graph.input[0].type.tensor_type.elem_type == onnx.TensorProto.FLOAT16
dtype = torch.float16 if half else torch.float32
compute = torch.float32  # fp16 graphs are evaluated in fp32 from their fp16 weights: CPU torch lacks fp16 kernels
weights = {}
for init in model.graph.initializer:
    array = numpy_helper.to_array(init)
    t = torch.from_numpy(array.copy())
    weights[init.name] = t.to(compute) if t.is_floating_point() else t
for i in range(0, len(runs), 3):
    run(model, weights, runs[i], runs[i + 1], runs[i + 2], half, dtype, compute)
