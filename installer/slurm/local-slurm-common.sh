# Sourced by the local Slurm sandboxes' start scripts (installer/slurm/start-local-slurm.sh and
# sample-clusters/slurm-local/start.sh): what both do the same way. Every file lives under the
# sandbox's DIR; TAG is the script's prefix on what it prints ([slurm], [slurm-local]).

# need_commands TAG HINT CMD...: exits 1 naming the first CMD not on PATH ("run HINT first").
need_commands() {
  local tag="$1" hint="$2" cmd
  shift 2
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null 2>&1 || { echo "$tag $cmd not found: run $hint first" >&2; exit 1; }
  done
}

# alive PIDFILE: whether the process of the pid file runs.
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# start_munge DIR: munged with its own key (made once), socket, pid, log and seed under DIR/munge.
start_munge() {
  local m="$1/munge"
  if [ ! -s "$m/munge.key" ]; then
    if command -v mungekey >/dev/null 2>&1; then
      mungekey --create --keyfile="$m/munge.key" --force >/dev/null
    else
      dd if=/dev/urandom of="$m/munge.key" bs=1024 count=1 status=none
    fi
  fi
  chmod 0400 "$m/munge.key"
  if ! alive "$m/munged.pid"; then
    munged --force --socket="$m/munge.sock" --key-file="$m/munge.key" \
      --pid-file="$m/munged.pid" --log-file="$m/munged.log" --seed-file="$m/munged.seed"
  fi
}

# conf_daemons DIR CTLD_PORT: the slurm.conf lines that put slurmctld on 127.0.0.1:CTLD_PORT as root,
# with munge's socket and every state, spool, pid and log file under DIR.
conf_daemons() {
  cat <<CONF
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$2
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$1/munge/munge.sock
CredType=cred/munge
StateSaveLocation=$1/state
SlurmdSpoolDir=$1/spool/%n
SlurmctldPidFile=$1/slurmctld.pid
SlurmdPidFile=$1/slurmd-%n.pid
SlurmctldLogFile=$1/log/slurmctld.log
SlurmdLogFile=$1/log/slurmd-%n.log
CONF
}

# conf_timers MIN_JOB_AGE: the sandboxes' slurm.conf lines for node return, mail and the daemons' timers.
conf_timers() {
  cat <<CONF
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
KillWait=5
MinJobAge=$1
SlurmdTimeout=60
InactiveLimit=0
CONF
}

# wait_idle TAG DIR NODES SECONDS PAUSE [SINFO_ARG...]: polls every PAUSE s until NODES nodes are
# idle; after SECONDS s exits 1 with sinfo [SINFO_ARG...] on stderr.
wait_idle() {
  local tag="$1" dir="$2" nodes="$3" seconds="$4" pause="$5" idle deadline
  shift 5
  deadline=$(( $(date +%s) + seconds ))
  while :; do
    idle=$(sinfo -h -N -t idle -o '%N' 2>/dev/null | sort -u | grep -c . || true)
    [ "$idle" -ge "$nodes" ] && break
    if [ "$(date +%s)" -gt "$deadline" ]; then
      echo "$tag only $idle of $nodes nodes idle after $seconds s; see $dir/log/" >&2
      sinfo "$@" >&2 || true
      exit 1
    fi
    sleep "$pause"
  done
}
