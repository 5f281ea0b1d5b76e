package org.preemptlab.slurmsched;

import org.preemptlab.job.JobSpec;

/**
 * What Slurm's loop needs to know about a job beyond its {@link JobSpec}: its priority (higher
 * first), its user (for {@code bf_max_job_user}) and its partition (the main scheduler stops a
 * partition at its first blocked job; {@code bf_max_job_part}). Until the engine carries
 * multifactor priorities and partitions (issue 11) a replay supplies them from the history.
 */
public interface SlurmJobAttributes {

    long priority(JobSpec job);

    String user(JobSpec job);

    /** The partition's name; jobs of one partition run on the nodes of {@link JobSpec#pools()} (all nodes if empty). */
    String partition(JobSpec job);

    /** Every job priority 0 (queue order), the job's group as its user, its pools as its partition. */
    SlurmJobAttributes DEFAULT = new SlurmJobAttributes() {
        @Override
        public long priority(JobSpec job) {
            return 0;
        }

        @Override
        public String user(JobSpec job) {
            return job.group();
        }

        @Override
        public String partition(JobSpec job) {
            return String.join(",", job.pools());
        }
    };

    /**
     * A version-2 job's own request ({@link JobSpec#slurm()}): priority 0 for every job, so the loop
     * keeps the engine's queue order (partition PriorityTier, then multifactor priority, recomputed by
     * the engine every PriorityCalcPeriod); the user and first partition of its request (the default
     * partition's name {@code ""} when it names none); a version-1 job as {@link #DEFAULT}.
     */
    SlurmJobAttributes REQUESTED = new SlurmJobAttributes() {
        @Override
        public long priority(JobSpec job) {
            return 0;
        }

        @Override
        public String user(JobSpec job) {
            return job.slurm() == null ? job.group() : job.slurm().user();
        }

        @Override
        public String partition(JobSpec job) {
            if (job.slurm() == null) return DEFAULT.partition(job);
            return job.slurm().partitions().isEmpty() ? "" : job.slurm().partitions().get(0);
        }
    };
}
