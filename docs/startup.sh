#!/usr/bin/env bash
# Time to the first usable window (issue 13): alternating rounds of the planner window's smoke test
# (`./preemptlab --smoke-test`: the default scenario, as a user's start), without the window's
# class-data sharing archive ("cold": as the first start after an install or a build; PREEMPTLAB_NO_CDS=1)
# and with it ("warm": every later start). The smoke test prints on stderr when the window's first
# frame was laid out, counted from the JVM's start. Prints a markdown table with the machine's load.
# Usage: docs/startup.sh [ROUNDS]   (needs xvfb-run without a display; the jar is built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
jar=app/target/preemptlab.jar
[[ -f "$jar" ]] || ./mvnw -B -q -o -pl model,app -DskipTests package
# under heavy load the smoke test needs more than its default 120 s
export PREEMPTLAB_JAVA_OPTIONS="-Dpreemptlab.smoke.timeout=900 ${PREEMPTLAB_JAVA_OPTIONS:-}"
x=()
[[ -n "${DISPLAY:-}" ]] || x=(xvfb-run -a)
jsa=app/target/preemptlab-gui.jsa
if [[ ! -f "$jsa" || "$jsa" -ot "$jar" ]]; then
  # the first window run lists its classes and dumps the archive in the background: wait for it
  "${x[@]}" ./preemptlab --smoke-test >/dev/null 2>&1 || true
  for _ in $(seq 1 120); do [[ -f "$jsa" && "$jsa" -nt "$jar" ]] && break; sleep 1; done
fi
[[ -f "$jsa" ]] || { echo "startup.sh: no window archive at $jsa" >&2; exit 1; }
one() { # $1: cold|warm -> "first_frame shown wall cpu"
  local err; err="$(mktemp)"
  local t0 t1 c0 c1 me=$BASHPID
  t0=$(date +%s.%N)
  c0=$(awk '{print $16+$17}' /proc/$me/stat) # this shell's reaped children (ticks)
  if [[ "$1" == cold ]]; then PREEMPTLAB_NO_CDS=1 "${x[@]}" ./preemptlab --smoke-test >/dev/null 2>"$err"
  else "${x[@]}" ./preemptlab --smoke-test >/dev/null 2>"$err"; fi
  t1=$(date +%s.%N)
  c1=$(awk '{print $16+$17}' /proc/$me/stat)
  local line; line=$(grep -o 'first frame [0-9.]* s after the JVM started, finished run shown [0-9.]* s' "$err" || echo "- - - -")
  rm -f "$err"
  echo "$line" | awk -v w="$(echo "$t1 - $t0" | bc)" -v c="$(echo "($c1 - $c0) / $(getconf CLK_TCK)" | bc -l)" \
    '{printf "%s | %s | %.1f | %.1f\n", $3, $12, w, c}'
}
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $(java -version 2>&1 | head -1)"
echo
echo "| round | start | first frame (s after JVM start) | finished run shown (s) | wall of the process (s) | CPU, user + sys (s) |"
echo "|---|---|---|---|---|---|"
for r in $(seq 1 "$rounds"); do
  # alternate which goes first, so that a change of load hits both alike
  if (( r % 2 )); then order=(cold warm); else order=(warm cold); fi
  for k in "${order[@]}"; do echo "| $r | $k | $(one "$k") |"; done
done
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
