package org.preemptlab.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.fidelity.JobTimes;
import org.preemptlab.fidelity.StartComparison;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctJob;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sim.SimulationResult;
import org.preemptlab.slurmsched.SlurmSchedulerConfig;
import org.preemptlab.slurmsched.SlurmSchedulerPolicy;

/**
 * What both replays do with the sacct rows around making each one a job: the rows in queue order
 * (max(Submit, Eligible), then file line), the jobs that fit on the empty cluster with the row each
 * came from and the times it really had, and, after the run, the comparison of the real starts with
 * the replayed ones.
 */
final class ReplayJobs {

    private final long origin;
    private final ToLongFunction<SacctJob> queuedAt;
    private final Capacity empty;
    private final List<SacctJob> rows;
    private final List<JobSpec> specs;
    private final Map<Integer, SacctJob> byId = new HashMap<>();
    private final Map<String, JobTimes> actual = new LinkedHashMap<>();
    private int unfit;

    ReplayJobs(SacctHistory history, NodeCluster cluster) {
        this(history, cluster, HistoryReplay::queuedAt);
    }

    /** As above, with each row entering the queue at {@code queuedAt} (epoch seconds) instead of max(Submit, Eligible). */
    ReplayJobs(SacctHistory history, NodeCluster cluster, ToLongFunction<SacctJob> queuedAt) {
        origin = history.origin();
        this.queuedAt = queuedAt;
        empty = Capacity.of(cluster);
        rows = new ArrayList<>(history.replayed());
        rows.sort(Comparator.comparingLong(queuedAt).thenComparingInt(SacctJob::line));
        specs = new ArrayList<>(rows.size());
    }

    /** The rows to replay, in queue order. */
    List<SacctJob> rows() {
        return rows;
    }

    /** The id of the next job {@link #add}ed. */
    int nextId() {
        return specs.size() + 1;
    }

    /** When {@code row} entered the queue, in seconds from the history's origin. */
    long queued(SacctJob row) {
        return queuedAt.applyAsLong(row) - origin;
    }

    /** Adds the job made of {@code row}; a job that fits nowhere on the empty cluster is left out (counted in {@link #unfit}). */
    void add(JobSpec spec, SacctJob row) {
        if (empty.place(spec) == null) {
            unfit++;
            return;
        }
        specs.add(spec);
        byId.put(spec.id(), row);
        actual.put(row.id().text(), new JobTimes(row.submit() - origin, row.start() - origin, row.partition(), row.account()));
    }

    /** How many rows were left out for fitting nowhere. */
    int unfit() {
        return unfit;
    }

    List<JobSpec> specs() {
        return specs;
    }

    /** The sacct row {@code job} was made of. */
    SacctJob row(JobSpec job) {
        return byId.get(job.id());
    }

    /**
     * The replay's result from the run {@code r}: each job's replayed start (never before its submit)
     * against its real one; jobs that never started in the run are left out of the comparison, with a
     * warning.
     */
    HistoryReplay.Result result(SimulationResult r, SlurmSchedulerConfig sched, SlurmSchedulerPolicy policy, SacctHistory history,
            Long toleranceSeconds, List<String> warnings, long wallStartNanos) {
        Map<String, JobTimes> predicted = new LinkedHashMap<>();
        int neverStarted = 0;
        for (var jr : r.jobs()) {
            SacctJob j = row(jr.spec());
            if (jr.firstStart() < 0) {
                neverStarted++;
                actual.remove(j.id().text());
                continue;
            }
            predicted.put(j.id().text(), new JobTimes(j.submit() - origin, Math.max(j.submit() - origin, jr.firstStart()),
                    j.partition(), j.account()));
        }
        if (neverStarted > 0) warnings.add(neverStarted + " jobs never started in the replay (a limit held them): left out of the comparison");
        long tolerance = toleranceSeconds != null ? toleranceSeconds : StartComparison.defaultTolerance(sched.bfIntervalSeconds());
        StartComparison c = StartComparison.compare(actual, predicted, tolerance);
        return new HistoryReplay.Result(c, List.copyOf(warnings), HistoryReplay.ruleCounts(history), specs.size(), sched,
                policy.backfillCycles(), (System.nanoTime() - wallStartNanos) / 1_000_000);
    }
}
