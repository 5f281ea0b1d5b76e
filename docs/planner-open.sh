#!/usr/bin/env bash
# The planner with a 200k-job trace (issue 16): how long a user waits for the trace's Gantt.
# Two measurements per jar and round, each a real window under xvfb-run (the smoke test, which checks the
# finished run and then renders every page once before it exits; the page renders are not in the figures):
# - "in window": the window starts on its default scenario as usual; once that run is shown, the trace's
#   scenario is opened as File > Open does: seconds and process CPU seconds (all threads, JIT and GC
#   included) from that open to the first layout pulse that shows the trace's finished run;
# - "launch": the window started with the scenario file (`preemptlab FILE.json`): the first frame and the
#   finished run shown, in seconds after the JVM started, the process's CPU seconds at that moment, and the
#   whole process (wall, user + system CPU, peak resident memory).
# Rounds alternate the order of the jars, so a change of load hits both alike; on a shared machine compare
# the CPU figures and the ratios of one round, and read the load average printed with them.
#
# Usage: docs/planner-open.sh [ROUNDS] [LABEL=JAR[=JVM OPTIONS]]...
#   default: 3 rounds of app/target/preemptlab.jar ("this") with the window's options of ./preemptlab
#   (-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms1g -XX:+UseTransparentHugePages; no class-data sharing archive,
#   so that jars compare alike).
#   e.g. docs/planner-open.sh 3 "before=/tmp/before.jar=-XX:+UseSerialGC" after=app/target/preemptlab.jar
#   TRACE=FILE.swf[.gz] picks the trace (default ../shared/traces/HPC2N-2002-2.1-cln.swf.gz), POLICY the
#   scheduler (default easy).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
shift || true
default_opts="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms1g -XX:+UseTransparentHugePages"
sides=("$@")
((${#sides[@]})) || sides=("this=app/target/preemptlab.jar")
trace="$(realpath "${TRACE:-../shared/traces/HPC2N-2002-2.1-cln.swf.gz}")"
policy="${POLICY:-easy}"
[[ -f "$trace" ]] || { echo "planner-open.sh: no trace at $trace" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
scenario="$work/$(basename "$trace" | sed 's/\.swf.*//').json"
printf '{"formatVersion": 1, "name": "%s", "trace": {"path": "%s"}, "policy": {"scheduler": "%s"}}\n' \
  "$(basename "$trace")" "$trace" "$policy" > "$scenario"
x=()
[[ -n "${DISPLAY:-}" ]] || x=(xvfb-run -a)
one() { # $1 jar, $2 options, $3 window|launch -> "OPEN CPU" | "FIRST_FRAME SHOWN CPU_AT_SHOWN WALL CPU RSS_MB"
  local jar="$1" opts="$2" mode="$3" err="$work/err" tm="$work/time"
  local extra=()
  [[ "$mode" == window ]] && extra=(-Dpreemptlab.smoke.openInWindow=true)
  # shellcheck disable=SC2086 # options are a list of words
  if ! /usr/bin/time -o "$tm" -f "%e %U %S %M" "${x[@]}" java $opts -Dprism.order=sw -Dpreemptlab.smoke.timeout=900 \
      "${extra[@]}" -jar "$jar" "$scenario" --smoke-test >/dev/null 2>"$err"; then
    echo "planner-open.sh: the smoke test of $jar failed: $(grep -m1 'FAILED' "$err" || tail -1 "$err")" >&2
    if [[ "$mode" == window ]]; then echo "- -"; else echo "- - - - - -"; fi
    return
  fi
  local line wall user sys rss
  line="$(grep 'preemptlab smoke test: first frame' "$err")"
  read -r wall user sys rss < "$tm"
  if [[ "$mode" == window ]]; then
    sed -E 's/.*run shown ([0-9.]+) s after the open, ([0-9.NaN]+) s CPU.*/\1 \2/' <<< "$line"
  else
    echo "$(sed -E 's/.*first frame ([0-9.]+) s .*finished run shown ([0-9.]+) s after it \(([0-9.NaN]+) s CPU\).*/\1 \2 \3/' \
      <<< "$line") $wall $(echo "$user + $sys" | bc) $((rss / 1024))"
  fi
}
echo "Trace $(basename "$trace") ($policy) on $(nproc) cores; $(java -version 2>&1 | head -1)"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| round | jar | in window: open → run shown (s) | its CPU (s) | launch: first frame / run shown (s after JVM start) | CPU at run shown (s) | process wall / CPU (s) | peak resident (MB) |"
echo "|---|---|---|---|---|---|---|---|"
declare -A cpu_window cpu_launch
for r in $(seq 1 "$rounds"); do
  order=("${sides[@]}")
  if (( r % 2 == 0 )); then # reversed in even rounds
    order=(); for ((i=${#sides[@]}-1; i>=0; i--)); do order+=("${sides[i]}"); done
  fi
  for side in "${order[@]}"; do
    label="${side%%=*}"; rest="${side#*=}"
    jar="${rest%%=*}"; opts="$default_opts"
    [[ "$rest" == *=* ]] && opts="${rest#*=}"
    read -r wo wc <<< "$(one "$jar" "$opts" window)"
    read -r lf ls lc lw lcpu lm <<< "$(one "$jar" "$opts" launch)"
    echo "| $r | $label | $wo | $wc | $lf / $ls | $lc | $lw / $lcpu | $lm |"
    cpu_window[$label]+="$wc "
    cpu_launch[$label]+="$lc "
  done
done
echo
median() { tr ' ' '\n' <<< "$1" | grep -E '^[0-9.]+$' | sort -n \
  | awk '{a[NR]=$1} END {if (NR) print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2); else print "-"}'; }
for side in "${sides[@]}"; do
  label="${side%%=*}"
  echo "Median CPU, $label: $(median "${cpu_window[$label]}") s from the open to the run shown in a running window;" \
    "$(median "${cpu_launch[$label]}") s from the launch to the run shown"
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
