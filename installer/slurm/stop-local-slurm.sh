#!/usr/bin/env bash
# Stops the sandbox started by start-local-slurm.sh DIR: cancels its jobs, then ends slurmd,
# slurmctld and munged by their pid files (SIGTERM, then SIGKILL after 10 s). Keeps DIR's files
# (logs) unless --delete is given.
# Usage: stop-local-slurm.sh DIR [--delete]
set -uo pipefail

if [ $# -lt 1 ] || [ ! -d "$1" ]; then echo "usage: stop-local-slurm.sh DIR [--delete]" >&2; exit 2; fi
DIR="$(cd "$1" && pwd)"
export SLURM_CONF="$DIR/slurm.conf"

stop_pid_files() { # $@ = pid files: SIGTERM to all at once, SIGKILL what is left after 10 s
  local pids=() pid f
  for f in "$@"; do
    [ -f "$f" ] || continue
    pid="$(cat "$f" 2>/dev/null)"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && pids+=("$pid")
  done
  [ ${#pids[@]} -eq 0 ] && return 0
  kill -TERM "${pids[@]}" 2>/dev/null
  for _ in $(seq 1 100); do
    local left=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && left=1; done
    [ "$left" -eq 0 ] && return 0
    sleep 0.1
  done
  kill -KILL "${pids[@]}" 2>/dev/null
  return 0
}

if [ -f "$DIR/slurmctld.pid" ] && kill -0 "$(cat "$DIR/slurmctld.pid")" 2>/dev/null; then
  ids=$(squeue -h -o %i 2>/dev/null | tr '\n' ' ')
  # shellcheck disable=SC2086
  [ -n "$ids" ] && scancel --quiet $ids 2>/dev/null
  for _ in $(seq 1 50); do
    [ -z "$(squeue -h -t PENDING,RUNNING,SUSPENDED,COMPLETING -o %i 2>/dev/null)" ] && break
    sleep 0.2
  done
fi
stop_pid_files "$DIR"/slurmd-*.pid
stop_pid_files "$DIR/slurmctld.pid"
stop_pid_files "$DIR/munge/munged.pid"
echo "[slurm] stopped the sandbox in $DIR"
if [ "${2:-}" = "--delete" ]; then rm -rf "$DIR"; fi
