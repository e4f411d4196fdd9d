#!/usr/bin/env bash
# A single-node Slurm cluster on 127.0.0.1 for the tests of the slurm executor (docs/cluster.md).
#
#   scripts/services/slurm.sh install   # apt-get install slurmctld slurmd slurm-client munge (idempotent, as root)
#   scripts/services/slurm.sh start     # start munged, slurmctld and slurmd; prints 'export SLURM_CONF=...'
#   scripts/services/slurm.sh stop      # stop them (by the PIDs in their pid files)
#
# Runs as root, without systemd and on cgroup v1: the cluster uses proctrack/linuxproc, task/none,
# no accounting. Everything (config, state, logs, munge socket) lives in $LAYERNAS_SLURM_DIR
# (default: target/services/slurm of the repository); /etc/slurm is never written. Clients find the
# cluster through SLURM_CONF, which 'start' prints and the tests read. Ports: LAYERNAS_SLURM_PORT
# (slurmctld, default 16817) and the next one (slurmd). The node has 8 CPUs whatever the machine
# has, so several test jobs run at once; time limits and dead jobs are noticed quickly (KillWait 2 s,
# MinJobAge 5 s) to keep the tests short.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
dir="${LAYERNAS_SLURM_DIR:-$root/target/services/slurm}"
port="${LAYERNAS_SLURM_PORT:-16817}"
packages=(slurmctld slurmd slurm-client munge)

install() {
  local missing=() package
  for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "slurm: packages present (${packages[*]})"
    return
  fi
  [ "$(id -u)" -eq 0 ] || { echo "slurm: installing ${missing[*]} needs root" >&2; exit 1; }
  echo "slurm: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

write_config() {
  mkdir -p "$dir/state" "$dir/spool" "$dir/log" "$dir/munge"
  chown munge:munge "$dir/munge"
  chmod 0755 "$dir/munge"
  cat > "$dir/slurm.conf" <<CONF
# Written by scripts/services/slurm.sh: a single-node test cluster on 127.0.0.1.
ClusterName=layernas-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CryptoType=crypto/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
ReturnToService=2
MinJobAge=5
KillWait=2
OverTimeLimit=0
InactiveLimit=0
SlurmctldTimeout=10
SlurmdTimeout=10
MessageTimeout=5
NodeName=localhost NodeAddr=127.0.0.1 NodeHostname=localhost CPUs=8 RealMemory=4000 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
}

pid_of() {
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null && cat "$1"
}

start() {
  command -v slurmctld >/dev/null || { echo "slurm: not installed; run $0 install" >&2; exit 1; }
  write_config
  if ! pid_of "$dir/munge/munged.pid" >/dev/null; then
    runuser -u munge -- /usr/sbin/munged --socket="$dir/munge/munge.socket" --pid-file="$dir/munge/munged.pid" \
      --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed" --key-file=/etc/munge/munge.key
  fi
  export SLURM_CONF="$dir/slurm.conf"
  pid_of "$dir/slurmctld.pid" >/dev/null || slurmctld -c -f "$SLURM_CONF"
  pid_of "$dir/slurmd.pid" >/dev/null || slurmd -N localhost -f "$SLURM_CONF"
  for _ in $(seq 1 60); do
    if scontrol ping 2>/dev/null | grep -q UP && sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
      echo "export SLURM_CONF=$SLURM_CONF"
      return
    fi
    sleep 0.5
  done
  echo "slurm: the cluster did not come up; see $dir/log" >&2
  tail -n 20 "$dir"/log/*.log >&2 || true
  exit 1
}

stop() {
  local file pid
  if [ -f "$dir/slurm.conf" ] && pid_of "$dir/slurmctld.pid" >/dev/null; then
    # Jobs left by an aborted test (this cluster's only), so that no job process outlives the cluster.
    SLURM_CONF="$dir/slurm.conf" scancel --user="$(id -un)" 2>/dev/null || true
    sleep 1
  fi
  for file in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
    if pid="$(pid_of "$file")"; then
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  done
  echo "slurm: stopped"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 install|start|stop" >&2; exit 2 ;;
esac
