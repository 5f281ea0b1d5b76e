#!/usr/bin/env bash
# CI step (called by .ci/run after the JDK 17 build): builds the app image and the .deb with
# installer/build.sh, runs the packaged app's --smoke-test under Xvfb, checks the .deb's GTK
# dependency, then (as root) installs the .deb, smoke-tests the installed launcher and removes it.
# Debian packages it needs (xvfb, xauth, libgtk-3-0, fakeroot) are installed when missing, as root;
# without root and without them the step is skipped with a message (exit 0).
# Exit status: non-zero when a build, a smoke test or a check fails.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
say() { echo "[ci-smoke] $*"; }

missing=()
command -v xvfb-run >/dev/null || missing+=(xvfb)
command -v xauth >/dev/null || missing+=(xauth)
command -v fakeroot >/dev/null || missing+=(fakeroot)
# Debian 13 ships GTK 3 as libgtk-3-0t64 (which provides libgtk-3-0): look for the library itself
/sbin/ldconfig -p 2>/dev/null | grep -q 'libgtk-3\.so\.0 ' || missing+=(libgtk-3-0)
if ((${#missing[@]})); then
  if [[ "$(id -u)" -ne 0 ]]; then
    say "SKIPPED: ${missing[*]} missing and not root to install them (apt-get install ${missing[*]})"
    exit 0
  fi
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
fi

bash installer/build.sh

image_launcher="installer/target/PreemptLab/bin/PreemptLab"
say "smoke test of the app image: xvfb-run -a $image_launcher --smoke-test"
xvfb-run -a "$image_launcher" --smoke-test

deb="$(ls installer/target/preemptlab_*.deb)"
depends="$(dpkg-deb -f "$deb" Depends)"
if ! grep -Eq '(^|, *)libgtk-3-0( |,|$)' <<<"$depends"; then
  echo "[ci-smoke] FAILED: $deb does not depend on libgtk-3-0; Depends: $depends" >&2
  exit 1
fi
say "$deb depends on libgtk-3-0 ($(du -h "$deb" | cut -f1))"

if [[ "$(id -u)" -ne 0 ]]; then
  say "SKIPPED: installing the .deb needs root"
  exit 0
fi
if dpkg-query -W -f='${Status}' preemptlab 2>/dev/null | grep -q 'install ok installed'; then
  say "SKIPPED: a preemptlab package is already installed here; not replacing it"
  exit 0
fi
say "installing $deb (apt-get pulls its dependencies, e.g. xdg-utils; dpkg does the install)"
trap 'dpkg -P preemptlab >/dev/null || true' EXIT
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$(readlink -f "$deb")"
[[ -f /usr/share/applications/preemptlab-PreemptLab.desktop ]] && say "menu entry: $(grep '^Exec=' /usr/share/applications/preemptlab-PreemptLab.desktop)"
JAVA_TOOL_OPTIONS="-Xshare:on" /opt/preemptlab/bin/PreemptLab --version >/dev/null 2>&1 \
  || { echo "[ci-smoke] FAILED: the installed launcher cannot map its class-data sharing archive (postinst)" >&2; exit 1; }
say "class-data sharing archive of the installed app: $(du -h /opt/preemptlab/lib/app/PreemptLab.jsa | cut -f1)"
JAVA_TOOL_OPTIONS="-Xshare:on" /opt/preemptlab/bin/preemptlab-cli simulate \
    --trace "$repo/sample-clusters/traces/KTH-SP2-1996-2.1-cln-first1000.swf.gz" >/dev/null 2>&1 \
  || { echo "[ci-smoke] FAILED: the installed one-shot launcher preemptlab-cli cannot run simulate with the archive mapped" >&2; exit 1; }
say "the installed one-shot launcher /opt/preemptlab/bin/preemptlab-cli ran simulate with the archive mapped"
h="$repo/model/src/test/resources/org/preemptlab/history/slurm-local/ci-log-fresh-run1"
out="$(mktemp -d)"
JAVA_TOOL_OPTIONS="-Xshare:on" /opt/preemptlab/bin/preemptlab-replay replay --slurm-conf "$h/slurm.conf" --gres-conf "$h/gres.conf" \
    --sacctmgr-dump "$h/sacctmgr-dump.txt" --sacctmgr-qos "$h/sacctmgr-qos.txt" --sacct "$h/sacct.txt" --out-csv "$out/jobs.csv" --report "$out/report.json" >/dev/null 2>&1 \
  || { echo "[ci-smoke] FAILED: the installed replay launcher preemptlab-replay cannot replay $h with the archive mapped" >&2; exit 1; }
grep -q '"jobs"' "$out/report.json" \
  || { echo "[ci-smoke] FAILED: the installed replay launcher wrote no report ($out/report.json)" >&2; exit 1; }
rm -rf "$out"
say "the installed replay launcher /opt/preemptlab/bin/preemptlab-replay replayed a real Slurm run's history"
say "smoke test of the installed app: xvfb-run -a /opt/preemptlab/bin/PreemptLab --smoke-test"
xvfb-run -a /opt/preemptlab/bin/PreemptLab --smoke-test
dpkg -P preemptlab   # remove and purge
trap - EXIT
if [[ -e /opt/preemptlab/bin/PreemptLab ]]; then
  echo "[ci-smoke] FAILED: dpkg -P left /opt/preemptlab/bin/PreemptLab behind" >&2
  exit 1
fi
say "installed, smoke-tested and removed the .deb"
