#!/usr/bin/env bash
# Trains the same requests with djl-train and with docs/examples/train_candidate.py (Debian's
# python3-torch) and prints ms/image and accuracies per seed (docs/training.md, "The parity report").
#   scripts/training-parity.sh [seeds] [trainSubset] [epochs] [threads] [architecture...]
#   scripts/training-parity.sh 5 5000 1 2        # the issue-18 setting; take the figures on an idle machine
#   scripts/training-parity.sh 5 5000 1 2 24:k5e64:40:k5e96:k5e96:64:k5e160:256 \
#     '|nor_conv_1x1~0|+|skip_connect~0|avg_pool_3x3~1|+|skip_connect~0|none~1|nor_conv_1x1~2|'   # a nats-tss cell: quote it
#   scripts/training-parity.sh steps [warmup] [measured] [rounds] [threads] [architecture...]
#                                                # TrainingStepReport: ms per step and phase, both sides interleaved
#   scripts/training-parity.sh ops [warmup] [measured] [rounds] [threads] [architecture...]
#                                                # TrainingOpReport: self CPU ms per step and op, both sides' profilers
#   scripts/training-parity.sh drift [trainings] [trainSubset] [threads] [architecture]
#                                                # TrainingDriftReport: djl-train only, ms/image, RSS, arrays, GC per training
# Installs python3-torch and python3-numpy with apt-get when missing (run as root), needs Fashion-MNIST
# (scripts/setup.sh). OMP_WAIT_POLICY is PASSIVE unless set (PyTorch's OpenMP threads then sleep instead of
# spinning between parallel regions: needed on a shared machine, slower on an idle one); both sides get it.
# JAVA_OPTS reaches the JVM (e.g. JAVA_OPTS='-Dparity.reverts=none;init;sgd;schedule -Dparity.pytorch=false', see
# TrainingParityReport). Everything it starts ends with it.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! /usr/bin/python3 -c 'import torch, numpy' 2>/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends python3-torch python3-numpy
fi
report=io.layernas.bench.TrainingParityReport
numbers=4
case "${1:-}" in
  steps) report=io.layernas.bench.TrainingStepReport; shift; args=("${1:-150}" "${2:-40}" "${3:-3}" "${4:-2}") ;;
  ops) report=io.layernas.bench.TrainingOpReport; shift; args=("${1:-150}" "${2:-20}" "${3:-3}" "${4:-1}") ;;
  drift) report=io.layernas.bench.TrainingDriftReport; shift; numbers=3; args=("${1:-6}" "${2:-5000}" "${3:-2}") ;;
  *) args=("${1:-5}" "${2:-5000}" "${3:-1}" "${4:-2}") ;;
esac
shift $(( $# < numbers ? $# : numbers ))
# benchmarks.jar leaves DJL out (the JMH benchmarks train nothing): add its jars from the local repository.
djl_cp="$PWD/layernas-bench/target/djl-classpath.txt"
mvn -q -B -ntp -DskipTests package dependency:build-classpath -pl layernas-bench -am \
  -Dmdep.outputFile="$djl_cp" -Dmdep.includeGroupIds=ai.djl,ai.djl.pytorch
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec nice -n 10 java ${JAVA_OPTS:-} -cp "layernas-bench/target/benchmarks.jar:$(cat "$djl_cp")" "$report" \
  "${args[@]}" /usr/bin/python3 "$@"
