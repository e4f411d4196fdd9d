#!/usr/bin/env bash
# The project's test command: installs what the tests need (scripts/setup.sh), starts the services
# the tests run against (a single-node Slurm cluster), builds every module and runs every test, and
# stops the services again whatever happens. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

stop_services() {
  bash scripts/services/slurm.sh stop || true
}
trap stop_services EXIT
slurm_env="$(bash scripts/services/slurm.sh start)"   # 'export SLURM_CONF=...' for the slurm executor's tests
eval "$slurm_env"

mvn -B -ntp verify "$@"
