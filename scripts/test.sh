#!/usr/bin/env bash
# The project's test command: installs what the tests need (scripts/setup.sh), then builds every
# module and runs every test. CI runs exactly this (.ci/run).
# Services the tests need are started first and stopped on exit, however the build ends:
#   PostgreSQL (scripts/services/postgresql.sh): LAYERNAS_TEST_POSTGRES, PGUSER, PGPASSWORD.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
trap 'bash scripts/services/postgresql.sh stop' EXIT
eval "$(bash scripts/services/postgresql.sh start)"
mvn -B -ntp verify "$@"
