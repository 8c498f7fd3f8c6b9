"""Writes the TorchScript files the teacher tests load, as a user would in Python.

Usage: make_torchscript_teachers.py OUT_DIR
good.pt        traced CNN, 1x28x28 -> 4 classes, with input.bin / output.bin (float32)
wrong_shape.pt traced CNN with 3 outputs
state_dict.pt  torch.save(model.state_dict()) instead of a script
"""
import os
import sys

import torch
import torch.nn as nn


class SmallCnn(nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.conv = nn.Conv2d(1, 8, 3, stride=2, padding=1)
        self.fc = nn.Linear(8 * 14 * 14, classes)

    def forward(self, x):
        return self.fc(torch.relu(self.conv(x)).flatten(1))


out = sys.argv[1]
torch.manual_seed(0)
good = SmallCnn(4).eval()
example = torch.randn(3, 1, 28, 28)
torch.jit.trace(good, example).save(os.path.join(out, "good.pt"))
with torch.no_grad():
    logits = good(example)
example.numpy().tofile(os.path.join(out, "input.bin"))
logits.numpy().tofile(os.path.join(out, "output.bin"))
torch.jit.trace(SmallCnn(3).eval(), example).save(os.path.join(out, "wrong_shape.pt"))
torch.save(good.state_dict(), os.path.join(out, "state_dict.pt"))
