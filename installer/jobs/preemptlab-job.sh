#!/usr/bin/env bash
# preemptlab-job: PreemptLab's sample batch job. It "works" for WORK simulated seconds, scaled to
# real time (SCALE simulated seconds per real second), and follows the checkpoint contract that
# the live backends rely on:
#   - on start, it resumes from its state file if present (work already done is skipped);
#   - every tick it writes its progress to STATE.progress (plain overwrite, for watchers);
#   - on SIGUSR1 it writes its state atomically (tmp + mv) and keeps working;
#   - on SIGTERM it writes its state and exits 143;
#   - when the work is done it writes its final state and exits 0.
# Time held (SIGSTOP, or a frozen cgroup: the backends send SIGCONT after every hold) does not count
# as work: a tick during which SIGCONT arrived credits at most one tick length (a slow tick on a busy
# machine without SIGCONT is credited in full, up to ten ticks).
#
# A relaunch with --restart-cost C first spends C simulated seconds "reading its image" (no work).
#
# Usage: preemptlab-job.sh --work SECONDS [--scale S] [--state FILE] [--name NAME] [--tick SECONDS]
#                          [--restart-cost SECONDS]
#        preemptlab-job.sh SECONDS [SCALE [STATE [NAME]]]
# State file: key=value lines (name, total_us, done_us, checkpoints, reason, written_us).
set -u

work="" scale="1" state="" name="job" tick_max_us=100000 restart_cost=0
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --work) work="$2"; shift 2 ;;
    --scale) scale="$2"; shift 2 ;;
    --state) state="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    --restart-cost) restart_cost="$2"; shift 2 ;;
    --tick) tick_max_us=$(( $(awk -v t="$2" 'BEGIN{printf "%d", t*1000000}') )); shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) positional+=("$1"); shift ;;
  esac
done
[ ${#positional[@]} -ge 1 ] && [ -z "$work" ] && work="${positional[0]}"
[ ${#positional[@]} -ge 2 ] && scale="${positional[1]}"
[ ${#positional[@]} -ge 3 ] && [ -z "$state" ] && state="${positional[2]}"
[ ${#positional[@]} -ge 4 ] && name="${positional[3]}"
[ -z "$state" ] && state="./${name}.state"

case "$work" in ''|*[!0-9]*) echo "preemptlab-job: --work must be whole seconds ≥ 0, got '$work'" >&2; exit 2 ;; esac
case "$restart_cost" in ''|*[!0-9]*) echo "preemptlab-job: --restart-cost must be whole seconds ≥ 0, got '$restart_cost'" >&2; exit 2 ;; esac
case "$scale" in ''|*[!0-9.]*|*.*.*) echo "preemptlab-job: --scale must be a positive number, got '$scale'" >&2; exit 2 ;; esac

# scale in thousandths, without floating point: "60" -> 60000, "1.5" -> 1500, "0.25" -> 250
scale_int="${scale%%.*}"; scale_frac=""
case "$scale" in *.*) scale_frac="${scale#*.}" ;; esac
scale_frac="${scale_frac}000"; scale_frac="${scale_frac:0:3}"
scale_milli=$(( 10#${scale_int:-0} * 1000 + 10#$scale_frac ))
if [ "$scale_milli" -le 0 ]; then echo "preemptlab-job: --scale must be > 0, got '$scale'" >&2; exit 2; fi

now_us() { local t="${EPOCHREALTIME/[.,]/}"; echo "$t"; }

total_us=$(( work * 1000000 ))
done_us=0
checkpoints=0
if [ -f "$state" ]; then
  while IFS='=' read -r key value; do
    case "$key" in
      done_us) done_us=$(( 10#${value:-0} )) ;;
      checkpoints) checkpoints=$(( 10#${value:-0} )) ;;
    esac
  done < "$state"
  [ "$done_us" -gt "$total_us" ] && done_us=$total_us
  echo "preemptlab-job $name: resuming from $state at $(( done_us / 1000000 ))/$work s"
else
  echo "preemptlab-job $name: starting, $work s of work at scale $scale"
fi

write_state() { # $1 = reason
  local tmp="${state}.tmp.$$"
  printf 'name=%s\ntotal_us=%d\ndone_us=%d\ncheckpoints=%d\nreason=%s\nwritten_us=%s\n' \
    "$name" "$total_us" "$done_us" "$checkpoints" "$1" "${EPOCHREALTIME/[.,]/}" > "$tmp" && mv -f "$tmp" "$state"
}

on_usr1() {
  checkpoints=$(( checkpoints + 1 ))
  write_state checkpoint
  echo "preemptlab-job $name: checkpoint $checkpoints written at $(( done_us / 1000000 ))/$work s"
}
on_term() {
  checkpoints=$(( checkpoints + 1 ))
  write_state term
  echo "preemptlab-job $name: SIGTERM, state written at $(( done_us / 1000000 ))/$work s, exiting"
  exit 143
}
continued=0
trap on_usr1 USR1
trap on_term TERM
trap 'continued=1' CONT

if [ "$restart_cost" -gt 0 ]; then
  io_us=$(( restart_cost * 1000000 * 1000 / scale_milli ))
  printf -v io '%d.%06d' $(( io_us / 1000000 )) $(( io_us % 1000000 ))
  echo "preemptlab-job $name: reading its restart image ($restart_cost s)"
  sleep "$io"
fi

last=$(now_us)
while [ "$done_us" -lt "$total_us" ]; do
  remaining_real_us=$(( (total_us - done_us) * 1000 / scale_milli ))
  tick_us=$tick_max_us
  [ "$remaining_real_us" -lt "$tick_us" ] && tick_us=$remaining_real_us
  [ "$tick_us" -lt 1000 ] && tick_us=1000
  printf -v tick '%d.%06d' $(( tick_us / 1000000 )) $(( tick_us % 1000000 ))
  sleep "$tick"
  now=$(now_us)
  dt=$(( now - last ))
  last=$now
  if [ "$continued" -eq 1 ]; then
    continued=0
    [ "$dt" -gt "$tick_us" ] && dt=$tick_us                # stopped during this tick: not work
  fi
  [ "$dt" -gt $(( 10 * tick_us )) ] && dt=$(( 10 * tick_us ))
  [ "$dt" -lt 0 ] && dt=0
  done_us=$(( done_us + dt * scale_milli / 1000 ))
  [ "$done_us" -gt "$total_us" ] && done_us=$total_us
  printf 'done_us=%d\ntotal_us=%d\n' "$done_us" "$total_us" > "${state}.progress"
done

write_state done
echo "preemptlab-job $name: done, $work s of work"
exit 0
