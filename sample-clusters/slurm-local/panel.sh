#!/usr/bin/env bash
# The evaluation panel of docs/slurm-fidelity.md ("22 replays"): a model change is judged on the recorded fixtures, not on
# one replay, since any change moves one replay by ±0.05 of tau. Replays the full-log fixtures at phases 0-9 (run 1 and
# run 2) and with slurmctld's passes (both), and the CI fixtures at phases 0-4, and prints the means
# (share within tolerance / mean |error| s / median s / Kendall tau). "phase 0" was the default replay until session 15 (now --phase auto:
# docs/slurm-fidelity.md, "The passes' phases from sacct"); every replay here gives its phase or a log, so the default does not enter.
# With the second pair of full runs (full-log-run3, full-log-run4, whose slurmctld-log.txt has the submits' and ends' lines
# too), also their phases 0-9, their log replays with the same-second order and with the passes only, printed apart (the
# "mean of 22" stays runs 1 and 2's).
# Usage: panel.sh JAR OUT [replay options...]   e.g. panel.sh app/target/preemptlab.jar /tmp/panel --backfill-plans whole-nodes
# No root, no Slurm: the fixtures are in model/src/test/resources/org/preemptlab/history/slurm-local/.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
F="$(cd "$HERE/../.." && pwd)/model/src/test/resources/org/preemptlab/history/slurm-local"
JAR="$1"; mkdir -p "$2"; OUT="$(cd "$2" && pwd)"; shift 2
EXTRA=("$@")
# a fixture's site files: run 2's fixtures share run 1's slurm.conf and gres.conf (run 4's run 3's)
site() {
  local d="$F/$1" c="$F/$1" n="${1##*run}"
  [ -f "$c/slurm.conf" ] || c="$F/${1%run*}run$((n - 1))"
  printf '%s\n' --slurm-conf "$c/slurm.conf" --gres-conf "$c/gres.conf" --sacctmgr-dump "$d/sacctmgr-dump.txt" \
    --sacctmgr-qos "$d/sacctmgr-qos.txt" --sacct "$d/sacct.txt"
}
run() { java -jar "$JAR" replay "${EXTRA[@]}" "$@" >/dev/null 2>"$OUT/last.err" || { cat "$OUT/last.err" >&2; exit 1; }; }
num() { sed -n "s/^  \"$2\": \([^,]*\),\{0,1\}$/\1/p" "$1"; }
for r in 1 2; do
  mapfile -t S < <(site full-log-run$r)
  for ph in 0 1 2 3 4 5 6 7 8 9; do run "${S[@]}" --phase $ph --report "$OUT/r$r-p$ph.json" --out-csv "$OUT/r$r-p$ph.csv"; done
  run "${S[@]}" --slurmctld-log "$F/full-log-run$r/slurmctld-passes.txt" --report "$OUT/r$r-log.json" --out-csv "$OUT/r$r-log.csv"
  mapfile -t S < <(site ci-run$r)
  for ph in 0 1 2 3 4; do run "${S[@]}" --phase $ph --report "$OUT/ci$r-p$ph.json" --out-csv "$OUT/ci$r-p$ph.csv"; done
done
ORDER='_slurm_rpc_submit_batch_job|_job_complete: JobId|Time limit exhausted for JobId'
for r in 3 4; do
  [ -d "$F/full-log-run$r" ] || continue
  mapfile -t S < <(site full-log-run$r)
  for ph in 0 1 2 3 4 5 6 7 8 9; do run "${S[@]}" --phase $ph --report "$OUT/r$r-p$ph.json" --out-csv "$OUT/r$r-p$ph.csv"; done
  run "${S[@]}" --slurmctld-log "$F/full-log-run$r/slurmctld-log.txt" --report "$OUT/r$r-log.json" --out-csv "$OUT/r$r-log.csv"
  grep -vE "$ORDER" "$F/full-log-run$r/slurmctld-log.txt" > "$OUT/r$r-passes.txt"
  run "${S[@]}" --slurmctld-log "$OUT/r$r-passes.txt" --report "$OUT/r$r-passes.json" --out-csv "$OUT/r$r-passes.csv"
done
mean() { for f in "$@"; do echo "$(num "$f" withinToleranceShare) $(num "$f" meanAbsStartErrorSeconds) $(num "$f" medianAbsStartErrorSeconds) $(num "$f" startOrderKendallTau)"; done |
  awk '{ s += $1; m += $2; md += $3; t += $4; n++ } END { printf "%.3f / %.1f / %.1f / %.3f (%d replays)\n", s / n, m / n, md / n, t / n, n }'; }
echo "full, mean of 22:     $(mean "$OUT"/r[12]-p*.json "$OUT"/r[12]-log.json)"
echo "run 1, 10 phases:     $(mean "$OUT"/r1-p*.json)"
echo "run 2, 10 phases:     $(mean "$OUT"/r2-p*.json)"
echo "run 1 log:            $(mean "$OUT/r1-log.json")"
echo "run 2 log:            $(mean "$OUT/r2-log.json")"
echo "run 1 phase 0:        $(mean "$OUT/r1-p0.json")"
echo "run 2 phase 0:        $(mean "$OUT/r2-p0.json")"
echo "CI run 1, 5 phases:   $(mean "$OUT"/ci1-p*.json)"
echo "CI run 2, 5 phases:   $(mean "$OUT"/ci2-p*.json)"
echo "CI run 1 / 2 phase 0: $(mean "$OUT/ci1-p0.json") $(mean "$OUT/ci2-p0.json")"
if [ -f "$OUT/r3-log.json" ]; then
  echo "run 3 / 4, 10 phases:  $(mean "$OUT"/r3-p[0-9].json) $(mean "$OUT"/r4-p[0-9].json)"
  echo "run 3 / 4 phase 0:     $(mean "$OUT/r3-p0.json") $(mean "$OUT/r4-p0.json")"
  echo "run 3 / 4 log (order): $(mean "$OUT/r3-log.json") $(mean "$OUT/r4-log.json")"
  echo "run 3 / 4 passes only: $(mean "$OUT/r3-passes.json") $(mean "$OUT/r4-passes.json")"
fi
