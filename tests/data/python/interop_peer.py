"""The PyTorch side of the interop tests, written as a user would in Python.

Usage:
  interop_peer.py check-export STATE_DICT IO_FILE
      Loads the app's exported ResNet-18 into torchvision with strict=True, runs it on
      IO_FILE's "input" and prints the largest difference from the app's "logits".
  interop_peer.py make-torchvision OUT_DIR
      Saves a torchvision ResNet-18 state_dict (random weights and BN statistics) as
      resnet18.pt, the same under "state_dict" with DDP's "module." prefix as
      resnet18_ddp.pt, and io.pt with an input and torchvision's logits for it.
  interop_peer.py check-safetensors FILE REFERENCE
      Parses FILE by the safetensors specification (no safetensors package) and
      compares every tensor, bit for bit, with torch.load(REFERENCE).
"""
import json
import struct
import sys

import torch
import torchvision


def randomise_bn(model):
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.running_mean.normal_(0, 0.1)
            m.running_var.uniform_(0.5, 1.5)


def check_export(state_dict_path, io_path):
    sd = torch.load(state_dict_path)
    assert isinstance(sd, dict), type(sd)
    model = torchvision.models.resnet18()
    model.load_state_dict(sd, strict=True)
    model.eval()
    io = torch.load(io_path)
    with torch.no_grad():
        logits = model(io["input"])
    print("max_abs_diff=%.3e" % (logits - io["logits"]).abs().max().item())


def make_torchvision(out):
    torch.manual_seed(0)
    model = torchvision.models.resnet18()
    randomise_bn(model)
    model.eval()
    torch.save(model.state_dict(), out + "/resnet18.pt")
    ddp = {"module." + k: v for k, v in model.state_dict().items()}
    torch.save({"epoch": 3, "state_dict": ddp}, out + "/resnet18_ddp.pt")
    x = torch.randn(2, 3, 64, 64)
    with torch.no_grad():
        torch.save({"input": x, "logits": model(x)}, out + "/io.pt")


DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "I64": torch.int64}


def check_safetensors(path, reference):
    data = open(path, "rb").read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    body = data[8 + n:]
    ref = torch.load(reference)
    names = [k for k in header if k != "__metadata__"]
    assert sorted(names) == sorted(ref), "names differ"
    for name in names:
        e = header[name]
        begin, end = e["data_offsets"]
        t = torch.frombuffer(bytearray(body[begin:end]), dtype=DTYPES[e["dtype"]]).reshape(e["shape"])
        r = ref[name]
        assert t.dtype == r.dtype and t.shape == r.shape, name
        assert t.reshape(-1).view(torch.uint8).equal(r.contiguous().reshape(-1).view(torch.uint8)), name
    print("safetensors_ok tensors=%d" % len(names))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "check-export":
        check_export(sys.argv[2], sys.argv[3])
    elif cmd == "make-torchvision":
        make_torchvision(sys.argv[2])
    elif cmd == "check-safetensors":
        check_safetensors(sys.argv[2], sys.argv[3])
    else:
        sys.exit("unknown command " + cmd)
