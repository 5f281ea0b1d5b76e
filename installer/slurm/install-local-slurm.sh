#!/usr/bin/env bash
# Installs what the local Slurm sandbox needs (Debian/Ubuntu): slurmctld slurmd slurm-client munge.
# Idempotent and non-interactive: does nothing when everything is there already.
# Needs root (or passwordless sudo) only when something must be installed.
set -euo pipefail

need=()
command -v slurmctld >/dev/null 2>&1 || need+=(slurmctld)
command -v slurmd    >/dev/null 2>&1 || need+=(slurmd)
command -v sinfo     >/dev/null 2>&1 || need+=(slurm-client)
command -v munged    >/dev/null 2>&1 || need+=(munge)

if [ ${#need[@]} -eq 0 ]; then
  echo "[slurm] already installed: $(slurmctld -V 2>/dev/null || echo slurm), $(munged --version 2>&1 | head -1)"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "[slurm] missing ${need[*]} and apt-get is not available: install Slurm (slurmctld, slurmd, client) and munge by hand" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "[slurm] missing ${need[*]}; run this script as root (or with passwordless sudo)" >&2
    exit 1
  fi
fi

echo "[slurm] installing ${need[*]} ..."
export DEBIAN_FRONTEND=noninteractive
# policy-rc.d: never let the packages start daemons (there may be no systemd; we start them by hand)
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod +x "$policy"
  created_policy=1
fi
trap '[ "$created_policy" = 1 ] && $SUDO rm -f "$policy"' EXIT
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "[slurm] installed: $(slurmctld -V 2>/dev/null), $(munged --version 2>&1 | head -1)"
