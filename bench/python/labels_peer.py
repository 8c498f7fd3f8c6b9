"""Soft-label generation the way FKD's generator does it: a DataLoader yields batches
of images, each with N RandomResizedCrop (+ flip) crops made by torchvision transforms;
the teacher (a torchvision model, random weights) labels every crop; the top-k
probabilities are kept in fp16 and each image's labels saved with torch.save.
The same work as `ferkd bench labels`."""
import argparse
import json
import os
import shutil
import tempfile
import time

import torch
import torchvision
import torchvision.transforms as T
import torchvision.transforms.functional as TF

import fmnist


class Crops(torch.utils.data.Dataset):
    def __init__(self, images, crops, size):
        self.images, self.crops, self.size = images, crops, size
        self.rrc = T.RandomResizedCrop(size, scale=(0.08, 1.0), antialias=False)

    def __len__(self):
        return len(self.images)

    def __getitem__(self, i):
        img = self.images[i].unsqueeze(0).float()  # [1, H, W]
        out, coords, flips = [], [], []
        for _ in range(self.crops):
            top, left, h, w = self.rrc.get_params(img, self.rrc.scale, self.rrc.ratio)
            crop = TF.resized_crop(img, top, left, h, w, [self.size, self.size], antialias=False)
            flip = bool(torch.rand(1) < 0.5)
            out.append(TF.hflip(crop) if flip else crop)
            coords.append([top, left, h, w])
            flips.append(flip)
        x = (torch.stack(out) / 255.0 - 0.5) / 0.5
        return x, torch.tensor(coords, dtype=torch.float16), torch.tensor(flips), i


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--arch", default="resnet18")
    ap.add_argument("--images", type=int, default=1000)
    ap.add_argument("--crops", type=int, default=8)
    ap.add_argument("--input-size", type=int, default=56)
    ap.add_argument("--batch", type=int, default=256, help="crops per forward pass")
    ap.add_argument("--topk", type=int, default=10)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--precision", default="fp32", choices=["fp32", "bf16"])
    args = ap.parse_args()
    device = torch.device(args.device)
    if device.type == "cuda":
        torch.backends.cudnn.benchmark = True
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    images, _ = fmnist.load("train", args.images)
    model = getattr(torchvision.models, args.arch)(num_classes=10)
    model.conv1 = torch.nn.Conv2d(1, 64, 7, 2, 3, bias=False)
    model = model.to(device).eval()
    loader = torch.utils.data.DataLoader(Crops(images, args.crops, args.input_size),
                                         batch_size=max(1, args.batch // args.crops), num_workers=args.workers,
                                         pin_memory=device.type == "cuda")
    root = tempfile.mkdtemp(prefix="fkd-peer-labels-")
    try:
        t0 = time.perf_counter()
        with torch.no_grad():
            for x, coords, flips, idx in loader:
                b = x.shape[0]
                with torch.autocast(device.type, dtype=torch.bfloat16, enabled=args.precision == "bf16"):
                    logits = model(x.view(-1, *x.shape[2:]).to(device, non_blocking=True))
                probs = torch.softmax(logits.float(), 1).view(b, args.crops, -1)
                values, classes = (t.cpu() for t in probs.topk(args.topk, dim=-1))
                for j in range(b):
                    torch.save([coords[j], flips[j], values[j].half(), classes[j].short()],
                               os.path.join(root, f"{int(idx[j])}.tar"))
        seconds = time.perf_counter() - t0
        total = sum(os.path.getsize(os.path.join(root, f)) for f in os.listdir(root))
    finally:
        shutil.rmtree(root)
    crops = args.images * args.crops
    print(json.dumps({"benchmark": "labels", "peer": "fkd-style", "crops": crops, "seconds": seconds,
                      "crops_per_s": crops / seconds, "file_bytes": total}))


if __name__ == "__main__":
    main()
