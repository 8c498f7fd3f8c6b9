#!/usr/bin/python3
"""A folder of ImageNet-like JPEGs for the input-pipeline benchmark: --count images of
500 x 375 px (ImageNet's typical size) in --classes class folders, quality 90, with
smooth shapes and fine texture so each file is about the size of an ImageNet JPEG
(about 100 KB). Deterministic (seeded)."""
import argparse
import os

import torch
from torchvision.io import write_jpeg


def image(gen, h, w):
    # Smooth colour fields (low-frequency noise, upsampled) plus fine grain.
    base = torch.rand(3, 12, 16, generator=gen)
    smooth = torch.nn.functional.interpolate(base[None], size=(h, w), mode="bicubic", align_corners=False)[0]
    grain = torch.rand(3, h, w, generator=gen) * 0.35
    return ((smooth * 0.75 + grain).clamp(0, 1) * 255).to(torch.uint8)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--classes", type=int, default=10)
    args = ap.parse_args()
    gen = torch.Generator().manual_seed(0)
    for i in range(args.count):
        folder = os.path.join(args.out, f"class{i % args.classes:02d}")
        os.makedirs(folder, exist_ok=True)
        write_jpeg(image(gen, 375, 500), os.path.join(folder, f"{i:05d}.jpg"), quality=90)


if __name__ == "__main__":
    main()
