"""FKD's way of storing soft labels: one file per image written with torch.save,
holding every crop's box, flip and top-k probabilities (fp16) with their classes.
Measures bytes per crop on disk and random reads of one image's labels, on the same
synthetic shape as `ferkd bench store`."""
import argparse
import json
import os
import random
import shutil
import tempfile
import time

import torch


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--images", type=int, default=10000)
    ap.add_argument("--crops", type=int, default=40)
    ap.add_argument("--classes", type=int, default=1000)
    ap.add_argument("--topk", type=int, default=10)
    ap.add_argument("--reads", type=int, default=5000)
    args = ap.parse_args()
    root = tempfile.mkdtemp(prefix="fkd-peer-store-")
    try:
        g = torch.Generator().manual_seed(1)
        t0 = time.perf_counter()
        for i in range(args.images):
            coords = (torch.rand(args.crops, 4, generator=g) * 0.5).half()
            flips = torch.rand(args.crops, generator=g) < 0.5
            values = torch.rand(args.crops, args.topk, generator=g).half()
            indices = torch.randint(0, args.classes, (args.crops, args.topk), generator=g, dtype=torch.int16)
            torch.save([coords, flips, values, indices], os.path.join(root, f"{i}.tar"))
        write_s = time.perf_counter() - t0
        total = sum(os.path.getsize(os.path.join(root, f)) for f in os.listdir(root))
        rng = random.Random(1)
        checksum = 0.0
        # Every image once, untimed, as the app does (files and pages warm on both sides).
        for i in range(args.images):
            checksum += float(torch.load(os.path.join(root, f"{i}.tar"))[2][0, 0])
        t0 = time.perf_counter()
        for _ in range(args.reads):
            coords, flips, values, indices = torch.load(os.path.join(root, f"{rng.randrange(args.images)}.tar"))
            checksum += float(values[0, 0]) + float(coords[0, 0])
        reads_s = args.reads / (time.perf_counter() - t0)
    finally:
        shutil.rmtree(root)
    print(json.dumps({"benchmark": "store", "peer": "fkd-per-image-torch.save", "bytes_per_crop": total / (args.images * args.crops),
                      "file_bytes": total, "write_s": write_s, "reads_per_s": reads_s}))


if __name__ == "__main__":
    main()
