"""The FerKD training step alone in PyTorch, as a timm/FKD training script runs it:
torchvision model, soft-label cross-entropy, AdamW (weight decay off norms and
biases), the loss read back each step. The same work as `ferkd bench step`."""
import argparse
import json
import statistics
import time

import torch
import torch.nn.functional as F
import torchvision


def soft_cross_entropy(logits, targets):
    return torch.sum(-targets * F.log_softmax(logits, dim=-1), dim=-1).mean()


def param_groups(model, weight_decay):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        (no_decay if p.ndim <= 1 or name.endswith(".bias") else decay).append(p)
    return [{"params": no_decay, "weight_decay": 0.0}, {"params": decay, "weight_decay": weight_decay}]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--arch", default="resnet18")
    ap.add_argument("--input-size", type=int, default=112)
    ap.add_argument("--in-chans", type=int, default=3)
    ap.add_argument("--classes", type=int, default=100)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--channels-last", default="true")
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--precision", default="fp32", choices=["fp32", "bf16"])
    args = ap.parse_args()
    device = torch.device("cuda" if args.device == "cuda" else "cpu")
    if device.type == "cuda":
        torch.backends.cudnn.benchmark = True
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = getattr(torchvision.models, args.arch)(num_classes=args.classes)
    if args.in_chans != 3:
        model.conv1 = torch.nn.Conv2d(args.in_chans, 64, 7, 2, 3, bias=False)
    fmt = torch.channels_last if args.channels_last == "true" else torch.contiguous_format
    model = model.to(device, memory_format=fmt).train()
    opt = torch.optim.AdamW(param_groups(model, 0.05), lr=0.002, betas=(0.9, 0.999), eps=1e-8)
    images = torch.randn(args.batch, args.in_chans, args.input_size, args.input_size).to(device).contiguous(memory_format=fmt)
    targets = torch.softmax(torch.randn(args.batch, args.classes), 1).to(device)
    times, fwd, bwd, upd, losses = [], [], [], [], []
    for i in range(args.warmup + args.steps):
        t0 = time.perf_counter()
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=args.precision == "bf16"):
            loss = soft_cross_entropy(model(images).float(), targets)
        sync()
        t1 = time.perf_counter()
        opt.zero_grad()
        loss.backward()
        sync()
        t2 = time.perf_counter()
        opt.step()
        losses.append(loss.item())
        if i >= args.warmup:
            t3 = time.perf_counter()
            times.append(t3 - t0)
            fwd.append(t1 - t0)
            bwd.append(t2 - t1)
            upd.append(t3 - t2)
    median = statistics.median(times)
    print(json.dumps({"benchmark": "step", "peer": "pytorch", "median_s": median, "images_per_s": args.batch / median,
                      "forward_s": statistics.median(fwd), "backward_s": statistics.median(bwd),
                      "update_s": statistics.median(upd), "losses": losses}))


if __name__ == "__main__":
    main()
