"""Fashion-MNIST from Debian's dataset-fashion-mnist (IDX files), as uint8 tensors."""
import gzip
import os

import numpy as np
import torch

# FERKD_FMNIST_DIR: another folder of IDX files (bench/gpu/run.sh writes one; the GPU
# machine has no Debian data sets).
ROOT = os.environ.get("FERKD_FMNIST_DIR", "/usr/share/datasets/fashion-mnist")


def _open(path):
    for candidate in (path, path + ".gz"):
        if os.path.exists(candidate):
            return gzip.open(candidate, "rb") if candidate.endswith(".gz") else open(candidate, "rb")
    raise FileNotFoundError(path)


def load(split="train", limit=0):
    with _open(os.path.join(ROOT, f"{split}-images-idx3-ubyte")) as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28)
    with _open(os.path.join(ROOT, f"{split}-labels-idx1-ubyte")) as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    if limit:
        images, labels = images[:limit], labels[:limit]
    return torch.from_numpy(images.copy()), torch.from_numpy(labels.astype(np.int64))
