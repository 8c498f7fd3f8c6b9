"""A FerKD training epoch the way FKD's train_FKD.py runs one, adapted to FerKD: a
DataLoader over the images, each item loading its per-image soft-label file, choosing
num_crops of its stored crops, cutting and resizing them with torchvision, recovering
the marginal-smoothing distributions and calibrating the image's hard crops (the least
confident share of its stored crops, by the teacher's probability of the true class)
to a smoothed one-hot; then the model step (soft cross-entropy, AdamW) and a short test
pass. The same work as `ferkd train` with distill.mode=ferkd on the same label store."""
import argparse
import json
import os
import shutil
import tempfile
import time

import torch
import torch.nn.functional as F
import torchvision
import torchvision.transforms.functional as TF
from PIL import Image

import fkdl
import fmnist
from step_peer import param_groups, soft_cross_entropy


def image_folder(root):
    """(path, label) of root/<class>/<file>, classes and files sorted as the app sorts them."""
    classes = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    return [(os.path.join(root, c, f), y) for y, c in enumerate(classes)
            for f in sorted(os.listdir(os.path.join(root, c)))]


class FerKDCrops(torch.utils.data.Dataset):
    """`images`: a uint8 tensor [N, H, W] (Fashion-MNIST) or a list of JPEG paths, decoded
    once per item with PIL as torchvision's ImageFolder does."""

    def __init__(self, images, labels, label_dir, num_crops, size, classes, hard_fraction, eps):
        self.images, self.labels, self.dir = images, labels, label_dir
        self.num_crops, self.size, self.classes = num_crops, size, classes
        self.hard_fraction, self.eps = hard_fraction, eps

    def __len__(self):
        return len(self.images)

    def __getitem__(self, i):
        boxes, flips, values, classes = torch.load(os.path.join(self.dir, f"{i}.tar"))
        y = int(self.labels[i])
        stored = boxes.shape[0]
        # Marginal smoothing: the top-k as stored, the rest of the mass spread evenly.
        values = values.float()
        rest = ((1.0 - values.sum(1, keepdim=True)).clamp(min=0) / (self.classes - values.shape[1]))
        soft = rest.expand(stored, self.classes).clone()
        soft.scatter_(1, classes.long(), values)
        # FerKD: the least confident share of the image's crops is hard.
        p_true = soft[:, y]
        hard = torch.zeros(stored, dtype=torch.bool)
        hard[p_true.argsort()[: int(round(self.hard_fraction * stored))]] = True
        chosen = torch.randperm(stored)[: self.num_crops]
        if isinstance(self.images, list):
            img = TF.pil_to_tensor(Image.open(self.images[i]).convert("RGB")).float()
        else:
            img = self.images[i].unsqueeze(0).float()
        H, W = img.shape[1:]
        crops, targets = [], []
        for c in chosen.tolist():
            x, yy, w, h = boxes[c].float().tolist()
            crop = TF.resized_crop(img, int(yy * H), int(x * W), max(1, int(h * H)), max(1, int(w * W)),
                                   [self.size, self.size], antialias=False)
            crops.append(TF.hflip(crop) if flips[c] else crop)
            if hard[c]:
                t = torch.full((self.classes,), self.eps / self.classes)
                t[y] += 1.0 - self.eps
            else:
                t = soft[c]
            targets.append(t)
        return (torch.stack(crops) / 255.0 - 0.5) / 0.5, torch.stack(targets)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--labels", required=True, help="the app's .fkdl label store")
    ap.add_argument("--images", type=int, default=10000)
    ap.add_argument("--folder", default="", help="an image folder with train/ and val/ instead of Fashion-MNIST")
    ap.add_argument("--num-crops", type=int, default=2)
    ap.add_argument("--input-size", type=int, default=28)
    ap.add_argument("--batch", type=int, default=256, help="images per step")
    ap.add_argument("--test-images", type=int, default=256)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    label_dir = tempfile.mkdtemp(prefix="fkd-peer-epoch-")
    try:
        info = fkdl.write_fkd_files(args.labels, label_dir)  # setup, not timed
        classes = info["num_classes"]
        model = torchvision.models.resnet18(num_classes=classes)
        if args.folder:
            train = image_folder(os.path.join(args.folder, "train"))[: args.images]
            images, labels = [p for p, _ in train], torch.tensor([y for _, y in train])
            test = image_folder(os.path.join(args.folder, "val"))[: args.test_images]
            test_images = torch.stack([TF.resize(TF.pil_to_tensor(Image.open(p).convert("RGB")),
                                                 [args.input_size, args.input_size], antialias=False) for p, _ in test])
            test_labels = torch.tensor([y for _, y in test])
        else:
            images, labels = fmnist.load("train", args.images)
            test_images, test_labels = fmnist.load("t10k", args.test_images)
            test_images = test_images.unsqueeze(1)
            model.conv1 = torch.nn.Conv2d(1, 64, 7, 2, 3, bias=False)
        chans = 3 if args.folder else 1
        model = model.to(memory_format=torch.channels_last).train()
        opt = torch.optim.AdamW(param_groups(model, 0.05), lr=0.002)
        data = FerKDCrops(images, labels, label_dir, args.num_crops, args.input_size, classes, 0.2, 0.1)
        loader = torch.utils.data.DataLoader(data, batch_size=args.batch, shuffle=True, drop_last=True,
                                             num_workers=args.workers, persistent_workers=False)
        t0 = time.perf_counter()
        steps = 0
        for x, t in loader:
            x = x.view(-1, chans, args.input_size, args.input_size).contiguous(memory_format=torch.channels_last)
            loss = soft_cross_entropy(model(x), t.view(-1, classes))
            opt.zero_grad()
            loss.backward()
            opt.step()
            loss.item()
            steps += 1
        train_s = time.perf_counter() - t0
        model.eval()
        with torch.no_grad():
            x = ((test_images.float() / 255.0 - 0.5) / 0.5).contiguous(memory_format=torch.channels_last)
            top1 = (model(x).argmax(1) == test_labels).float().mean().item()
        total_s = time.perf_counter() - t0
    finally:
        shutil.rmtree(label_dir)
    crops = steps * args.batch * args.num_crops
    print(json.dumps({"benchmark": "epoch", "peer": f"fkd-style, {args.workers} worker(s)", "steps": steps,
                      "train_s": train_s, "epoch_s": total_s, "crops_per_s": crops / train_s, "top1": top1}))


if __name__ == "__main__":
    main()
