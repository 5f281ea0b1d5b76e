#!/usr/bin/env bash
# Starts a throw-away Slurm WITH accounting on this machine, without systemd, every file under DIR:
# munge (own key and socket), MariaDB (own datadir, 127.0.0.1 only), slurmdbd, slurmctld and one
# slurmd per fake node. The site (site.conf.sh sets the names) is:
#   nodes   c[1-5]: 4 CPUs, 8000 MB            g[1-3]: 8 CPUs, 16000 MB, 2 GPUs (gres gpu:t4)
#   partitions  cpu = c[1-5] (Default), gpu = g[1-3], all = c[1-5],g[1-3] (PriorityJobFactor 2)
#   accounts    chem (Fairshare 50), phys (30), bio (20); two Unix users each
#   QOS         normal (default, Priority 0), high (Priority 100, MaxJobsPerUser 2)
#   priority/multifactor, Fair Tree; sched/backfill with short intervals; select/cons_tres
#   CR_Core_Memory; AccountingStorageEnforce=associations,limits,qos.
# Usage: start.sh DIR           Stop with stop.sh DIR [--delete].
# Env: SLURMCTLD_PORT (16917), SLURMDBD_PORT (16919), SLURMD_BASE_PORT (17101), MARIADB_PORT (13316),
#      SCHED_PARAMS (the SchedulerParameters line, default below),
#      SLURMCTLD_DEBUG (SlurmctldDebug, default debug) and SLURMCTLD_DEBUGFLAGS (DebugFlags, default
#      Backfill,Priority): slurmctld's log then says when each scheduler ran and which one started a job, the
#      timers' phase the replay cannot see in sacct (run.sh keeps the log).
# Pitfalls this follows: /work/shared/notes/live-backends.md, "Slurm with accounting".
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ $# -lt 1 ]; then sed -n '2,15p' "$0" >&2; exit 2; fi
mkdir -p "$1"; DIR="$(cd "$1" && pwd)"
# shellcheck source=site.conf.sh
. "$HERE/site.conf.sh"
# shellcheck source=../../installer/slurm/local-slurm-common.sh
. "$HERE/../../installer/slurm/local-slurm-common.sh"
CTLD_PORT="${SLURMCTLD_PORT:-16917}"
DBD_PORT="${SLURMDBD_PORT:-16919}"
BASE_PORT="${SLURMD_BASE_PORT:-17101}"
DB_PORT="${MARIADB_PORT:-13316}"
CTLD_DEBUG="${SLURMCTLD_DEBUG:-debug}"
CTLD_DEBUGFLAGS="${SLURMCTLD_DEBUGFLAGS-Backfill,Priority}"   # set but empty: no DebugFlags line
SCHED_PARAMS="${SCHED_PARAMS:-bf_interval=5,sched_interval=10,bf_resolution=10,bf_window=60,default_queue_depth=100,bf_max_job_test=200,bf_continue}"

need_commands "[slurm-local]" "$HERE/install.sh" munged slurmctld slurmd slurmdbd sinfo sacctmgr mariadbd mariadb-install-db
if [ "$(id -u)" -ne 0 ]; then echo "[slurm-local] run as root (slurmd runs jobs as their users)" >&2; exit 1; fi
wait_port() { # $1 port, $2 what, $3 log
  local deadline=$(( $(date +%s) + 60 ))
  until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    if [ "$(date +%s)" -gt "$deadline" ]; then echo "[slurm-local] $2 not listening on $1 after 60 s; see $3" >&2; tail -20 "$3" >&2 || true; exit 1; fi
    sleep 0.2
  done
}
if alive "$DIR/slurmctld.pid"; then echo "[slurm-local] already running in $DIR"; exit 0; fi

mkdir -p "$DIR"/{munge,state,spool,log,dev,mysql}
chmod 0755 "$DIR" "$DIR/munge"   # 0755: non-root sbatch must reach the munge socket (pitfall 2)

# ---- Unix users (pitfall 7): created once, kept (stop.sh --delete-users removes them)
for u in "${USERS[@]}"; do id -u "$u" >/dev/null 2>&1 || useradd -M -s /bin/sh "$u"; done

# ---- munge
start_munge "$DIR"

# ---- MariaDB: own datadir, TCP on 127.0.0.1 only
if [ ! -d "$DIR/mysql/data/mysql" ]; then
  mariadb-install-db --user=root --datadir="$DIR/mysql/data" --auth-root-authentication-method=socket \
    --skip-test-db >"$DIR/log/mariadb-install.log" 2>&1
fi
if ! alive "$DIR/mysql/mariadbd.pid"; then
  nohup mariadbd --no-defaults --user=root --datadir="$DIR/mysql/data" --socket="$DIR/mysql/mysql.sock" \
    --port="$DB_PORT" --bind-address=127.0.0.1 --pid-file="$DIR/mysql/mariadbd.pid" \
    --log-error="$DIR/log/mariadb.log" --innodb-buffer-pool-size=256M --innodb-lock-wait-timeout=900 \
    --innodb-log-file-size=64M >/dev/null 2>&1 &
