#!/usr/bin/env python3
"""Trains one LayerNAS candidate with PyTorch: an example for the `command` evaluator.

LayerNAS writes the candidate as JSON (see docs/training.md) and runs

    python3 train_candidate.py {request}        # or with `input: stdin`, the JSON on stdin

This script builds the network from the request's `layers` rows (the same ops the JVM's
`djl-train` evaluator builds: MobileNet ops and NATS-Bench stems, cells, residual blocks and
classifiers), trains it on Fashion-MNIST read from the IDX files that Debian's
dataset-fashion-mnist package installs, and prints the metrics as the last line of stdout:

    {"objective": <validation accuracy>, "trainingSeconds": ..., "test_accuracy": ..., "params": ...}

Logs go to stderr. A non-zero exit fails the trial, and LayerNAS keeps the tail of stderr.
Run it on a GPU machine by setting DEVICE=cuda in the evaluator's `env`.

Two modes for checking it against djl-train: PARAMS_ONLY=1 builds the network and prints its
`params` and `trainable_params` without reading any data; PROFILE=1 times PROFILE_WARMUP steps,
then PROFILE_STEPS more, and prints the mean milliseconds per step of each phase (`profile_*_ms`),
the CPU time of the process per step (`profile_cpu_ms`) and its minor page faults per step
(`profile_faults`); PROFILE_TRACE=path records PROFILE_STEPS steps after PROFILE_WARMUP with PyTorch's
profiler and writes their ops, with input shapes, as a Chrome trace to that path.
"""
import gzip
import json
import os
import resource
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
PARAMS_ONLY = os.environ.get("PARAMS_ONLY", "") == "1"
PROFILE = os.environ.get("PROFILE", "") == "1"
# A path: run PROFILE_WARMUP steps, then record PROFILE_STEPS more with torch.autograd.profiler and write its
# Chrome trace (JSON) there (TrainingOpReport compares it op by op with djl-train's).
PROFILE_TRACE = os.environ.get("PROFILE_TRACE", "")
PROFILE_WARMUP = int(os.environ.get("PROFILE_WARMUP", "5"))
PROFILE_STEPS = int(os.environ.get("PROFILE_STEPS", "30"))


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


