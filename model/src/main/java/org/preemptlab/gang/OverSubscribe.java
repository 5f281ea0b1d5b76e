package org.preemptlab.gang;

import java.util.Locale;

/**
 * A pool's Slurm {@code OverSubscribe} setting: with {@code FORCE:N} (or {@code YES:N}) up to
 * {@code jobs} jobs may be allocated the same cores, and the gang scheduler time-slices them.
 * {@code YES} shares in Slurm only the jobs submitted with {@code --oversubscribe}; the jobs of a
 * scenario carry no such flag, so here every job is taken to ask for it (YES behaves as FORCE).
 *
 * @param mode {@link Mode#NO}: no sharing (Slurm's default); {@code jobs} is then 1
 * @param jobs how many jobs may share a core (Slurm's max_share), 1 … {@value #MAX_JOBS}
 */
public record OverSubscribe(Mode mode, int jobs) {

    /** The most jobs a core may be shared by (Slurm caps max_share far higher; a teaching tool needs few). */
    public static final int MAX_JOBS = 64;
    /** Slurm's max_share when {@code FORCE} or {@code YES} is given without a count. */
    public static final int DEFAULT_JOBS = 4;
    public static final OverSubscribe NO = new OverSubscribe(Mode.NO, 1);

    public enum Mode {
        NO, YES, FORCE;

        /** The mode named (case-insensitive), or null. */
        public static Mode parse(String s) {
            if (s == null) return null;
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    public OverSubscribe {
        if (mode == null) throw new IllegalArgumentException("overSubscribe.mode: missing; must be NO, YES or FORCE");
        if (mode == Mode.NO && jobs != 1) {
            throw new IllegalArgumentException("overSubscribe.jobs: " + jobs + "; with mode NO no job shares its cores (give 1 or leave it out)");
        }
        if (jobs < 1 || jobs > MAX_JOBS) {
            throw new IllegalArgumentException("overSubscribe.jobs: " + jobs + "; must be ≥ 1 and ≤ " + MAX_JOBS);
        }
    }

    public static OverSubscribe force(int jobs) {
        return new OverSubscribe(Mode.FORCE, jobs);
    }

    /** True when more than one job may hold the same cores (time-sliced). */
    public boolean shares() {
        return jobs > 1;
    }

    /** As slurm.conf writes it: {@code FORCE:2}, {@code NO}. */
    public String slurmText() {
        return mode == Mode.NO ? "NO" : mode + ":" + jobs;
    }
}
