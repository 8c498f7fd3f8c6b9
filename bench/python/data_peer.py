#!/usr/bin/python3
"""The input pipeline's PyTorch peer (`ferkd bench data`): torchvision's ImageFolder and
DataLoader with `--workers` worker processes, the same transforms (RandomResizedCrop at
--input-size, horizontal flip, to tensor, ImageNet normalisation), batches of --batch
images; the first batch is not timed (start-up). Prints one JSON line."""
import argparse
import json
import time

import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--input-size", type=int, default=224)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--batches", type=int, default=0, help="0 = one pass")
    args = ap.parse_args()
    torch.set_num_threads(1)
    transform = transforms.Compose([
        transforms.RandomResizedCrop(args.input_size, scale=(0.08, 1.0)),
        transforms.RandomHorizontalFlip(),
        transforms.ToTensor(),
        transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
    ])
    data = datasets.ImageFolder(args.data, transform)
    loader = DataLoader(data, batch_size=args.batch, shuffle=True, num_workers=args.workers, drop_last=True)
    limit = args.batches or len(loader)
    it = iter(loader)
    next(it)  # start-up
    start = time.perf_counter()
    images = 0
    for i, (x, y) in enumerate(it, start=1):
        if i >= limit:
            break
        images += y.numel()
    seconds = time.perf_counter() - start
    print(json.dumps({"benchmark": "data", "workers": args.workers, "images": images, "seconds": seconds,
                      "images_per_s": images / seconds}))


if __name__ == "__main__":
    main()
