package org.preemptlab.replay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.preemptlab.limits.PendingReason;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.ReasonHistory;
import org.preemptlab.sim.SimulationResult;

/**
 * Why a replay started each job when it did: the pending reasons (Slurm's spelling) the job waited
 * under between entering the queue and its predicted start, and for how long, read once after the
 * run from the engine's {@link ReasonHistory}. Keyed by sacct's JobID, as the comparison's rows.
 * Before the scheduler first looks at a job its reason is {@code None}, as in Slurm.
 */
public final class ReplayReasons {

    /** Time spent pending under one reason. */
    public record Stretch(PendingReason reason, long seconds) {}

    /**
     * One job: its predicted wait, the time under each reason (largest first, then in Slurm's order),
     * and the reason it had just before it started ({@code NONE} when it never waited).
     */
    public record Explanation(long waitSeconds, List<Stretch> stretches, PendingReason last) {}

    private static final Explanation UNKNOWN = new Explanation(0, List.of(), PendingReason.NONE);

    private final Map<String, Explanation> byKey;

    private ReplayReasons(Map<String, Explanation> byKey) {
        this.byKey = byKey;
    }

    /** No reasons (a run without a Slurm site). */
    public static ReplayReasons none() {
        return new ReplayReasons(Map.of());
    }

    /** The reasons of every job of {@code run} that started, keyed by its name (the replay's JobID). */
    public static ReplayReasons of(SimulationResult run) {
        if (run == null || run.slurm() == null || run.slurm().reasonHistory() == null) return none();
        ReasonHistory h = run.slurm().reasonHistory();
        Map<String, Explanation> out = new HashMap<>();
        for (JobRun jr : run.jobs()) {
            if (jr.firstStart() < 0) continue;
            out.put(jr.spec().name(), explain(h, jr.index(), jr.spec().submit(), jr.firstStart()));
        }
        return new ReplayReasons(Collections.unmodifiableMap(out));
    }

    static Explanation explain(ReasonHistory h, int job, long from, long to) {
        EnumMap<PendingReason, Long> time = new EnumMap<>(PendingReason.class);
        PendingReason last = PendingReason.NONE;
        int n = h.changes(job);
        long t = from;
        PendingReason current = PendingReason.NONE;
        for (int i = 0; i <= n && t < to; i++) {
            long next = i < n ? Math.min(to, h.changeTime(job, i)) : to;
            if (next > t) {
                time.merge(current, next - t, Long::sum);
                last = current;
                t = next;
            }
            if (i < n) current = h.changeReason(job, i);
        }
        List<Stretch> stretches = new ArrayList<>();
        time.forEach((r, s) -> stretches.add(new Stretch(r, s)));
        stretches.sort(Comparator.comparingLong((Stretch s) -> -s.seconds()).thenComparing(Stretch::reason));
        return new Explanation(Math.max(0, to - from), List.copyOf(stretches), to > from ? last : PendingReason.NONE);
    }

    /** The job's explanation; an empty one (no wait, no reasons) for a job the replay did not start. */
    public Explanation of(String key) {
        return byKey.getOrDefault(key, UNKNOWN);
    }

    public boolean has(String key) {
        return byKey.containsKey(key);
    }

    public int size() {
        return byKey.size();
    }
}
