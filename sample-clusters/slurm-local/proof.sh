#!/usr/bin/env bash
# The proof against a real Slurm (issue 12): the same seeded workload run twice on a fresh
# accounting sandbox (run.sh), Slurm's own run-to-run spread (the noise floor), the replay of each
# run with Slurm's loop on the site's version-2 model (preemptlab replay), and how much the phase of the periodic passes moves the
# replay. Prints the numbers; with --doc FILE also writes them into FILE between the markers
# <!-- proof:MODE:begin --> and <!-- proof:MODE:end -->.
# Usage: proof.sh full|ci OUT [--from DIR] [--doc docs/slurm-fidelity.md]
#   --from DIR: use DIR/run1 and DIR/run2 from an earlier proof instead of running Slurm (no root needed)
# Needs app/target/preemptlab.jar (./mvnw -B -DskipTests package); root unless --from.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
MODE="$1"; mkdir -p "$2"; OUT="$(cd "$2" && pwd)"; shift 2
FROM=""; DOC=""
while [ $# -gt 0 ]; do case "$1" in --from) FROM="$2"; shift 2 ;; --doc) DOC="$2"; shift 2 ;; *) echo "unknown option $1" >&2; exit 2 ;; esac; done
JAR="$ROOT/app/target/preemptlab.jar"
[ -f "$JAR" ] || { echo "[proof] $JAR not found: ./mvnw -B -DskipTests package first" >&2; exit 1; }
pl() { java -jar "$JAR" "$@"; }
num() { sed -n "s/^  \"$2\": \([^,]*\),\{0,1\}$/\1/p" "$1"; }   # a top-level number of a report

started=$(date +%s)
if [ -z "$FROM" ]; then
  "$HERE/install.sh"
  for r in 1 2; do
    s=$(date +%s)
    "$HERE/run.sh" "$MODE" "$OUT/run$r"
    echo "[proof] $MODE run $r: $(( $(date +%s) - s )) s"
  done
  FROM="$OUT"
fi
BF=$(sed -n 's/^SchedulerParameters=.*bf_interval=\([0-9]*\).*/\1/p' "$FROM/run1/slurm.conf"); BF=${BF:-30}

pl replay --sacct "$FROM/run1/sacct.txt" --against-sacct "$FROM/run2/sacct.txt" --bf-interval "$BF" \
  --report "$OUT/noise.json" --out-csv "$OUT/noise.csv" | sed 's/^/[proof] real run 1 vs real run 2: /'
# the site's files of a run: slurm.conf, and gres.conf / sacctmgr dump / QOS table when the run has them
site() {
  local d="$FROM/run$1"
  printf '%s\n' --slurm-conf "$d/slurm.conf"
  [ -f "$d/gres.conf" ] && printf '%s\n' --gres-conf "$d/gres.conf"
  [ -f "$d/sacctmgr-dump.txt" ] && printf '%s\n' --sacctmgr-dump "$d/sacctmgr-dump.txt"
  [ -f "$d/sacctmgr-qos.txt" ] && printf '%s\n' --sacctmgr-qos "$d/sacctmgr-qos.txt"
  return 0
}
for r in 1 2; do
  mapfile -t SITE < <(site $r)
  pl replay "${SITE[@]}" --sacct "$FROM/run$r/sacct.txt" --report "$OUT/replay$r.json" \
    --out-csv "$OUT/replay$r.csv" | sed "s/^/[proof] replay of run $r: /"
  # for comparison: the same site with sacct's Priority column, and issue 12's first replay (plain nodes)
  pl replay "${SITE[@]}" --priority sacct --sacct "$FROM/run$r/sacct.txt" --report "$OUT/replay$r-sacctprio.json" >/dev/null
  pl replay --model nodes --slurm-conf "$FROM/run$r/slurm.conf" --sacct "$FROM/run$r/sacct.txt" --report "$OUT/replay$r-nodes.json" >/dev/null
done
mapfile -t SITE1 < <(site 1)
# the phase of the periodic passes (unknown in a history): replay run 1 with every phase 0..bf_interval-1
phase_rows=""
for ph in $(seq 0 $(( BF - 1 ))); do
  pl replay "${SITE1[@]}" --sacct "$FROM/run1/sacct.txt" --phase "$ph" --report "$OUT/phase$ph.json" \
    --out-csv "$OUT/phase$ph.csv" >/dev/null
  shift_mean=$(awk -F, 'NR==FNR { if (FNR > 1) p[$1] = $3; next } FNR > 1 && ($1 in p) { d = $3 - p[$1]; s += (d < 0 ? -d : d); n++ }
                       END { printf "%.1f", n ? s / n : 0 }' "$OUT/phase0.csv" "$OUT/phase$ph.csv")
  phase_rows+="| $ph | $(num "$OUT/phase$ph.json" withinToleranceShare) | $(num "$OUT/phase$ph.json" meanAbsStartErrorSeconds) | $(num "$OUT/phase$ph.json" medianAbsStartErrorSeconds) | $(num "$OUT/phase$ph.json" startOrderKendallTau) | $shift_mean |"$'\n'
done

row() { # $1 label, $2 report
  echo "| $1 | $(num "$2" jobs) | $(num "$2" withinToleranceShare) | $(num "$2" meanAbsStartErrorSeconds) | $(num "$2" medianAbsStartErrorSeconds) | $(num "$2" p90AbsStartErrorSeconds) | $(num "$2" startOrderKendallTau) | $(num "$2" meanWaitActualSeconds) | $(num "$2" meanWaitPredictedSeconds) |"
}
SECTION="$OUT/section.md"
{
  echo "<!-- proof:$MODE:begin -->"
  echo "Workload \`$MODE\` ($(( $(wc -l < "$FROM/run1/sacct.txt") - 1 )) sacct rows per run), tolerance $(num "$OUT/noise.json" toleranceSeconds) s (max(2 × bf_interval, 60)); written by \`sample-clusters/slurm-local/proof.sh $MODE\`."
  echo
  echo "| comparison | jobs | within tolerance | mean abs error s | median s | p90 s | Kendall τ | mean wait s (first) | mean wait s (second) |"
  echo "|---|---|---|---|---|---|---|---|---|"
  row "real run 1 vs real run 2 (noise floor)" "$OUT/noise.json"
  row "run 1 vs its replay" "$OUT/replay1.json"
  row "run 2 vs its replay" "$OUT/replay2.json"
  row "run 1, site replay with sacct's Priority column" "$OUT/replay1-sacctprio.json"
  row "run 2, site replay with sacct's Priority column" "$OUT/replay2-sacctprio.json"
  row "run 1, plain-nodes replay (issue 12, before)" "$OUT/replay1-nodes.json"
  row "run 2, plain-nodes replay (issue 12, before)" "$OUT/replay2-nodes.json"
  echo
  echo "Phase of the periodic passes (run 1 replayed with sched_interval/bf_interval ticks at phase + k·interval); the last column is the mean |shift| of the predicted starts against phase 0:"
  echo
  echo "| phase s | within tolerance | mean abs error s | median s | Kendall τ | mean shift vs phase 0, s |"
  echo "|---|---|---|---|---|---|"
  printf '%s' "$phase_rows"
  echo "<!-- proof:$MODE:end -->"
} > "$SECTION"
cat "$SECTION"
if [ -n "$DOC" ]; then
  if grep -q "<!-- proof:$MODE:begin -->" "$DOC"; then
    awk -v mode="$MODE" -v sec="$SECTION" '
      $0 == "<!-- proof:" mode ":begin -->" { while ((getline l < sec) > 0) print l; skip = 1; next }
      $0 == "<!-- proof:" mode ":end -->" { skip = 0; next }
      !skip { print }' "$DOC" > "$DOC.tmp" && mv "$DOC.tmp" "$DOC"
  else
    { echo; cat "$SECTION"; } >> "$DOC"
  fi
  echo "[proof] wrote the $MODE numbers into $DOC"
fi
echo "[proof] $MODE done in $(( $(date +%s) - started )) s"
