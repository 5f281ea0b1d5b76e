#!/usr/bin/env bash
# Installs what the accounting sandbox needs (Debian/Ubuntu, as root): the base sandbox's packages
# (installer/slurm/install-local-slurm.sh: slurmctld slurmd slurm-client munge) plus slurmdbd,
# the MySQL accounting plugin, the basic plugins and mariadb-server. Idempotent; never starts a
# daemon (policy-rc.d), since start.sh runs every daemon by hand under its own directory.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$HERE/../../installer/slurm/install-local-slurm.sh"

need=()
command -v slurmdbd >/dev/null 2>&1 || need+=(slurmdbd)
command -v mariadbd >/dev/null 2>&1 || need+=(mariadb-server)
ls /usr/lib/*/slurm-wlm/accounting_storage_mysql.so >/dev/null 2>&1 || need+=(slurm-wlm-mysql-plugin)
ls /usr/lib/*/slurm-wlm/priority_multifactor.so >/dev/null 2>&1 || need+=(slurm-wlm-basic-plugins)
if [ ${#need[@]} -eq 0 ]; then
  echo "[slurm-local] already installed: $(slurmdbd -V 2>/dev/null), $(mariadbd --version 2>/dev/null | cut -c1-60)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then echo "[slurm-local] missing ${need[*]}; run as root" >&2; exit 1; fi
export DEBIAN_FRONTEND=noninteractive
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; created_policy=1; fi
trap '[ "$created_policy" = 1 ] && rm -f "$policy"' EXIT
echo "[slurm-local] installing ${need[*]} ..."
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "[slurm-local] installed: $(slurmdbd -V 2>/dev/null)"
