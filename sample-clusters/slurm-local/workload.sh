#!/usr/bin/env bash
# Prints the seeded workload for the accounting sandbox, one job per line, tab-separated:
#   name offset_s user partition qos nodes tasks_per_node mem_mb_per_node gpus_per_node limit_min sleep_s kind
# kind: run (sleep), fail (sleep, then exit 3), timeout (sleeps past its limit), held (submitted
# held, cancelled before it starts), array4 (an array of 4 tasks, at most 2 at once).
# The generator is a 64-bit LCG in bash arithmetic, so the same MODE and SEED give the same lines
# on every machine. Usage: workload.sh full|ci [SEED]   (full: 130 jobs over ~6 min; ci: 40 over ~1 min)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$HERE/site.conf.sh"
MODE="${1:-full}"; S="${2:-12}"
case "$MODE" in
  full) N=130; WINDOW=360; SMIN=20; SMAX=90 ;;
  ci)   N=40;  WINDOW=60;  SMIN=10; SMAX=30 ;;
  *) echo "MODE must be full or ci" >&2; exit 2 ;;
esac
R=0
rng() { S=$(( S * 6364136223846793005 + 1442695040888963407 )); R=$(( (S >> 33) & 0x7fffffff )); }
pick() { rng; echo $(( $1 + R % ($2 - $1 + 1) )); }   # uniform integer in [$1, $2]
for i in $(seq 1 "$N"); do
  name=$(printf 'j%03d' "$i")
  offset=$(( (i - 1) * WINDOW / N ))
  rng; u="${USERS[$(( R % ${#USERS[@]} ))]}"
  rng; p=$(( R % 10 ))
  if [ $p -lt 5 ]; then part=cpu; nodes=$(pick 1 2); tasks=$(pick 1 4); mem=$(( $(pick 1 6) * 500 )); gpus=0
  elif [ $p -lt 8 ]; then part=gpu; nodes=1; tasks=$(pick 1 8); mem=$(( $(pick 1 8) * 1000 )); gpus=$(pick 0 2)
  else part=all; nodes=$(pick 1 3); tasks=$(pick 1 4); mem=$(( $(pick 1 4) * 500 )); gpus=0; fi
  rng; [ $(( R % 5 )) -eq 0 ] && qos=high || qos=normal
  sleep_s=$(pick "$SMIN" "$SMAX")
  limit=$(( (sleep_s * 3 / 2 + 59) / 60 + 1 )); [ $limit -gt 10 ] && limit=10
  rng; k=$(( R % 100 ))
  kind=run
  if [ $k -lt 4 ]; then kind=fail
  elif [ $k -lt 7 ]; then kind=timeout; limit=1; sleep_s=$(( 75 + SMIN ))
  elif [ $k -lt 10 ]; then kind=held
  elif [ $k -lt 12 ]; then kind=array4; fi
  printf '%s\t%d\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n' "$name" "$offset" "$u" "$part" "$qos" "$nodes" "$tasks" "$mem" "$gpus" "$limit" "$sleep_s" "$kind"
done
