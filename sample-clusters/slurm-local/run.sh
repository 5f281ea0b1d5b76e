#!/usr/bin/env bash
# One real-Slurm run of the seeded workload on a FRESH accounting sandbox: start.sh, submit every
# job of workload.sh MODE SEED at its offset as its Unix user, cancel the held ones, wait until the
# queue is empty, dump what Slurm recorded, stop.sh --delete. Files written to OUT:
#   sacct.txt          sacct -a -P -X -S <run start> --format=<the 20 fields replay reads>
#   sacctmgr-dump.txt  sacctmgr dump of the cluster (accounts, users, shares, QOS)
#   sacctmgr-qos.txt   sacctmgr -P show qos (the dump lists only the QOS names)
#   slurm.conf gres.conf workload.tsv sdiag.txt run.log
#   slurmctld.log      slurmctld's own log (full: SlurmctldDebug=debug, DebugFlags=Backfill,Priority): when
#                      slurmctld started, when the main and the backfill scheduler ran, which started a job
#   times.txt          slurmctld's start and the first submission, epoch seconds (the timers' phase)
# Usage: run.sh full|ci OUT [SEED]      (root; ports as in start.sh)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/site.conf.sh"
MODE="$1"; mkdir -p "$2"; OUT="$(cd "$2" && pwd)"; SEED="${3:-12}"
FIELDS=JobID,JobName,User,Account,Partition,QOS,Submit,Eligible,Start,End,Elapsed,Timelimit,NNodes,NCPUS,ReqMem,ReqTRES,AllocTRES,NodeList,State,Priority
case "$MODE" in full) MAX_WAIT=3600 ;; ci) MAX_WAIT=1200 ;; *) echo "MODE must be full or ci" >&2; exit 2 ;; esac
# both modes record slurmctld's debug log with the Backfill and Priority flags (start.sh's defaults): the proof replays each
# run with the passes at the instants Slurm ran them too (SLURMCTLD_DEBUG=info SLURMCTLD_DEBUGFLAGS= for a plain log)
DIR="$(mktemp -d /tmp/plab-slurm-acct.XXXXXX)"
trap '"$HERE/stop.sh" "$DIR" --delete >/dev/null 2>&1 || true' EXIT
"$HERE/workload.sh" "$MODE" "$SEED" > "$OUT/workload.tsv"
"$HERE/start.sh" "$DIR"
export SLURM_CONF="$DIR/slurm.conf"
cp "$DIR/slurm.conf" "$DIR/gres.conf" "$OUT/"
sed -i "s#$DIR#/SANDBOX#g" "$OUT/slurm.conf" "$OUT/gres.conf"   # the paths differ run to run

account_of() { local ua; for ua in "${USER_ACCOUNTS[@]}"; do [ "${ua%%:*}" = "$1" ] && { echo "${ua##*:}"; return; }; done; }
ctld_start=$(stat -c %Y "/proc/$(cat "$DIR/slurmctld.pid")" 2>/dev/null || echo unknown)
start_s=$(date +%s)
since=$(date -d "@$((start_s - 1))" +%Y-%m-%dT%H:%M:%S)
held=()
: > "$OUT/run.log"
while IFS=$'\t' read -r name offset user part qos nodes tasks mem gpus limit sleep_s kind; do
  now=$(date +%s.%N)
  wait_s=$(awk -v a="$start_s" -v o="$offset" -v n="$now" 'BEGIN { d = a + o - n; if (d > 0) printf "%.3f", d; else print 0 }')
  sleep "$wait_s"
  args=(--parsable -J "$name" -p "$part" -A "$(account_of "$user")" --qos "$qos" -N "$nodes"
        --ntasks-per-node="$tasks" --mem="$mem" -t "$limit" -o /dev/null -e /dev/null --chdir=/tmp)
  [ "$gpus" -gt 0 ] && args+=(--gres="gpu:$gpus")
  case "$kind" in
    fail)   args+=(--wrap "sleep $sleep_s; exit 3") ;;
    held)   args+=(--hold --wrap "sleep $sleep_s") ;;
    array4) args+=(--array=0-3%2 --wrap "sleep $sleep_s") ;;
    *)      args+=(--wrap "sleep $sleep_s") ;;
  esac
  if id=$(runuser -u "$user" -- sbatch "${args[@]}" 2>>"$OUT/run.log"); then
    echo "$(( $(date +%s) - start_s )) $name $id" >> "$OUT/run.log"
    [ "$kind" = held ] && held+=("$id")
  else
    echo "$(( $(date +%s) - start_s )) $name sbatch FAILED" >> "$OUT/run.log"
  fi
done < "$OUT/workload.tsv"
sleep 5
[ ${#held[@]} -gt 0 ] && scancel "${held[@]}"
echo "[slurm-local] $MODE: submitted $(wc -l < "$OUT/workload.tsv") jobs in $(( $(date +%s) - start_s )) s; waiting for the queue to empty"
deadline=$(( $(date +%s) + MAX_WAIT ))
while [ -n "$(squeue -h -o %i 2>/dev/null)" ]; do
  if [ "$(date +%s)" -gt "$deadline" ]; then echo "[slurm-local] queue not empty after $MAX_WAIT s" >&2; squeue >&2; exit 1; fi
  sleep 5
done
sleep 3   # the last records reach slurmdbd
sdiag > "$OUT/sdiag.txt" 2>&1 || true
cp "$DIR/log/slurmctld.log" "$OUT/slurmctld.log" 2>/dev/null || true
sed -i "s#$DIR#/SANDBOX#g" "$OUT/slurmctld.log" 2>/dev/null || true
{ echo "slurmctld_start $ctld_start"; echo "first_submit_window_start $start_s"; } > "$OUT/times.txt"
sacct -a -P -X -S "$since" -E now --format="$FIELDS" > "$OUT/sacct.txt"
sacctmgr -i dump "$CLUSTER" file="$OUT/sacctmgr-dump.txt" >/dev/null
sacctmgr -P show qos > "$OUT/sacctmgr-qos.txt"
echo "[slurm-local] $MODE run done in $(( $(date +%s) - start_s )) s: $(( $(wc -l < "$OUT/sacct.txt") - 1 )) sacct rows in $OUT"
"$HERE/stop.sh" "$DIR" --delete
trap - EXIT
