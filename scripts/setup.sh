#!/usr/bin/env bash
# Installs what the project needs on a Debian machine beyond the JDK and Maven:
#   - dataset-fashion-mnist: the Fashion-MNIST IDX files under /usr/share/datasets/fashion-mnist/,
#     used by the djl-train evaluator and its tests.
#   - python3-torch, python3-numpy: PyTorch for /usr/bin/python3, which runs docs/examples/train_candidate.py
#     in its tests and in the training parity reports (the build itself does not need it).
#   - slurmctld, slurmd, slurm-client, munge: the single-node Slurm cluster the slurm executor's tests
#     run against (scripts/services/slurm.sh starts and stops it).
#   - chromium, chromium-driver: the browser and its WebDriver that the dashboard's browser tests
#     (layernas-dashboard, *BrowserIT) drive through Selenium; nothing is downloaded at test time.
#   - postgresql: the server scripts/services/postgresql.sh starts for the PostgreSQL trial store
#     and worker pool tests (scripts/test.sh starts and stops it).
# Safe to run repeatedly, as root, without a terminal: it installs only what is missing and runs
# 'apt-get update' only when a package has to be installed.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive

PACKAGES=(dataset-fashion-mnist python3-torch python3-numpy slurmctld slurmd slurm-client munge chromium chromium-driver postgresql)

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup: all packages present (${PACKAGES[*]})"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=
elif command -v sudo >/dev/null 2>&1; then
  SUDO=sudo
else
  echo "setup: ${missing[*]} must be installed, which needs root: run this script as root" >&2
  exit 1
fi

echo "setup: installing ${missing[*]}"
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "setup: done"
