#!/usr/bin/python3
"""Optuna's own TPESampler on the NATS-Bench topology table, counted as LayerNAS for the JVM counts.

A report, not a test: scripts/optuna-tpe-report.sh installs Debian's python3-optuna and runs it.
Each run (one seed) asks Optuna for cells until it has looked up `--lookups` distinct cells; a cell
suggested again is told its known value at no cost, as the Java `tpe` strategy does, and the run
ends early after 10,000 suggestions in a row that looked nothing up. The result of a run is the test
accuracy of its best-validation cell (earliest on ties). Prints one Markdown row per dataset: mean,
standard deviation (divisor n) and standard error of the mean over seeds, and the seconds per
suggestion.

Encodings: `layers` (the project's nats-tss: 3 categoricals of 5, 25, 125 options, the edges into
nodes 1, 2, 3) or `edges` (6 categoricals of 5 operations, as the issue's peer measurement).
"""
import argparse
import csv
import math
import statistics
import sys
import time

import optuna

OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]
COLUMNS = {"cifar10": "cifar10", "cifar100": "cifar100", "ImageNet16-120": "imagenet16"}


def load(path, dataset):
    prefix = COLUMNS[dataset]
    table = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            table[row["arch"]] = (float(row[prefix + "_valid"]) / 100, float(row[prefix + "_test"]) / 100)
    return table


def cell(ops_by_node):
    return "+".join("|" + "|".join(f"{op}~{j}" for j, op in enumerate(ops)) + "|" for ops in ops_by_node)


def suggest(trial, encoding):
    if encoding == "edges":
        return cell([[trial.suggest_categorical(f"e{node}{j}", OPS) for j in range(node)] for node in (1, 2, 3)])
    nodes = []
    for node in (1, 2, 3):
        option = trial.suggest_categorical(f"node{node}", list(range(5 ** node)))
        ops = []
        for j in range(node - 1, -1, -1):
            ops.append(OPS[option // 5 ** j % 5])
        nodes.append(ops)
    return cell(nodes)


def run(table, seed, lookups, encoding, multivariate):
    sampler = optuna.samplers.TPESampler(seed=seed, multivariate=multivariate)
    study = optuna.create_study(direction="maximize", sampler=sampler)
    seen = {}
    best = None
    idle = 0
    suggestions = 0
    start = time.perf_counter()
    while len(seen) < lookups and idle < 10_000:
        trial = study.ask()
        arch = suggest(trial, encoding)
        suggestions += 1
        valid, test = table[arch]
        if arch in seen:
            idle += 1
        else:
            idle = 0
            seen[arch] = len(seen)
            if best is None or valid > best[0]:
                best = (valid, test)
        study.tell(trial, valid)
    return best[1], (time.perf_counter() - start) / suggestions, best[0], suggestions


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--table", required=True)
    parser.add_argument("--datasets", default="cifar10,cifar100,ImageNet16-120")
    parser.add_argument("--seeds", type=int, default=100)
    parser.add_argument("--first-seed", type=int, default=0,
                        help="seeds first-seed .. first-seed+seeds-1, so that a long report can be split over cores")
    parser.add_argument("--lookups", type=int, default=100)
    parser.add_argument("--encoding", choices=["layers", "edges"], default="layers")
    parser.add_argument("--multivariate", action="store_true")
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    print(f"Optuna {optuna.__version__} TPESampler(multivariate={args.multivariate}), encoding {args.encoding}, "
          f"{args.lookups} lookups, {args.seeds} seeds from {args.first_seed}")
    print("| dataset | mean test | std | standard error | ms per suggestion |")
    print("|---|---|---|---|---|")
    for dataset in args.datasets.split(","):
        table = load(args.table, dataset)
        results = []
        for seed in range(args.first_seed, args.first_seed + args.seeds):
            results.append(run(table, seed, args.lookups, args.encoding, args.multivariate))
            # One line per seed on stderr, so that a long report can be read (or cut short) as it goes.
            test, per, valid, suggestions = results[-1]
            print(f"{dataset} seed {seed}: test {100 * test:.2f}, valid {100 * valid:.2f}, "
                  f"{suggestions} suggestions, {1000 * per:.1f} ms per suggestion", file=sys.stderr, flush=True)
        tests = [100 * r[0] for r in results]
        mean = statistics.fmean(tests)
        std = statistics.pstdev(tests)
        per = 1000 * statistics.fmean(r[1] for r in results)
        print(f"| {dataset} | {mean:.2f} | {std:.2f} | {std / math.sqrt(len(tests)):.2f} | {per:.1f} |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
