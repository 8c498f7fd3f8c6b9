#!/usr/bin/env python3
"""Runs each speed benchmark on both sides in one invocation, the app (`ferkd bench ...`)
and its PyTorch-in-Python peer (bench/python/*_peer.py) with the same arguments, and
prints one Markdown row per benchmark with the ratio. Usage:

    bench/run.py [--ferkd build/bin/ferkd] [--python /usr/bin/python3] [step|store|labels ...]

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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ferkd", default=os.path.join(HERE, "..", "build", "bin", "ferkd"))
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("benchmarks", nargs="*", default=list(WORKLOADS))
    args = ap.parse_args()
    print("| benchmark | arguments | app | PyTorch peer | app / peer |")
    print("|---|---|---|---|---|")
    for name in args.benchmarks:
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
