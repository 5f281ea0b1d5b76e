#!/usr/bin/env bash
# Re-measures and rewrites the measured part of docs/performance.md (between the bench markers):
#  1. whole process, cold, one shot, as users type it: `bench --cold` (java -jar and the ./preemptlab
#     launcher) alternating with the plain Python model of the same EASY rules, HPC2N;
#  2. warm, in-process (`bench`): the growth table, EASY on KTH, HPC2N, SDSC-BLUE and a synthetic
#     machine of 80,640 processors.
# Usage: docs/performance.sh [PAIRS]   (SHARED=dir with traces/ and reference/, default ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED:-../shared}"
pairs="${1:-5}"
jar=app/target/preemptlab.jar
doc=docs/performance.md
[[ -f "$jar" ]] || ./mvnw -B -q -o -pl model,app -DskipTests package
for f in traces/HPC2N-2002-2.1-cln.swf.gz traces/KTH-SP2-1996-2.1-cln.swf.gz traces/SDSC-BLUE-2000-4.2-cln.swf.gz \
         reference/easy_model.py reference/HPC2N-2002-2.1-cln.clean.swf.gz; do
  [[ -f "$shared/$f" ]] || { echo "performance.sh: $shared/$f not found (set SHARED)" >&2; exit 1; }
done
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# one run first so that the launcher's class-data sharing archive exists, as it does for a user's second run
./preemptlab simulate --trace "$shared/traces/KTH-SP2-1996-2.1-cln.swf.gz" --policy easy >/dev/null
java -jar "$jar" bench --cold --pairs "$pairs" --trace "$shared/traces/HPC2N-2002-2.1-cln.swf.gz" --policies easy \
  --vs "python3 easy_model.py (HPC2N clean, 240, 2024)=python3 $shared/reference/easy_model.py $shared/reference/HPC2N-2002-2.1-cln.clean.swf.gz 240 2024" \
  --markdown "$tmp/cold.md" >&2
./preemptlab bench --trace "$shared/traces/KTH-SP2-1996-2.1-cln.swf.gz" --trace "$shared/traces/HPC2N-2002-2.1-cln.swf.gz" \
  --trace "$shared/traces/SDSC-BLUE-2000-4.2-cln.swf.gz" --synthetic 450000 --synthetic-procs 80640,100000000 --policies easy \
  --repeat 3 --markdown "$tmp/warm.md" >&2
{
  echo "<!-- bench:begin (written by docs/performance.sh; edits here are overwritten) -->"
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) CPUs ($(java -version 2>&1 | head -1)), \`docs/performance.sh $pairs\`."
  echo
  echo "**Whole process, cold, one shot** (what a user types; each run a new JVM; medians of alternating rounds):"
  echo
  cat "$tmp/cold.md"
  echo
  echo "**Warm, in process** (\`bench\`, best of 3, simulation only; the growth table, EASY; load average now $(cut -d' ' -f1-3 /proc/loadavg)):"
  echo
  cat "$tmp/warm.md"
  echo "<!-- bench:end -->"
} > "$tmp/section.md"
if grep -q '<!-- bench:begin' "$doc"; then
  awk -v section="$tmp/section.md" '
    /<!-- bench:begin/ { while ((getline line < section) > 0) print line; skip = 1; next }
    /<!-- bench:end -->/ { skip = 0; next }
    !skip { print }' "$doc" > "$tmp/doc.md"
else
  awk -v section="$tmp/section.md" 'NR == 2 { print ""; while ((getline line < section) > 0) print line } { print }' "$doc" > "$tmp/doc.md"
fi
cp "$tmp/doc.md" "$doc"
echo "performance.sh: $doc updated" >&2
