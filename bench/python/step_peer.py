"""The FerKD training step alone in PyTorch, as a timm/FKD training script runs it:
torchvision model, soft-label cross-entropy, AdamW (weight decay off norms and
biases), the loss read back each step; with --micro-batch, timm's --grad-accum-steps way
(each pass's loss scaled by its share, gradients added up). The same work as `ferkd bench
step`; on CUDA peak_bytes is torch.cuda.max_memory_allocated from before the model."""
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
    ap.add_argument("--micro-batch", type=int, default=0)
    args = ap.parse_args()
    device = torch.device("cuda" if args.device == "cuda" else "cpu")
    if device.type == "cuda":
        torch.backends.cudnn.benchmark = True
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    if device.type == "cuda":
        torch.cuda.reset_peak_memory_stats()
    model = getattr(torchvision.models, args.arch)(num_classes=args.classes)
    if args.in_chans != 3:
        model.conv1 = torch.nn.Conv2d(args.in_chans, 64, 7, 2, 3, bias=False)
    fmt = torch.channels_last if args.channels_last == "true" else torch.contiguous_format
    model = model.to(device, memory_format=fmt).train()
    opt = torch.optim.AdamW(param_groups(model, 0.05), lr=0.002, betas=(0.9, 0.999), eps=1e-8)
    images = torch.randn(args.batch, args.in_chans, args.input_size, args.input_size).to(device).contiguous(memory_format=fmt)
    targets = torch.softmax(torch.randn(args.batch, args.classes), 1).to(device)
    times, fwd, bwd, upd, losses = [], [], [], [], []
    micro = args.micro_batch if args.micro_batch > 0 else args.batch
    for i in range(args.warmup + args.steps):
        t0 = time.perf_counter()
        forward_s = backward_s = step_loss = 0.0
        opt.zero_grad()
        for begin in range(0, args.batch, micro):
            end = min(args.batch, begin + micro)
            f0 = time.perf_counter()
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=args.precision == "bf16"):
                loss = soft_cross_entropy(model(images[begin:end]).float(), targets[begin:end]) * ((end - begin) / args.batch)
            sync()
            f1 = time.perf_counter()
            loss.backward()
            sync()
            forward_s += f1 - f0
            backward_s += time.perf_counter() - f1
            step_loss += loss.item()
        t2 = time.perf_counter()
        opt.step()
        sync()
        losses.append(step_loss)
        if i >= args.warmup:
            t3 = time.perf_counter()
            times.append(t3 - t0)
            fwd.append(forward_s)
            bwd.append(backward_s)
            upd.append(t3 - t2)
    median = statistics.median(times)
    print(json.dumps({"benchmark": "step", "peer": "pytorch", "median_s": median, "images_per_s": args.batch / median,
                      "forward_s": statistics.median(fwd), "backward_s": statistics.median(bwd),
                      "update_s": statistics.median(upd), "losses": losses,
                      "peak_bytes": torch.cuda.max_memory_allocated() if device.type == "cuda" else None}))


if __name__ == "__main__":
    main()
