package org.preemptlab.accounting;

import java.util.Objects;
import org.preemptlab.tres.Tres;

/** A plain {@link JobRequest}. */
public record PendingJob(long jobId, String user, String account, String qos, String partition, Tres tres,
                         long timeLimitSeconds, long submitTime, long eligibleTime, long nice) implements JobRequest {

    public PendingJob {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(tres, "tres");
        if (timeLimitSeconds < 1) throw new IllegalArgumentException("timeLimitSeconds: " + timeLimitSeconds + "; must be ≥ 1");
    }

    /** A job of {@code user} in {@code account} asking for {@code tres} for {@code timeLimit} s, submitted at {@code submit}. */
    public static PendingJob of(long id, String user, String account, Tres tres, long timeLimit, long submit) {
        return new PendingJob(id, user, account, null, null, tres, timeLimit, submit, submit, 0);
    }

    public PendingJob withQos(String q) {
        return new PendingJob(jobId, user, account, q, partition, tres, timeLimitSeconds, submitTime, eligibleTime, nice);
    }

    public PendingJob withPartition(String p) {
        return new PendingJob(jobId, user, account, qos, p, tres, timeLimitSeconds, submitTime, eligibleTime, nice);
    }

    public PendingJob withTres(Tres t) {
        return new PendingJob(jobId, user, account, qos, partition, t, timeLimitSeconds, submitTime, eligibleTime, nice);
    }

    public PendingJob withTimeLimit(long s) {
        return new PendingJob(jobId, user, account, qos, partition, tres, s, submitTime, eligibleTime, nice);
    }

    public PendingJob withEligibleTime(long t) {
        return new PendingJob(jobId, user, account, qos, partition, tres, timeLimitSeconds, submitTime, t, nice);
    }

    public PendingJob withNice(long n) {
        return new PendingJob(jobId, user, account, qos, partition, tres, timeLimitSeconds, submitTime, eligibleTime, n);
    }
}
