#!/usr/bin/env bash
# Trains the same mobilenet-mini requests with djl-train and with docs/examples/train_candidate.py
# (Debian's python3-torch) and prints ms/image and accuracies per seed (docs/training.md, "The parity report").
#   scripts/training-parity.sh [seeds] [trainSubset] [epochs] [threads] [architecture...]
#   scripts/training-parity.sh 5 5000 1 2        # the issue-18 setting; take the figures on an idle machine
# Installs python3-torch and python3-numpy with apt-get when missing (run as root), needs Fashion-MNIST
# (scripts/setup.sh). Everything it starts ends with it.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! /usr/bin/python3 -c 'import torch, numpy' 2>/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends python3-torch python3-numpy
fi
seeds=${1:-5}; subset=${2:-5000}; epochs=${3:-1}; threads=${4:-2}
shift $(( $# < 4 ? $# : 4 ))
# benchmarks.jar leaves DJL out (the JMH benchmarks train nothing): add its jars from the local repository.
djl_cp="$PWD/layernas-bench/target/djl-classpath.txt"
mvn -q -B -ntp -DskipTests package dependency:build-classpath -pl layernas-bench -am \
  -Dmdep.outputFile="$djl_cp" -Dmdep.includeGroupIds=ai.djl,ai.djl.pytorch
export OMP_WAIT_POLICY=PASSIVE
exec nice -n 10 java -cp "layernas-bench/target/benchmarks.jar:$(cat "$djl_cp")" io.layernas.bench.TrainingParityReport \
  "$seeds" "$subset" "$epochs" "$threads" /usr/bin/python3 "$@"
