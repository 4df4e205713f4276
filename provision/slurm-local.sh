#!/usr/bin/env bash
# A throw-away one-node Slurm cluster on localhost, for tests and laptops.
#
#   provision/slurm-local.sh start <dir>   installs slurm-wlm + munge if missing, writes <dir>/slurm.conf,
#                                          starts munged, slurmctld and slurmd; prints SLURM_CONF=<dir>/slurm.conf
#   provision/slurm-local.sh stop <dir>    stops the daemons it started in <dir> (by their pid files)
#
# Everything lives in <dir> (config, munge key and socket, spool, logs, pid files), so nothing in /etc is
# touched and two clusters on one machine do not meet. Ports come from SANDMLE_SLURM_PORT (default 16817,
# slurmd uses the next one). Must run as root (slurmd starts jobs as their submitting user).
set -euo pipefail

usage() { echo "usage: $0 start|stop <dir>" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)
port=${SANDMLE_SLURM_PORT:-16817}

need_packages() {
  if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null || ! command -v sbatch >/dev/null; then
    echo "slurm-local: installing slurm-wlm and munge" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >&2
  fi
}

# The node is named after the port, so two local clusters keep apart even in slurmd's cgroup paths.
node_name() { echo "sandmle$port"; }

stop_pidfile() {
  local f=$1
  [ -f "$f" ] || return 0
  local pid; pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

write_config() {
  local cpus mem_mb host
  cpus=$(nproc)
  mem_mb=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))
  host=$(hostname -s)
  node=$(node_name)
  mkdir -p "$dir/spool/ctld" "$dir/spool/d" "$dir/log" "$dir/run" "$dir/munge"
  cat >"$dir/slurm.conf" <<EOF
ClusterName=sandmle-local
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/spool/ctld
SlurmdSpoolDir=$dir/spool/d
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/cgroup
TaskPlugin=task/cgroup
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerType=sched/builtin
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
MinJobAge=300
KillWait=2
SlurmdTimeout=30
InactiveLimit=0
NodeName=$node NodeHostname=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
  # task/cgroup enforces --mem (RAM and swap); proctrack/cgroup lets scancel reach every process of a job.
  printf "CgroupPlugin=autodetect\nConstrainRAMSpace=yes\nConstrainSwapSpace=yes\nConstrainCores=no\n" >"$dir/cgroup.conf"
  if [ ! -s "$dir/munge/munge.key" ]; then
    dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
  fi
  chmod 700 "$dir/munge"
  chmod 400 "$dir/munge/munge.key"
}

wait_node_idle() {
  for _ in $(seq 600); do
    if sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then return 0; fi
    sleep 0.1
  done
  echo "slurm-local: the node did not come up within 60 s; see $dir/log" >&2
  return 1
}

case "$action" in
  start)
    [ "$(id -u)" -eq 0 ] || { echo "slurm-local: must run as root (slurmd starts jobs as their user)" >&2; exit 3; }
    need_packages
    write_config
    export SLURM_CONF="$dir/slurm.conf"
    stop_pidfile "$dir/run/munged.pid"
    # --force: the key and socket live in a private dir we just made; skip munged's /etc ownership checks.
    munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
      --pid-file="$dir/run/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/seed"
    slurmctld -c -f "$SLURM_CONF" -L "$dir/log/slurmctld.log"
    slurmd -N "$(node_name)" -f "$SLURM_CONF" -L "$dir/log/slurmd.log"
    wait_node_idle
    echo "SLURM_CONF=$SLURM_CONF"
    ;;
  stop)
    export SLURM_CONF="$dir/slurm.conf"
    [ -f "$SLURM_CONF" ] && scancel --quiet --user=root 2>/dev/null || true
    stop_pidfile "$dir/run/slurmd.pid"
    stop_pidfile "$dir/run/slurmctld.pid"
    stop_pidfile "$dir/run/munged.pid"
    ;;
  *) usage ;;
esac
