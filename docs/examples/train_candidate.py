#!/usr/bin/env python3
"""Trains one LayerNAS candidate with PyTorch: an example for the `command` evaluator.

LayerNAS writes the candidate as JSON (see docs/training.md) and runs

    python3 train_candidate.py {request}        # or with `input: stdin`, the JSON on stdin

This script builds the network from the request's `layers` rows (the same ops the JVM's
`djl-train` evaluator builds), trains it on Fashion-MNIST read from the IDX files that Debian's
dataset-fashion-mnist package installs, and prints the metrics as the last line of stdout:

    {"objective": <validation accuracy>, "trainingSeconds": ..., "test_accuracy": ..., "params": ...}

Logs go to stderr. A non-zero exit fails the trial, and LayerNAS keeps the tail of stderr.
Run it on a GPU machine by setting DEVICE=cuda in the evaluator's `env`.
"""
import gzip
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn

DATA = os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")
EPOCHS = int(os.environ.get("EPOCHS", "5"))
BATCH = int(os.environ.get("BATCH_SIZE", "128"))
LR = float(os.environ.get("LEARNING_RATE", "0.1"))
TRAIN_SUBSET = int(os.environ.get("TRAIN_SUBSET", "0"))  # 0 = all 60,000
# A JSON file {"train": [...], "validation": [...], "test": [...]} of image indices (training set for
# the first two, test set for the last): train on exactly the images another run used (the
# TrainingParityReport passes djl-train's split). Without it: a fixed split of TRAIN_SUBSET images.
SPLIT_FILE = os.environ.get("SPLIT_FILE", "")
DEVICE = os.environ.get("DEVICE", "cpu")


def read_request():
    path = sys.argv[1] if len(sys.argv) > 1 else None
    return json.load(open(path)) if path else json.load(sys.stdin)


def idx(name):
    path = os.path.join(DATA, name + ".gz")
    opener = gzip.open if os.path.exists(path) else open
    with opener(path if os.path.exists(path) else os.path.join(DATA, name), "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def activation(name):
    return {"relu": nn.ReLU(), "relu6": nn.ReLU6(), "hswish": nn.Hardswish(), "swish": nn.SiLU(),
            "none": nn.Identity()}[name]


def conv_bn(cin, cout, k, stride, groups, act):
    return nn.Sequential(nn.Conv2d(cin, cout, k, stride, k // 2, groups=groups, bias=False),
                         nn.BatchNorm2d(cout), activation(act))


def make_divisible(value, divisor=8):
    rounded = max(divisor, int(value + divisor / 2) // divisor * divisor)
    return rounded + divisor if rounded < 0.9 * value else rounded


class SqueezeExcite(nn.Module):
    def __init__(self, channels):
        super().__init__()
        squeeze = make_divisible(channels / 4)
        self.gate = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Conv2d(channels, squeeze, 1), nn.ReLU(),
                                  nn.Conv2d(squeeze, channels, 1), nn.Hardsigmoid())

    def forward(self, x):
        return x * self.gate(x)


class Bottleneck(nn.Module):
    def __init__(self, op):
        super().__init__()
        cin, e, cout, act = op["inChannels"], op["expandedChannels"] or op["inChannels"], op["outChannels"], op["activation"]
        layers = [conv_bn(cin, e, 1, 1, 1, act)] if e != cin else []
        layers.append(conv_bn(e, e, op["kernel"], op["stride"], e, act))
        if op["squeezeExcite"]:
            layers.append(SqueezeExcite(e))
        layers.append(conv_bn(e, cout, 1, 1, 1, "none"))
        self.body, self.residual = nn.Sequential(*layers), op["residual"]

    def forward(self, x):
        return x + self.body(x) if self.residual else self.body(x)


def build(ops):
    layers = []
    for op in ops:
        kind = op["type"]
        if kind == "CONV":
            layers.append(conv_bn(op["inChannels"], op["outChannels"], op["kernel"], op["stride"], 1, op["activation"]))
        elif kind == "BNECK":
            layers.append(Bottleneck(op))
        elif kind == "GLOBAL_POOL":
            layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten()]
        elif kind == "DENSE":
            layers += [nn.Linear(op["inChannels"], op["outChannels"]), activation(op["activation"])]
        else:
            raise SystemExit(f"this example builds MobileNet ops only, not {kind}")
    return nn.Sequential(*layers)


def batches(x, y, order):
    for start in range(0, len(order), BATCH):
        index = order[start:start + BATCH]
        yield x[index].to(DEVICE), y[index].to(DEVICE)


def accuracy(model, x, y):
    model.eval()
    correct = 0
    with torch.no_grad():
        for xb, yb in batches(x, y, np.arange(len(y))):
            correct += (model(xb).argmax(1) == yb).sum().item()
    return correct / len(y)


def main():
    request = read_request()
    shape = request["input"]
    if shape["channels"] != 1 or shape["size"] != 28:
        raise SystemExit(f"this example trains 28x28x1 networks, the request's input is {shape}")
    torch.manual_seed(request["seed"] & 0xFFFFFFFF)
    rng = np.random.default_rng(request["seed"] & 0xFFFFFFFF)
    normalise = lambda a: torch.tensor((a.astype(np.float32) / 255 - 0.2860) / 0.3530).unsqueeze(1)
    images, labels = normalise(idx("train-images-idx3-ubyte")), torch.tensor(idx("train-labels-idx1-ubyte"), dtype=torch.long)
    test_x, test_y = normalise(idx("t10k-images-idx3-ubyte")), torch.tensor(idx("t10k-labels-idx1-ubyte"), dtype=torch.long)
    if SPLIT_FILE:
        with open(SPLIT_FILE) as f:
            given = json.load(f)
        train, val, test = (np.array(given[key], dtype=np.int64) for key in ("train", "validation", "test"))
        test_x, test_y = test_x[test], test_y[test]
    else:
        split = np.random.default_rng(0).permutation(len(labels))[: TRAIN_SUBSET or len(labels)]
        held_out = len(split) // 10
        val, train = split[:held_out], split[held_out:]
    model = build(request["layers"]).to(DEVICE)
    params = sum(p.numel() for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear)) for p in m.parameters())
    steps = EPOCHS * ((len(train) + BATCH - 1) // BATCH)
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=0.9, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, steps)
    start = time.time()
    for epoch in range(EPOCHS):
        model.train()
        for xb, yb in batches(images, labels, rng.permutation(train)):
            loss = nn.functional.cross_entropy(model(xb), yb)
            if not torch.isfinite(loss):
                raise SystemExit(f"training diverged in epoch {epoch + 1}: loss {loss.item()}")
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
        print(f"epoch {epoch + 1}/{EPOCHS} loss {loss.item():.4f}", file=sys.stderr)
    seconds = time.time() - start
    print(json.dumps({"objective": accuracy(model, images[val], labels[val]), "trainingSeconds": seconds,
                      "test_accuracy": accuracy(model, test_x, test_y), "params": params}))


if __name__ == "__main__":
    main()
