"""How often RandomResizedCrop misses the object: the share of crops holding under 10% of
the object's box (docs/TESTBED.md's "no object"), by canvas size and crop scale range.
Objects as `ferkd dataset make-cluttered` pastes them: Fashion-MNIST's 28 px garments at
0.5-0.8 of their side, anywhere on the canvas; the box is a tight 80% of the pasted side.
RandomResizedCrop as torchvision samples it (ratio 3/4-4/3, 10 tries, then the centre).
    python3 bench/python/rrc_background.py
"""
import math
import random


def rrc(side, scale_min, scale_max, rng):
    area = side * side
    for _ in range(10):
        target = area * rng.uniform(scale_min, scale_max)
        ratio = math.exp(rng.uniform(math.log(3 / 4), math.log(4 / 3)))
        w = round(math.sqrt(target * ratio))
        h = round(math.sqrt(target / ratio))
        if 0 < w <= side and 0 < h <= side:
            x = rng.randint(0, side - w)
            y = rng.randint(0, side - h)
            return x, y, w, h
    return 0, 0, side, side


def no_object_share(canvas, scale_min, scale_max, samples, rng):
    none = 0
    for _ in range(samples):
        pasted = round(28 * rng.uniform(0.5, 0.8))
        box = 0.8 * pasted
        ox = rng.uniform(0, canvas - pasted) + 0.1 * pasted
        oy = rng.uniform(0, canvas - pasted) + 0.1 * pasted
        x, y, w, h = rrc(canvas, scale_min, scale_max, rng)
        ix = max(0.0, min(x + w, ox + box) - max(x, ox))
        iy = max(0.0, min(y + h, oy + box) - max(y, oy))
        none += ix * iy / (box * box) < 0.1
    return none / samples


def main():
    rng = random.Random(1)
    ranges = [(0.08, 1.0), (0.08, 0.936), (0.08, 0.5)]
    print("canvas  " + "  ".join(f"{a}-{b}" for a, b in ranges))
    for canvas in (48, 64, 96, 128, 160):
        shares = [no_object_share(canvas, a, b, 100000, rng) for a, b in ranges]
        print(f"{canvas:5d}   " + "  ".join(f"{100 * s:8.1f}%" for s in shares))


if __name__ == "__main__":
    main()
