package org.preemptlab.qos;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.preemptlab.limits.LimitSet;

/**
 * One QOS record, as {@code sacctmgr show qos} lists it.
 *
 * @param name              its name
 * @param priority          {@code Priority}: the raw QOS priority (normalised against the highest for the QOS factor), ≥ 0
 * @param preempt           {@code Preempt}: the QOS this one may preempt (directly; the relation is not made transitive, as in Slurm)
 * @param preemptMode       {@code PreemptMode} of jobs in this QOS when they are preempted
 * @param graceSeconds      {@code GraceTime}: seconds a preempted job is given (SIGTERM first) before it is cancelled or requeued
 * @param exemptSeconds     {@code PreemptExemptTime}: a job of this QOS is not preempted before it has run this long; -1 unset
 * @param usageFactor       {@code UsageFactor}: multiplies the usage charged for fair-share (≥ 0; 1 is normal)
 * @param limits            QOS limits; set ones take precedence over association limits
 */
public record Qos(String name, int priority, Set<String> preempt, PreemptMode preemptMode, long graceSeconds,
                  long exemptSeconds, double usageFactor, LimitSet limits) {

    public Qos {
        Objects.requireNonNull(name, "name");
        preempt = Set.copyOf(new TreeSet<>(Objects.requireNonNull(preempt, "preempt")));
        Objects.requireNonNull(preemptMode, "preemptMode");
        Objects.requireNonNull(limits, "limits");
    }

    /** A QOS with {@code priority} and nothing else set (Slurm's defaults: usage factor 1, no limits). */
    public static Qos of(String name, int priority) {
        return new Qos(name, priority, Set.of(), PreemptMode.CLUSTER, 0, -1, 1.0, LimitSet.NONE);
    }

    public Qos withName(String n) {
        return new Qos(n, priority, preempt, preemptMode, graceSeconds, exemptSeconds, usageFactor, limits);
    }

    public Qos withPriority(int p) {
        return new Qos(name, p, preempt, preemptMode, graceSeconds, exemptSeconds, usageFactor, limits);
    }

    public Qos withPreempt(Set<String> p) {
        return new Qos(name, priority, p, preemptMode, graceSeconds, exemptSeconds, usageFactor, limits);
    }

    public Qos withPreemptMode(PreemptMode m) {
        return new Qos(name, priority, preempt, m, graceSeconds, exemptSeconds, usageFactor, limits);
    }

    public Qos withGraceSeconds(long s) {
        return new Qos(name, priority, preempt, preemptMode, s, exemptSeconds, usageFactor, limits);
    }

    public Qos withExemptSeconds(long s) {
        return new Qos(name, priority, preempt, preemptMode, graceSeconds, s, usageFactor, limits);
    }

    public Qos withUsageFactor(double f) {
        return new Qos(name, priority, preempt, preemptMode, graceSeconds, exemptSeconds, f, limits);
    }

    public Qos withLimits(LimitSet l) {
        return new Qos(name, priority, preempt, preemptMode, graceSeconds, exemptSeconds, usageFactor, l);
    }

    /** Whether a running job of this QOS that started at {@code start} is still exempt from preemption at {@code now}. */
    public boolean exemptAt(long start, long now) {
        return exemptSeconds > 0 && now - start < exemptSeconds;
    }
}
