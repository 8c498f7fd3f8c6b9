"""The second reader of the app's ONNX files: Debian's python3-onnx. For each file: load
it, run the full check (checker and strict shape inference), and print one JSON line with
its opset, input and output shapes, operator types and metadata."""
import json
import sys

import onnx


def dims(value):
    return [d.dim_param or d.dim_value for d in value.type.tensor_type.shape.dim]


for path in sys.argv[1:]:
    model = onnx.load(path)
    onnx.checker.check_model(model, full_check=True)
    inferred = onnx.shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
    print(json.dumps({
        "file": path,
        "opset": model.opset_import[0].version,
        "input": [model.graph.input[0].name] + dims(model.graph.input[0]),
        "input_type": onnx.TensorProto.DataType.Name(model.graph.input[0].type.tensor_type.elem_type),
        "output": [model.graph.output[0].name] + dims(inferred.graph.output[0]),
        "ops": sorted({n.op_type for n in model.graph.node}),
        "metadata": {p.key: p.value for p in model.metadata_props},
    }))
