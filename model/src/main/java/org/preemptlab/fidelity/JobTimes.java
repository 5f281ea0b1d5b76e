package org.preemptlab.fidelity;

/**
 * One job in one schedule: when it was submitted and started (seconds on the schedule's own clock),
 * its partition and account.
 */
public record JobTimes(long submit, long start, String partition, String account) {

    public JobTimes {
        if (start < submit) throw new IllegalArgumentException("start " + start + " before submit " + submit);
        partition = partition == null ? "" : partition;
        account = account == null ? "" : account;
    }

    public long waitSeconds() {
        return start - submit;
    }
}