def act_conv_bn(act, cin, cout, k, stride):
    return nn.Sequential(activation(act), nn.Conv2d(cin, cout, k, stride, k // 2, bias=False), nn.BatchNorm2d(cout))


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


class Zero(nn.Module):
    """NATS-Bench's `none`: zeros of the edge's output width."""

    def __init__(self, cout):
        super().__init__()
        self.cout = cout

    def forward(self, x):
        return x.new_zeros(x.shape[0], self.cout, x.shape[2], x.shape[3])


def cell_operation(name, cin, cout):
    if name in ("nor_conv_3x3", "nor_conv_1x1"):
        return act_conv_bn("relu", cin, cout, 3 if name == "nor_conv_3x3" else 1, 1)
    if name == "avg_pool_3x3":
        pool = nn.AvgPool2d(3, 1, 1, count_include_pad=False)
        return pool if cin == cout else nn.Sequential(act_conv_bn("relu", cin, cout, 1, 1), pool)
    if name == "skip_connect":
        return nn.Identity() if cin == cout else conv_bn(cin, cout, 1, 1, 1, "none")
    if name == "none":
        return Zero(cout)
    raise SystemExit(f"unknown NATS cell op {name}")


class NatsCell(nn.Module):
    """A NAS-Bench-201 cell from its genotype `|op~0|+|op~0|op~1|+...`: node i sums its edges."""

    def __init__(self, op):
        super().__init__()
        self.edges, self.nodes = nn.ModuleList(), []
        for node_text in op["detail"].split("+"):
            node = []
            for edge in filter(None, (e.strip() for e in node_text.split("|"))):
                name, source = edge.split("~")
                cin = op["inChannels"] if int(source) == 0 else op["outChannels"]
                node.append((int(source), len(self.edges)))
                self.edges.append(cell_operation(name, cin, op["outChannels"]))
            self.nodes.append(node)

    def forward(self, x):
        values = [x]
        for node in self.nodes:
            total = None
            for source, edge in node:
                out = self.edges[edge](values[source])
                total = out if total is None else total + out
            values.append(total)
        return values[-1]


class ResidualBlock(nn.Module):
    """NATS-Bench's ResNetBasicblock: two act-conv-BN layers plus a shortcut, no activation after the sum."""

    def __init__(self, op):
        super().__init__()
        cin, cout, stride, act = op["inChannels"], op["outChannels"], op["stride"], op["activation"]
        self.body = nn.Sequential(act_conv_bn(act, cin, cout, 3, stride), act_conv_bn(act, cout, cout, 3, 1))
        if stride == 2:
            self.shortcut = nn.Sequential(nn.AvgPool2d(2, 2, 0, ceil_mode=True, count_include_pad=False),
                                          nn.Conv2d(cin, cout, 1, bias=False))
        elif cin == cout:
            self.shortcut = nn.Identity()
        else:
            self.shortcut = conv_bn(cin, cout, 1, 1, 1, "none")

    def forward(self, x):
        return self.body(x) + self.shortcut(x)


def build(ops):
    layers = []
    for op in ops:
        kind = op["type"]
        if kind == "CONV":
            layers.append(conv_bn(op["inChannels"], op["outChannels"], op["kernel"], op["stride"], 1, op["activation"]))
        elif kind == "BNECK":
            layers.append(Bottleneck(op))
        elif kind == "CELL":
            layers.append(NatsCell(op))
        elif kind == "RESIDUAL_BLOCK":
            layers.append(ResidualBlock(op))
        elif kind == "GLOBAL_POOL":
            if op["detail"] == "bn-relu-before":
                layers += [nn.BatchNorm2d(op["inChannels"]), activation(op["activation"])]
            layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten()]
        elif kind == "DENSE":
            layers += [nn.Linear(op["inChannels"], op["outChannels"]), activation(op["activation"])]
        else:
            raise SystemExit(f"this example does not build {kind} ops")
    return nn.Sequential(*layers)


def adapter(shape):
    """djl-train's InputAdapter: 28x28 grey images resized by nearest neighbour and copied into every channel."""
    size, channels = shape["size"], shape["channels"]
    if size == 28 and channels == 1:
        return lambda xb: xb
    source = torch.arange(size) * 28 // size
    return lambda xb: xb[:, :, source][:, :, :, source].expand(-1, channels, -1, -1).contiguous()


def batches(x, y, order, adapt):
    for start in range(0, len(order), BATCH):
        index = order[start:start + BATCH]
        yield adapt(x[index]).to(DEVICE), y[index].to(DEVICE)


def accuracy(model, x, y, adapt):
    model.eval()
    correct = 0
    with torch.no_grad():
        for xb, yb in batches(x, y, np.arange(len(y)), adapt):
            correct += (model(xb).argmax(1) == yb).sum().item()
    return correct / len(y)


def counts(model):
    """`params` as djl-train counts them (convolution and linear weights and biases), and all trainable ones."""
    params = sum(p.numel() for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear)) for p in m.parameters())
    return params, sum(p.numel() for p in model.parameters())


def step(model, optimizer, schedule, xb, yb, epoch):
    loss = nn.functional.cross_entropy(model(xb), yb)
    if not torch.isfinite(loss):
        raise SystemExit(f"training diverged in epoch {epoch + 1}: loss {loss.item()}")
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    schedule.step()
    return loss


