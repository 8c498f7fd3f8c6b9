"""Reads the app's label store (.fkdl; layout in core/labels/label_store.h) with numpy,
and writes it out as FKD's per-image torch.save files, so the FKD-style peer trains on
exactly the labels the app trains on."""
import json
import os
import struct

import numpy as np
import torch


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"FKDLABL1":
        raise ValueError(f"{path}: not a label store")
    (hlen,) = struct.unpack("<Q", data[8:16])
    info = json.loads(data[16:16 + hlen])
    offset = (16 + hlen + 63) // 64 * 64
    n, crops, k = info["num_images"], info["crops_per_image"], info["topk"]
    if info["type"] != "marginal_smoothing":
        raise ValueError("the benchmark uses marginal-smoothing stores")
    record = np.dtype([("box", "<u2", 4), ("flags", "<u2"), ("probs", "<f2", k), ("classes", "<u2", k)])
    records = np.frombuffer(data, record, count=n * crops, offset=offset).reshape(n, crops)
    return info, records


def write_fkd_files(path, out_dir):
    """One file per image: [boxes (x, y, w, h shares) fp16, flips, top-k probabilities fp16, classes int16]."""
    info, records = read(path)
    os.makedirs(out_dir, exist_ok=True)
    for i in range(info["num_images"]):
        r = records[i]
        torch.save([torch.from_numpy(r["box"].astype(np.float32) / 65535.0).half(),
                    torch.from_numpy((r["flags"] & 1).astype(bool)),
                    torch.from_numpy(r["probs"].copy()),
                    torch.from_numpy(r["classes"].astype(np.int16))],
                   os.path.join(out_dir, f"{i}.tar"))
    return info
