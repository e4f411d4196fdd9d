#!/usr/bin/env bash
# Runs the JMH benchmarks of layernas-bench (docs/performance.md); not part of the test run.
#   scripts/bench.sh                          # every benchmark (about 15 minutes on 2 cores)
#   scripts/bench.sh SearchOverheadBenchmark  # one class; any JMH option works, e.g. -p space=nats-sss
#   scripts/bench.sh --scaling-report         # trainings per complete search against H.k.sum|S| (counts, seconds)
#   scripts/bench.sh --load-report            # ./layernas run at 200,000 trials: time, trials/s, peak memory
#   scripts/bench.sh --dashboard-report       # the dashboard with a 100,000-trial run: page load time, server memory
#   scripts/bench.sh --utilization-report [DATA] [SEEDS]  # workers kept busy (simulated) and quality, NATS topology
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -DskipTests install -pl layernas-bench -am
jar=layernas-bench/target/benchmarks.jar
if [ "${1:-}" = "--load-report" ]; then
  shift
  exec java -Dlayernas.root="$PWD" -cp "$jar" io.layernas.bench.LoadReport "$@"
fi
if [ "${1:-}" = "--utilization-report" ]; then
  exec java -cp "$jar" io.layernas.bench.UtilizationReport "${2:-../shared/data}" "${3:-100}"
fi
if [ "${1:-}" = "--scaling-report" ]; then
  exec java -cp "$jar" io.layernas.bench.ScalingReport
fi
if [ "${1:-}" = "--dashboard-report" ]; then
  exec java -Xlog:disable -cp "$jar" io.layernas.bench.DashboardReport "${@:2}"
fi
exec java -jar "$jar" "$@"
