package org.preemptlab.accounting;

import org.preemptlab.account.AssocKey;
import org.preemptlab.tres.Tres;

/**
 * A read-only view of what one job asks for, as the accounting policy and the priority plugin see
 * it. The engine implements it over its own job state; {@link PendingJob} is a plain record.
 */
public interface JobRequest {

    long jobId();

    String user();

    String account();

    /** The QOS asked for ({@code --qos}); null to use the association's default QOS. */
    String qos();

    /** The partition it is considered for. */
    String partition();

    /** Everything it asks for, in total over its nodes: {@code cpu}, {@code mem} (MB), {@code node}, {@code gres/…}. */
    Tres tres();

    /** Its time limit ({@code --time}), s. */
    long timeLimitSeconds();

    long submitTime();

    /** When it became eligible to run (begin time, dependencies met); the age factor counts from here. */
    default long eligibleTime() {
        return submitTime();
    }

    /** {@code --nice}: subtracted from the priority (negative only for administrators). */
    default long nice() {
        return 0;
    }

    /** Its user association. */
    default AssocKey association() {
        return AssocKey.user(user(), account());
    }

    /** CPUs asked for. */
    default long cpus() {
        return tres().get(Tres.CPU);
    }

    /** Nodes asked for (at least 1). */
    default long nodes() {
        return Math.max(1, tres().get(Tres.NODE));
    }
}
