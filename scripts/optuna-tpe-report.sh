#!/usr/bin/env bash
# Optuna's own TPESampler next to ours on the NATS-Bench topology table (docs/comparison.md).
# A report, not a test: installs Debian's python3-optuna (as root) and runs
# layernas-bench/src/main/python/optuna_tpe_nats.py; extra arguments go to it, e.g.
#   scripts/optuna-tpe-report.sh --lookups 1000 --seeds 20 --datasets cifar10
# At 1,000 lookups Optuna takes about 15 minutes of CPU a seed here; split a long report over cores
# with --first-seed (e.g. --first-seed 0 --seeds 10 and --first-seed 10 --seeds 10, one per core).
# Each seed's line on stderr gives its test and validation accuracy and its number of suggestions.
# Our side: Table3Main --strategies TPE=tpe (see docs/comparison.md).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${LAYERNAS_DATA_DIR:-../shared/data}"
TABLE="$DATA/natsbench-tss/nats-tss-200ep.csv"
if [[ ! -f "$TABLE" ]]; then
    echo "no NATS-Bench topology table at $TABLE; set LAYERNAS_DATA_DIR to the directory that holds natsbench-tss/" >&2
    exit 2
fi
if ! /usr/bin/python3 -c 'import optuna' 2>/dev/null; then
    if [[ $(id -u) -ne 0 ]]; then
        echo "python3-optuna is not installed; run this script as root to install it with apt-get" >&2
        exit 2
    fi
    apt-get install -y -q python3-optuna >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q python3-optuna >/dev/null; }
fi
exec nice -n 10 /usr/bin/python3 layernas-bench/src/main/python/optuna_tpe_nats.py --table "$TABLE" "$@"
