package org.preemptlab.sweep;

import org.preemptlab.job.JobSpec;

/**
 * What a sweep does to the users' run-time estimates.
 *
 * <p>Accuracy is Tsafrir's and Mu'alem &amp; Feitelson's ratio runtime / estimate, in (0, 1]. A
 * value α gives every job the same accuracy: {@code estimate = max(1, ⌈runtime / α⌉)}, so α = 1
 * means exact estimates and α = 0.25 estimates four times the run time. This is the deterministic
 * form of Mu'alem &amp; Feitelson's (2001) "f model" (estimate = runtime × f) with f = 1/α for
 * every job. {@link #ORIGINAL} keeps the estimates the input has (the trace's requested times,
 * cleaned by the SWF reader; the scenario's estimates).
 *
 * @param alpha    accuracy in (0, 1]; ignored when {@code original}
 * @param original keep the input's estimates
 */
public record EstimateAccuracy(double alpha, boolean original) {

    public static final EstimateAccuracy ORIGINAL = new EstimateAccuracy(1, true);

    public EstimateAccuracy {
        if (!original && !(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha is " + alpha + "; must be > 0 and ≤ 1");
        }
        if (original) alpha = 1;
    }

    public static EstimateAccuracy of(double alpha) {
        return new EstimateAccuracy(alpha, false);
    }

    /** The job with its estimate set by this accuracy. */
    public JobSpec apply(JobSpec job) {
        if (original) return job;
        long estimate = Math.max(1, (long) Math.ceil(job.runtime() / alpha));
        return job.withEstimate(estimate);
    }

    /** {@code original}, or α as written ({@code 0.5}). */
    public String label() {
        return original ? "original" : Numbers.plain(alpha);
    }
}
