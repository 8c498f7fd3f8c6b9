#!/usr/bin/env python3
"""Runs each speed benchmark on both sides in one invocation, the app (`ferkd bench ...`)
and its PyTorch-in-Python peer (bench/python/*_peer.py) with the same arguments, and
prints one Markdown row per benchmark with the ratio. Usage:

    bench/run.py [--ferkd build/bin/ferkd] [--python /usr/bin/python3] [step|step-fmnist|store|labels|epoch ...]

Figures go to docs/PERFORMANCE.md with the command line that produced them."""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# The same arguments for both sides of each benchmark.
WORKLOADS = {
    "step": (["--arch", "resnet18", "--input-size", "112", "--batch", "32", "--steps", "20", "--warmup", "3",
              "--threads", "2"], "images_per_s", "img/s"),
    "step-fmnist": (["--arch", "resnet18", "--input-size", "28", "--in-chans", "1", "--classes", "10", "--batch", "256",
                     "--steps", "20", "--warmup", "3", "--threads", "2"], "images_per_s", "img/s"),
    "store": (["--images", "10000", "--crops", "40", "--classes", "1000", "--topk", "10", "--reads", "5000"],
              "reads_per_s", "random image reads/s"),
    "labels": (["--arch", "resnet18", "--images", "1000", "--crops", "8", "--input-size", "56", "--batch", "256",
                "--threads", "2"], "crops_per_s", "crops/s"),
}


def run_json(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


EPOCH_IMAGES, EPOCH_CROPS = 10000, 2


def run_epoch(args):
    """A FerKD epoch on the first 10,000 Fashion-MNIST images (ResNet-18, 2 of 4 stored
    crops per image, batch 256 images, 2 threads): `ferkd train` against epoch_peer.py on
    the same label store (made by `ferkd bench labels`, random teacher). Train time plus
    a 256-image test pass on both sides; the app's checkpoint write is not counted."""
    import csv
    import shutil
    import tempfile
    tmp = tempfile.mkdtemp(prefix="ferkd-bench-epoch-")
    try:
        labels = os.path.join(tmp, "labels.fkdl")
        run_json([args.ferkd, "bench", "labels", "--arch", "resnet18", "--images", str(EPOCH_IMAGES), "--crops", "4",
                  "--input-size", "28", "--batch", "512", "--threads", "2", "--out", labels, "--json"])
        ws = os.path.join(tmp, "ws")
        subprocess.run([args.ferkd, "--workspace", ws, "train", "--data", "fashion-mnist", "--arch", "resnet18",
                        "--epochs", "1", "--batch-size", "256", "--threads", "2", "--name", "epoch",
                        "--set", f"data.train_limit={EPOCH_IMAGES}", "--set", "data.test_limit=256",
                        "--set", "distill.mode=ferkd", "--set", f"distill.labels={labels}",
                        "--set", f"distill.num_crops={EPOCH_CROPS}", "--set", "schedule.warmup_epochs=0",
                        "--set", "checkpoint.keep_best=false"], check=True, capture_output=True)
        out = os.path.join(tmp, "epoch.csv")
        subprocess.run([args.ferkd, "--workspace", ws, "runs", "export-csv", "epoch", "--out", out], check=True,
                       capture_output=True)
        with open(out) as f:
            row = next(csv.DictReader(f))
        app_s = float(row["seconds"])
        steps = EPOCH_IMAGES // 256
        app = {"crops_per_s": steps * 256 * EPOCH_CROPS / app_s, "epoch_s": app_s}
        peers = []
        for workers in (0, 1, 2):
            peers.append(run_json([args.python, os.path.join(HERE, "python", "epoch_peer.py"), "--labels", labels,
                                   "--images", str(EPOCH_IMAGES), "--num-crops", str(EPOCH_CROPS), "--batch", "256",
                                   "--threads", "2", "--workers", str(workers)]))
        peer = min(peers, key=lambda p: p["epoch_s"])  # the peer's best DataLoader setting
        argv = (f"resnet18, first {EPOCH_IMAGES} images, {EPOCH_CROPS} crops/image, batch 256, 2 threads; "
                f"peer: {peer['peer']} (best of 0, 1, 2: " + ", ".join(f"{p['epoch_s']:.1f} s" for p in peers) + ")")
        print(f"| epoch | {argv} | {app['epoch_s']:.1f} s | {peer['epoch_s']:.1f} s | "
              f"{peer['epoch_s'] / app['epoch_s']:.2f}x |")
    finally:
        shutil.rmtree(tmp)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ferkd", default=os.path.join(HERE, "..", "build", "bin", "ferkd"))
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("benchmarks", nargs="*", default=list(WORKLOADS) + ["epoch"])
    args = ap.parse_args()
    print("| benchmark | arguments | app | PyTorch peer | app / peer |")
    print("|---|---|---|---|---|")
    for name in args.benchmarks:
        if name == "epoch":
            run_epoch(args)
            continue
        argv, key, unit = WORKLOADS[name]
        sub = name.split("-")[0]
        app = run_json([args.ferkd, "bench", sub, *argv, "--json"])
        peer = run_json([args.python, os.path.join(HERE, "python", f"{sub}_peer.py"), *argv])
        extra = ""
        if sub == "store":
            extra = f" ({app['bytes_per_crop']:.1f} vs {peer['bytes_per_crop']:.1f} bytes/crop)"
        print(f"| {name} | `{' '.join(argv)}` | {app[key]:,.1f} {unit} | {peer[key]:,.1f} {unit} | "
              f"{app[key] / peer[key]:.2f}x{extra} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
