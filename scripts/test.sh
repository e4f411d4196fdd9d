#!/usr/bin/env bash
# The project's test command: installs what the tests need (scripts/setup.sh), then builds every
# module and runs every test. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Maven 3.8 writes colour codes (ESC[0m) even in batch mode: strip them when the output is a file.
if [ -t 1 ]; then
  mvn -B -ntp verify "$@"
else
  mvn -B -ntp verify "$@" 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g'
fi
