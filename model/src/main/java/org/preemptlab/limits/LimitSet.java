package org.preemptlab.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.preemptlab.tres.Tres;

/**
 * The limits one QOS or one association carries (Slurm's {@code resource_limits}). Every limit is
 * optional: {@link #UNSET} ({@code -1}, as sacctmgr writes it) for counts and times, an absent TRES
 * name for TRES limits.
 *
 * <p>Field names follow the QOS spelling; on an association {@code maxJobsPerUser} is
 * {@code MaxJobs} and {@code maxSubmitJobsPerUser} is {@code MaxSubmitJobs} (an association is one
 * user, so these are the same limits), and {@code maxTresPerUser} does not exist (validation of the
 * account tree refuses it).
 *
 * @param maxWallSeconds        {@code MaxWall} / {@code MaxWallDurationPerJob}: a job's time limit, s
 * @param maxTresPerJob         {@code MaxTRESPerJob} (MaxCPUsPerJob, MaxNodesPerJob, …)
 * @param maxTresPerUser        {@code MaxTRESPerUser}: TRES one user may hold running in this QOS
 * @param maxJobsPerUser        {@code MaxJobsPerUser} (QOS) / {@code MaxJobs} (association): running jobs
 * @param maxSubmitJobsPerUser  {@code MaxSubmitJobsPerUser} / {@code MaxSubmitJobs}: pending + running jobs
 * @param grpTres               {@code GrpTRES}: TRES held by all running jobs of the QOS / association subtree
 * @param grpJobs               {@code GrpJobs}: running jobs of the QOS / association subtree
 * @param grpSubmitJobs         {@code GrpSubmitJobs}: pending + running jobs of the QOS / subtree
 */
public record LimitSet(long maxWallSeconds, Tres maxTresPerJob, Tres maxTresPerUser, long maxJobsPerUser,
                       long maxSubmitJobsPerUser, Tres grpTres, long grpJobs, long grpSubmitJobs) {

    /** The value of a count or time limit that is not set. */
    public static final long UNSET = -1;

    /** No limits at all. */
    public static final LimitSet NONE = new LimitSet(UNSET, Tres.NONE, Tres.NONE, UNSET, UNSET, Tres.NONE, UNSET, UNSET);

    public LimitSet {
        Objects.requireNonNull(maxTresPerJob, "maxTresPerJob");
        Objects.requireNonNull(maxTresPerUser, "maxTresPerUser");
        Objects.requireNonNull(grpTres, "grpTres");
    }

    /** Whether nothing is set. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The problems of these limits, each as {@code path.field: value; rule}; empty when valid. */
    public List<String> problems(String path) {
        List<String> out = new ArrayList<>();
        unsetOrAtLeast(out, path + ".maxWall", maxWallSeconds, 1);
        unsetOrAtLeast(out, path + ".maxJobsPerUser", maxJobsPerUser, 0);
        unsetOrAtLeast(out, path + ".maxSubmitJobsPerUser", maxSubmitJobsPerUser, 0);
        unsetOrAtLeast(out, path + ".grpJobs", grpJobs, 0);
        unsetOrAtLeast(out, path + ".grpSubmitJobs", grpSubmitJobs, 0);
        return out;
    }

    private static void unsetOrAtLeast(List<String> out, String path, long value, long min) {
        if (value != UNSET && value < min) out.add(path + ": " + value + "; must be ≥ " + min + " (or -1 for no limit)");
    }

    public static Builder builder() {
        return new Builder(NONE);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public LimitSet withMaxWall(long seconds) {
        return toBuilder().maxWall(seconds).build();
    }

    public LimitSet withMaxTresPerJob(Tres t) {
        return toBuilder().maxTresPerJob(t).build();
    }

    public LimitSet withMaxTresPerUser(Tres t) {
        return toBuilder().maxTresPerUser(t).build();
    }

    public LimitSet withMaxJobsPerUser(long n) {
        return toBuilder().maxJobsPerUser(n).build();
    }

    public LimitSet withMaxSubmitJobsPerUser(long n) {
        return toBuilder().maxSubmitJobsPerUser(n).build();
    }

    public LimitSet withGrpTres(Tres t) {
        return toBuilder().grpTres(t).build();
    }

    public LimitSet withGrpJobs(long n) {
        return toBuilder().grpJobs(n).build();
    }

    public LimitSet withGrpSubmitJobs(long n) {
        return toBuilder().grpSubmitJobs(n).build();
    }

    /** Builds a {@link LimitSet}; every limit starts unset. */
    public static final class Builder {
        private long maxWall;
        private Tres maxTresPerJob;
        private Tres maxTresPerUser;
        private long maxJobsPerUser;
        private long maxSubmitJobsPerUser;
        private Tres grpTres;
        private long grpJobs;
        private long grpSubmitJobs;

        private Builder(LimitSet from) {
            maxWall = from.maxWallSeconds;
            maxTresPerJob = from.maxTresPerJob;
            maxTresPerUser = from.maxTresPerUser;
            maxJobsPerUser = from.maxJobsPerUser;
            maxSubmitJobsPerUser = from.maxSubmitJobsPerUser;
            grpTres = from.grpTres;
            grpJobs = from.grpJobs;
            grpSubmitJobs = from.grpSubmitJobs;
        }

        public Builder maxWall(long seconds) { maxWall = seconds; return this; }
        public Builder maxTresPerJob(Tres t) { maxTresPerJob = t; return this; }
        public Builder maxTresPerUser(Tres t) { maxTresPerUser = t; return this; }
        public Builder maxJobsPerUser(long n) { maxJobsPerUser = n; return this; }
        public Builder maxSubmitJobsPerUser(long n) { maxSubmitJobsPerUser = n; return this; }
        public Builder grpTres(Tres t) { grpTres = t; return this; }
        public Builder grpJobs(long n) { grpJobs = n; return this; }
        public Builder grpSubmitJobs(long n) { grpSubmitJobs = n; return this; }

        public LimitSet build() {
            return new LimitSet(maxWall, maxTresPerJob, maxTresPerUser, maxJobsPerUser, maxSubmitJobsPerUser,
                    grpTres, grpJobs, grpSubmitJobs);
        }
    }
}