fi
wait_port "$DB_PORT" mariadb "$DIR/log/mariadb.log"
mariadb --no-defaults --socket="$DIR/mysql/mysql.sock" -u root <<SQL
CREATE DATABASE IF NOT EXISTS slurm_acct_db;
CREATE USER IF NOT EXISTS 'slurm'@'localhost' IDENTIFIED BY 'plab-dbd';
CREATE USER IF NOT EXISTS 'slurm'@'127.0.0.1' IDENTIFIED BY 'plab-dbd';
GRANT ALL ON slurm_acct_db.* TO 'slurm'@'localhost';
GRANT ALL ON slurm_acct_db.* TO 'slurm'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL

# ---- fake GPUs: symlinks to two distinct character devices (pitfall 4)
ln -sf /dev/null "$DIR/dev/gpu0"; ln -sf /dev/zero "$DIR/dev/gpu1"

# ---- configuration
cat > "$DIR/slurmdbd.conf" <<CONF
AuthType=auth/munge
AuthInfo=socket=$DIR/munge/munge.sock
DbdHost=localhost
DbdAddr=127.0.0.1
DbdPort=$DBD_PORT
SlurmUser=root
PidFile=$DIR/slurmdbd.pid
LogFile=$DIR/log/slurmdbd.log
StorageType=accounting_storage/mysql
StorageHost=127.0.0.1
StoragePort=$DB_PORT
StorageUser=slurm
StoragePass=plab-dbd
StorageLoc=slurm_acct_db
CONF
chmod 0600 "$DIR/slurmdbd.conf"   # next to slurm.conf, 0600 (pitfall 2)

cat > "$DIR/gres.conf" <<CONF
AutoDetect=off
NodeName=g[1-3] Name=gpu Type=t4 File=$DIR/dev/gpu[0-1]
CONF

cat > "$DIR/slurm.conf" <<CONF
# PreemptLab accounting sandbox (generated by sample-clusters/slurm-local/start.sh)
ClusterName=$CLUSTER
$(conf_daemons "$DIR" "$CTLD_PORT")
SlurmctldDebug=$CTLD_DEBUG
${CTLD_DEBUGFLAGS:+DebugFlags=$CTLD_DEBUGFLAGS}
SlurmdParameters=config_overrides
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=localhost
AccountingStoragePort=$DBD_PORT
AccountingStoragePass=$DIR/munge/munge.sock
AccountingStorageEnforce=associations,limits,qos
AccountingStorageTRES=gres/gpu
JobCompType=jobcomp/none
GresTypes=gpu
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerType=sched/backfill
SchedulerParameters=$SCHED_PARAMS
PriorityType=priority/multifactor
PriorityDecayHalfLife=1-0
PriorityCalcPeriod=1
PriorityMaxAge=1-0
PriorityWeightAge=1000
PriorityWeightFairshare=10000
PriorityWeightJobSize=500
PriorityWeightPartition=1000
PriorityWeightQOS=5000
PreemptType=preempt/none
$(conf_timers 300)
NodeName=c[1-5] NodeHostname=localhost NodeAddr=127.0.0.1 Port=[$BASE_PORT-$((BASE_PORT + 4))] CPUs=4 RealMemory=8000 State=UNKNOWN
NodeName=g[1-3] NodeHostname=localhost NodeAddr=127.0.0.1 Port=[$((BASE_PORT + 5))-$((BASE_PORT + 7))] CPUs=8 RealMemory=16000 Gres=gpu:t4:2 State=UNKNOWN
PartitionName=cpu Nodes=c[1-5] Default=YES MaxTime=10 DefaultTime=5 State=UP PriorityJobFactor=1
PartitionName=gpu Nodes=g[1-3] MaxTime=10 DefaultTime=5 State=UP PriorityJobFactor=1
PartitionName=all Nodes=c[1-5],g[1-3] MaxTime=10 DefaultTime=5 State=UP PriorityJobFactor=2
CONF
export SLURM_CONF="$DIR/slurm.conf"
cat > "$DIR/env.sh" <<ENV
export SLURM_CONF='$DIR/slurm.conf'
ENV

# ---- slurmdbd, then the accounting records, then slurmctld and the nodes
alive "$DIR/slurmdbd.pid" || slurmdbd
wait_port "$DBD_PORT" slurmdbd "$DIR/log/slurmdbd.log"
sam() { sacctmgr -i "$@" >/dev/null; }
sacctmgr -n -P list cluster format=cluster | grep -qx "$CLUSTER" || sam add cluster "$CLUSTER"
sam modify qos normal set Priority=0
sacctmgr -n -P list qos format=name | grep -qx high || sam add qos high
sam modify qos high set Priority=100 MaxJobsPerUser=2
for a in "${ACCOUNTS[@]}"; do
  name="${a%%:*}"; share="${a##*:}"
  sacctmgr -n -P list account format=account | grep -qx "$name" || sam add account "$name" Cluster="$CLUSTER" Fairshare="$share"
done
for ua in "${USER_ACCOUNTS[@]}"; do
  u="${ua%%:*}"; a="${ua##*:}"
  sam add user "$u" Account="$a" Cluster="$CLUSTER" Fairshare=1 QOS=normal,high DefaultQOS=normal || true
done

slurmctld -i
for n in c1 c2 c3 c4 c5 g1 g2 g3; do mkdir -p "$DIR/spool/$n"; slurmd -N "$n"; done
wait_idle "[slurm-local]" "$DIR" 8 90 0.3 -N
echo "[slurm-local] ready in $DIR: 8 nodes, partitions cpu/gpu/all, accounts ${ACCOUNTS[*]}, QOS normal/high"
echo "[slurm-local] export SLURM_CONF='$DIR/slurm.conf'"
