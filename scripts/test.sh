#!/usr/bin/env bash
# The project's test command: installs what the tests need (scripts/setup.sh), starts the services
# the tests run against (a single-node Slurm cluster; PostgreSQL for the trial store and worker
# pool: LAYERNAS_TEST_POSTGRES, PGUSER, PGPASSWORD), builds every module and runs every test, and
# stops the services again whatever happens. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

stop_services() {
  bash scripts/services/slurm.sh stop || true
  bash scripts/services/postgresql.sh stop || true
}
trap stop_services EXIT
slurm_env="$(bash scripts/services/slurm.sh start)"   # 'export SLURM_CONF=...' for the slurm executor's tests
eval "$slurm_env"
postgresql_env="$(bash scripts/services/postgresql.sh start)"
eval "$postgresql_env"

# Maven 3.8 writes colour codes (ESC[0m) even in batch mode: strip them when the output is a file.
if [ -t 1 ]; then
  mvn -B -ntp verify "$@"
else
  mvn -B -ntp verify "$@" 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g'
fi
