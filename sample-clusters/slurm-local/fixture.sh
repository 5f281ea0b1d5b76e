#!/usr/bin/env bash
# Makes a replay fixture of one recorded run (run.sh's OUT): the files the replay reads, and of slurmctld's log only the
# lines SlurmctldLog reads (slurmctld-log.txt): the passes (sched: Running job scheduler, _attempt_backfill: beginning),
# the starts (sched: Allocate, _start_job: Started), the priority plugin's start and Fair Tree ticks, the submits
# (_slurm_rpc_submit_batch_job) and each job's first end line (_job_complete: JobId=…, Time limit exhausted for JobId=…).
# Usage: fixture.sh RUN_DIR FIXTURE_DIR [--no-site]   (--no-site: leave out slurm.conf, gres.conf and workload.tsv, when
# the fixture of the pair's other run has the same ones)
set -euo pipefail
RUN="$1"; DEST="$2"; SITE=1; [ "${3:-}" = --no-site ] && SITE=0
mkdir -p "$DEST"
cp "$RUN/sacct.txt" "$RUN/sacctmgr-dump.txt" "$RUN/sacctmgr-qos.txt" "$RUN/times.txt" "$DEST/"
[ "$SITE" = 1 ] && cp "$RUN/slurm.conf" "$RUN/gres.conf" "$RUN/workload.tsv" "$DEST/"
grep -E 'slurmctld version .* started|Priority MULTIFACTOR plugin loaded|_apply_priority_fs: PRIO:|Running job scheduler for|_attempt_backfill: beginning|sched: Allocate JobId=|_start_job: Started JobId=|_slurm_rpc_submit_batch_job: JobId=|_job_complete: JobId=|Time limit exhausted for JobId=' \
    "$RUN/slurmctld.log" |
  awk '{ if (match($0, /(_job_complete: |Time limit exhausted for )JobId=[^ (]+/)) { id = substr($0, RSTART, RLENGTH); sub(/.*JobId=/, "", id)
           if (id in ended) next; ended[id] = 1 }
         print }' > "$DEST/slurmctld-log.txt"
echo "[fixture] $DEST: $(wc -l < "$DEST/slurmctld-log.txt") log lines, $(( $(wc -l < "$DEST/sacct.txt") - 1 )) sacct rows"
