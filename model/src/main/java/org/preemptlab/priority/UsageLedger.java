package org.preemptlab.priority;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;
import org.preemptlab.accounting.AccountingPolicy;
import org.preemptlab.accounting.JobRequest;
import org.preemptlab.qos.Qos;

/**
 * The decayed usage fair-share reads, kept the way Slurm's decay thread keeps it.
 *
 * <p>Every {@code PriorityCalcPeriod} (ticks at {@code start + k·period}) the ledger
 * <ol>
 *   <li>clears all usage if a {@code PriorityUsageResetPeriod} boundary has passed;</li>
 *   <li>multiplies all usage by d^Δ, d = 1 − 0.693/half-life per second, Δ = time since the last tick;</li>
 *   <li>charges every running job for the part of [last tick, now] it ran: Δ<sub>job</sub> ·
 *       d^Δ<sub>job</sub> · rate, where rate = billable TRES × QOS {@code UsageFactor};</li>
 * </ol>
 * and a job that stops between ticks is charged the same way for its part since the last tick
 * (Slurm's {@code priority_p_job_end}). Usage is added to the job's association and every account
 * above it up to root.
 *
 * <p>The engine calls {@link #advanceTo} before acting at a time, then {@link #start} /
 * {@link #stop} for every running segment (start, end, preemption, suspension, resumption).
 * Mutable; deterministic.
 */
public final class UsageLedger implements UsageView {

    /** A running segment: its association's index (see {@link #index}), its rate, its start. */
    private record Segment(int assoc, double rate, long start) {}

    private final AccountTree tree;
    private final PriorityConfig config;
    private final long epochOfZero;
    /**
     * The usage by association index, and whether an association has any (as the map it replaces: an association
     * never charged reads 0.0, and its first charge is stored as it is, not added to 0.0). Indexed and unboxed: every
     * tick charges every running job up its chain (measured, docs/performance.md "JIT and engine").
     */
    private final Map<AssocKey, Integer> index = new HashMap<>();
    private int[][] chains = new int[8][];
    private double[] raw = new double[8];
    private boolean[] has = new boolean[8];
    private int assocs;
    private final Map<Long, Segment> running = new TreeMap<>();
    private long lastRan;
    private long nextReset;

    /**
     * @param start       simulation time the ledger starts at (its first tick is one period later)
     * @param epochOfZero the epoch second simulation time 0 stands for (calendar reset periods)
     */
    public UsageLedger(AccountTree tree, PriorityConfig config, long start, long epochOfZero) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.config = Objects.requireNonNull(config, "config");
        this.epochOfZero = epochOfZero;
        this.lastRan = start;
        this.nextReset = config.resetPeriod().nextAfter(epochOfZero + start) - epochOfZero;
    }

    public UsageLedger(AccountTree tree, PriorityConfig config, long start) {
        this(tree, config, start, 0);
    }

    /** The usage charge per second of a job: its billable TRES × its QOS's UsageFactor. */
    public static double rate(AccountingPolicy policy, JobRequest job) {
        String qn = policy.resolveQos(job);
        Qos q = qn == null ? null : policy.qosTable().get(qn);
        double factor = q == null ? 1.0 : q.usageFactor();
        return policy.billable(job) * factor;
    }

    /** The time of the last calc tick (or the start). */
    public long lastTick() {
        return lastRan;
    }

    /** The next calc tick after the last one. */
    public long nextTick() {
        return lastRan + config.calcPeriodSeconds();
    }

    /**
     * Runs every calc tick up to and including {@code now}; returns their times (the engine
     * recalculates fair-share and priorities after them).
     */
    public List<Long> advanceTo(long now) {
        List<Long> ticks = new ArrayList<>();
        for (long t = nextTick(); t <= now; t = nextTick()) {
            tick(t);
            ticks.add(t);
        }
        return ticks;
    }

    private void tick(long t) {
        if (t >= nextReset) {
            java.util.Arrays.fill(raw, 0, assocs, 0.0);
            java.util.Arrays.fill(has, 0, assocs, false);
            nextReset = config.resetPeriod().nextAfter(epochOfZero + nextReset) - epochOfZero;
        }
        double d = Math.pow(config.decayPerSecond(), t - lastRan);
        if (d != 1) {
            for (int a = 0; a < assocs; a++) if (has[a]) raw[a] *= d;
        }
        // a segment running since the last tick is charged for the whole period: its decay is d (the same power)
        long period = t - lastRan;
        for (Segment s : running.values()) {
            long from = Math.max(lastRan, s.start);
            long delta = t - from;
            if (delta <= 0) continue;
            add(s.assoc, delta * (delta == period ? d : Math.pow(config.decayPerSecond(), delta)) * s.rate);
        }
        lastRan = t;
    }

    /** The index of an association of the tree (its chain to root kept), given on first use. */
    private int index(AssocKey assoc) {
        Integer known = index.get(assoc);
        if (known != null) return known;
        if (!tree.contains(assoc)) throw new IllegalArgumentException("no association " + assoc);
        List<AssocKey> chain = tree.chain(assoc);
        int[] ids = new int[chain.size()];
        for (int k = 0; k < ids.length; k++) ids[k] = k == 0 ? newIndex(assoc) : index(chain.get(k));
        chains[ids[0]] = ids;
        return ids[0];
    }

    private int newIndex(AssocKey assoc) {
        int i = assocs++;
        if (i == raw.length) {
            raw = java.util.Arrays.copyOf(raw, 2 * i);
            has = java.util.Arrays.copyOf(has, 2 * i);
            chains = java.util.Arrays.copyOf(chains, 2 * i);
        }
        index.put(assoc, i);
        return i;
    }

    /** Adds {@code amount} to the association at index {@code a} and every one above it, in the chain's order. */
    private void add(int a, double amount) {
        for (int k : chains[a]) {
            if (has[k]) {
                raw[k] += amount;
            } else {
                raw[k] = amount;
                has[k] = true;
            }
        }
    }

    /** A job segment starts running at {@code at}, charging {@code rate} per second to {@code assoc}. */
    public void start(long jobId, AssocKey assoc, double rate, long at) {
        int a = index(assoc);
        if (!(rate >= 0) || Double.isInfinite(rate)) throw new IllegalArgumentException("rate " + rate + "; must be a number ≥ 0");
        if (running.containsKey(jobId)) throw new IllegalStateException("job " + jobId + " is already running");
        running.put(jobId, new Segment(a, rate, at));
    }

    /** The segment of {@code jobId} stops at {@code at} (end, preemption, suspension): its usage since the last tick is charged. */
    public void stop(long jobId, long at) {
        Segment s = running.remove(jobId);
        if (s == null) throw new IllegalStateException("job " + jobId + " is not running");
        chargeSince(s, at);
    }

    public boolean isRunning(long jobId) {
        return running.containsKey(jobId);
    }

    private void chargeSince(Segment s, long to) {
        long from = Math.max(lastRan, s.start);
        long delta = to - from;
        if (delta <= 0) return;
        add(s.assoc, delta * Math.pow(config.decayPerSecond(), delta) * s.rate);
    }

    /** Adds {@code amount} (TRES-seconds) to {@code assoc} and every account above it (e.g. usage from before the run). */
    public void charge(AssocKey assoc, double amount) {
        int a = index(assoc);
        if (!(amount >= 0)) throw new IllegalArgumentException("amount " + amount + "; must be ≥ 0");
        add(a, amount);
    }

    @Override
    public double raw(AssocKey key) {
        Integer a = index.get(key);
        return a == null || !has[a] ? 0.0 : raw[a];
    }
}
