#!/usr/bin/env bash
# The project's test command: installs what the tests need (scripts/setup.sh), then builds every
# module and runs every test. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mvn -B -ntp verify "$@"
