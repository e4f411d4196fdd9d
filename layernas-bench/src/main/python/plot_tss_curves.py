#!/usr/bin/python3
"""Draws the best-so-far test accuracy curves of Table3Main's output (curves.csv per dataset) into one
PNG per setting, and checks where LayerNAS's mean curve lies above random search's.

    /usr/bin/python3 plot_tss_curves.py OUT_DIR PNG TITLE     # OUT_DIR holds <dataset>/curves.csv

Needs Debian's python3-matplotlib. Prints, per dataset, the first training count from which
each LayerNAS variant's (labels LayerNAS* or LN*) mean stays at or above RS's (or "never").
"""
import csv
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

DATASETS = ["cifar10", "cifar100", "ImageNet16-120"]
COLOURS = {"RS": "tab:gray", "RE": "tab:green", "PPO": "tab:purple", "TPE": "tab:orange",
           "LayerNAS": "tab:blue", "LayerNAS-paper": "tab:cyan", "LN-fixed": "tab:olive",
           "LN-warm5": "tab:pink", "LN-warm10": "tab:red", "LN-greedy": "tab:brown", "LN-softmax": "tab:olive"}


def read(path):
    curves = defaultdict(lambda: ([], [], [], []))
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row["metric"] != "test" or row["mean"] == "":
                continue
            t, m, lo, hi = curves[row["strategy"]]
            t.append(float(row["time"]))
            m.append(100 * float(row["mean"]))
            lo.append(100 * float(row["q25"]))
            hi.append(100 * float(row["q75"]))
    return curves


def main(out, png, title, seconds_per_trial):
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.2))
    for ax, dataset in zip(axes, DATASETS):
        curves = read(f"{out}/{dataset}/curves.csv")
        for strategy, (t, m, lo, hi) in curves.items():
            x = [v / seconds_per_trial for v in t]
            ax.plot(x, m, label=strategy, color=COLOURS.get(strategy))
            ax.fill_between(x, lo, hi, color=COLOURS.get(strategy), alpha=0.12)
        final = [m[-1] for _, m, _, _ in curves.values()]
        ax.set_ylim(min(final) - 2.5, max(final) + 0.6)
        ax.set_title(dataset)
        ax.set_xlabel("trainings (lookups)")
        ax.set_ylabel("test accuracy of best-valid model (%)")
        ax.grid(alpha=0.3)
        rs = curves.get("RS")
        for label in [s for s in curves if rs and (s.startswith("LayerNAS") or s.startswith("LN"))]:
            ln = curves[label]
            above = [a >= b - 1e-9 for a, b, ta, tb in zip(ln[1], rs[1], ln[0], rs[0]) if ta == tb]
            times = [v / seconds_per_trial for v in ln[0]]
            first = next((times[i] for i in range(len(above)) if all(above[i:])), None)
            print(f"{dataset}: {label} >= RS from {first if first is not None else 'never'} trainings on")
    axes[0].legend(fontsize=8)
    fig.suptitle(title)
    fig.tight_layout()
    fig.savefig(png, dpi=80)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else 1000.0)
