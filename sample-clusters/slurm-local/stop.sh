#!/usr/bin/env bash
# Stops everything start.sh DIR started, by pid file: cancels the jobs, ends the slurmd, slurmctld
# and munged (installer/slurm/stop-local-slurm.sh), then slurmdbd and MariaDB (SIGTERM, SIGKILL
# after 20 s), and checks that none of them is left. Keeps DIR (logs) unless --delete;
# --delete-users also removes the sandbox's Unix users (site.conf.sh).
# Usage: stop.sh DIR [--delete] [--delete-users]
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ $# -lt 1 ] || [ ! -d "$1" ]; then echo "usage: stop.sh DIR [--delete] [--delete-users]" >&2; exit 2; fi
DIR="$(cd "$1" && pwd)"; shift
delete=0; delete_users=0
for a in "$@"; do case "$a" in --delete) delete=1 ;; --delete-users) delete_users=1 ;; *) echo "unknown option $a" >&2; exit 2 ;; esac; done
. "$HERE/site.conf.sh"

"$HERE/../../installer/slurm/stop-local-slurm.sh" "$DIR" >/dev/null
stop_pid() { # $1 pid file
  [ -f "$1" ] || return 0
  local pid; pid="$(cat "$1" 2>/dev/null)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null; sleep 0.2
}
stop_pid "$DIR/slurmdbd.pid"
stop_pid "$DIR/mysql/mariadbd.pid"

left=()
for f in "$DIR"/slurmd-*.pid "$DIR/slurmctld.pid" "$DIR/munge/munged.pid" "$DIR/slurmdbd.pid" "$DIR/mysql/mariadbd.pid"; do
  [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && left+=("$f:$(cat "$f")")
done
if [ ${#left[@]} -gt 0 ]; then echo "[slurm-local] still running: ${left[*]}" >&2; exit 1; fi
echo "[slurm-local] stopped everything started in $DIR"
if [ "$delete_users" = 1 ]; then for u in "${USERS[@]}"; do id -u "$u" >/dev/null 2>&1 && userdel "$u"; done; fi
if [ "$delete" = 1 ]; then rm -rf "$DIR"; fi
exit 0