def profile(model, optimizer, schedule, images, labels, train, adapt):
    """The training loop's phases, timed one by one (CPU kernels run synchronously)."""
    totals = dict.fromkeys(("data", "forward", "loss_read", "backward", "optimizer"), 0.0)
    model.train()
    steps = len(train) // BATCH
    cpu_start, faults_start = 0.0, 0
    for i in range(PROFILE_WARMUP + PROFILE_STEPS):
        if i == PROFILE_WARMUP:
            cpu_start = time.process_time()
            faults_start = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        marks = [time.perf_counter()]
        index = train[i % steps * BATCH:(i % steps + 1) * BATCH]
        xb, yb = adapt(images[index]).to(DEVICE), labels[index].to(DEVICE)
        marks.append(time.perf_counter())
        loss = nn.functional.cross_entropy(model(xb), yb)
        marks.append(time.perf_counter())
        bool(torch.isfinite(loss))
        marks.append(time.perf_counter())
        optimizer.zero_grad()
        loss.backward()
        marks.append(time.perf_counter())
        optimizer.step()
        schedule.step()
        marks.append(time.perf_counter())
        if i >= PROFILE_WARMUP:
            for key, start, end in zip(totals, marks, marks[1:]):
                totals[key] += end - start
    result = {"profile_" + key + "_ms": value * 1000 / PROFILE_STEPS for key, value in totals.items()}
    result["profile_total_ms"] = sum(result.values())
    result["profile_cpu_ms"] = (time.process_time() - cpu_start) * 1000 / PROFILE_STEPS
    result["profile_faults"] = (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults_start) / PROFILE_STEPS
    return result


def trace(model, optimizer, schedule, images, labels, train, adapt):
    """PROFILE_WARMUP training steps, then PROFILE_STEPS more under PyTorch's profiler, written to PROFILE_TRACE."""
    model.train()
    steps = len(train) // BATCH

    def run(i):
        index = train[i % steps * BATCH:(i % steps + 1) * BATCH]
        step(model, optimizer, schedule, adapt(images[index]).to(DEVICE), labels[index].to(DEVICE), 0)

    for i in range(PROFILE_WARMUP):
        run(i)
    with torch.autograd.profiler.profile(record_shapes=True) as profiler:
        for i in range(PROFILE_WARMUP, PROFILE_WARMUP + PROFILE_STEPS):
            run(i)
    # The legacy profiler's Chrome trace, with each op's input shapes, which export_chrome_trace leaves out.
    events = [{"name": e.name, "ph": "X", "ts": e.time_range.start, "dur": e.time_range.end - e.time_range.start,
               "tid": e.thread, "shape": e.input_shapes} for e in profiler.function_events]
    with open(PROFILE_TRACE, "w") as f:
        json.dump(events, f)
    return {"profile_steps": PROFILE_STEPS}


def main():
    request = read_request()
    torch.manual_seed(request["seed"] & 0xFFFFFFFF)
    rng = np.random.default_rng(request["seed"] & 0xFFFFFFFF)
    model = build(request["layers"]).to(DEVICE)
    params, trainable = counts(model)
    if PARAMS_ONLY:
        print(json.dumps({"objective": 0, "params": params, "trainable_params": trainable}))
        return
    adapt = adapter(request["input"])
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
    steps = (PROFILE_WARMUP + PROFILE_STEPS) if PROFILE or PROFILE_TRACE else EPOCHS * ((len(train) + BATCH - 1) // BATCH)
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=0.9, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, steps)
    if PROFILE_TRACE:
        print(json.dumps({"objective": 0, **trace(model, optimizer, schedule, images, labels, train, adapt)}))
        return
    if PROFILE:
        print(json.dumps({"objective": 0, **profile(model, optimizer, schedule, images, labels, train, adapt)}))
        return
    start = time.time()
    for epoch in range(EPOCHS):
        model.train()
        for xb, yb in batches(images, labels, rng.permutation(train), adapt):
            loss = step(model, optimizer, schedule, xb, yb, epoch)
        print(f"epoch {epoch + 1}/{EPOCHS} loss {loss.item():.4f}", file=sys.stderr)
    seconds = time.time() - start
    print(json.dumps({"objective": accuracy(model, images[val], labels[val], adapt), "trainingSeconds": seconds,
                      "test_accuracy": accuracy(model, test_x, test_y, adapt), "params": params,
                      "trainable_params": trainable}))


if __name__ == "__main__":
    main()
