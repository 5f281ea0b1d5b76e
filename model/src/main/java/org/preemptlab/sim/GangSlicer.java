package org.preemptlab.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gang.ActiveFill;
import org.preemptlab.gang.GangSettings;
import org.preemptlab.gang.OverSubscribe;
import org.preemptlab.job.JobState;
import org.preemptlab.job.Placement;
import org.preemptlab.sched.Reason;
import org.preemptlab.time.SimTime;

/**
 * Slurm's gang scheduler (PreemptMode=GANG) for the pools that share cores: which of the jobs
 * allocated the same cores run in the current slice and which wait suspended, keeping their memory.
 *
 * <p>Each sharing pool keeps its jobs in a list, in the order they were allocated (Slurm's
 * per-partition gang job list). A job that joins (starts, or resumes after a preemption) runs if
 * its cores are free beside the active jobs, else it is suspended at once. Every
 * {@link GangSettings#timeSliceSeconds()} (on the grid 0, T, 2T, … of simulated time, like the
 * timeslicer thread that wakes every {@code SchedulerTimeSlice}), in each pool where a job waits,
 * the running jobs move to the end of the list and the active set is rebuilt from its head with
 * {@link ActiveFill}: the longest-waiting suspended job first. When a job leaves, waiting jobs
 * whose cores are now free resume at once. A job of a higher priority tier goes before every job
 * of a lower one: it suspends them instead of waiting for its turn (PreemptMode=SUSPEND,GANG), and
 * jobs time-slice only with jobs of their own tier. A job checkpointing or stopping stays active.
 *
 * <p>Only the engine calls it; the state changes go through {@link Engine}.
 */
final class GangSlicer {

    /** The transitions the slicer asks of the engine. */
    interface Engine {
        long now();

        /** RUNNING → SUSPENDED for the slice; its cores and memory stay allocated. */
        void sliceSuspend(JobRun r, Reason why, boolean preemption);

        /** SUSPENDED (by the slicer) → RUNNING on the same cores. */
        void sliceResume(JobRun r, Reason why);

        /**
         * True if a reservation keeps the suspended job from resuming now (its nodes are in one it
         * may not use over its remaining time limit): it stays suspended, whatever its turn.
         */
        boolean keptSuspended(JobRun r);

        /** A time-slice event at {@code time}. */
        void tickAt(long time);
    }

    private final GangSettings settings;
    private final Engine engine;
    private final NodeCluster cluster;
    private final int[] cores;
    private final boolean[] sharing;
    private final List<List<JobRun>> lists = new ArrayList<>();
    /** Tracked job → the placement it joined with (a new placement is a new allocation). */
    private final Map<JobRun, Placement> joinedWith = new HashMap<>();
    /** Jobs the slicer suspended (they hold their cores and memory), in suspension order. */
    private final Set<JobRun> sliced = new LinkedHashSet<>();
    private final int[] used;
    private long pendingTick = Long.MIN_VALUE;

    GangSlicer(NodeCluster cluster, GangSettings settings, Engine engine) {
        this.cluster = cluster;
        this.settings = settings;
        this.engine = engine;
        this.cores = new int[cluster.nodeCount()];
        this.used = new int[cores.length];
        this.sharing = new boolean[cluster.pools().size()];
        int node = 0;
        for (int p = 0; p < cluster.pools().size(); p++) {
            NodePool pool = cluster.pools().get(p);
            sharing[p] = settings.of(pool.name()).shares();
            lists.add(new ArrayList<>());
            for (int i = 0; i < pool.nodes(); i++) cores[node++] = pool.coresPerNode();
        }
    }

    /** True if the slicer suspended the job (it still holds its allocation). */
    boolean isSliced(JobRun r) {
        return sliced.contains(r);
    }

    /** A job the slicer suspended leaves its nodes (node failure, maintenance, a preemptor): forget it. */
    void evicted(JobRun r) {
        sliced.remove(r);
        drop(r);
    }

    /** Forgets the jobs that left their allocation since the last call, and resumes waiting jobs that now fit. */
    void settle() {
        boolean[] changed = new boolean[lists.size()];
        for (int p = 0; p < lists.size(); p++) {
            List<JobRun> list = lists.get(p);
            for (int i = list.size() - 1; i >= 0; i--) {
                JobRun r = list.get(i);
                if (holds(r)) continue;
                sliced.remove(r);
                joinedWith.remove(r);
                list.remove(i);
                changed[p] = true;
            }
        }
        boolean any = false;
        for (boolean c : changed) any |= c;
        if (!any) return;
        recountUsed();
        for (int p = 0; p < lists.size(); p++) if (changed[p] && waits(p)) rebuild(p, false, null);
    }

    /** A job started or resumed on its allocation: it runs if its cores are free, else it waits its turn. */
    void joined(JobRun r) {
        settle();
        Placement at = r.placement();
        if (at == null || at.pool() < 0 || !sharing[at.pool()]) return;
        lists.get(at.pool()).add(r);
        joinedWith.put(r, at);
        if (ActiveFill.fits(cores, used, at)) {
            for (int node : at.nodes()) used[node] += at.coresPerNode();
            return;
        }
        rebuild(at.pool(), false, r);
    }

    /** The timeslicer wakes: in each pool where a job waits, the next slice's jobs run. */
    void tick() {
        pendingTick = Long.MIN_VALUE;
        settle();
        for (int p = 0; p < lists.size(); p++) if (waits(p)) rebuild(p, true, null);
        scheduleTick();
    }

    // ------------------------------------------------------------------ internals

    /** Still on the allocation it joined with: running, checkpointing, stopping, or suspended by the slicer. */
    private boolean holds(JobRun r) {
        if (r.placement() != joinedWith.get(r)) return false;
        if (r.state() == JobState.SUSPENDED) return sliced.contains(r);
        return r.state().holdsCores();
    }

    private void drop(JobRun r) {
        Placement at = joinedWith.remove(r);
        if (at != null) lists.get(at.pool()).remove(r);
        recountUsed();
    }

    private boolean waits(int p) {
        for (JobRun r : lists.get(p)) if (sliced.contains(r)) return true;
        return false;
    }

    private void recountUsed() {
        java.util.Arrays.fill(used, 0);
        for (List<JobRun> list : lists) {
            for (JobRun r : list) {
                if (sliced.contains(r)) continue;
                Placement at = joinedWith.get(r);
                for (int node : at.nodes()) used[node] += at.coresPerNode();
            }
        }
    }

    /**
     * Chooses pool {@code p}'s active jobs again. At a time slice ({@code rotate}) the running jobs
     * first move to the end of the list; otherwise the active jobs keep their place before the
     * newcomer and the waiting ones. Jobs that cannot be suspended (checkpointing, stopping) go
     * first, then higher tiers before lower ones.
     */
    private void rebuild(int p, boolean rotate, JobRun newcomer) {
        List<JobRun> list = lists.get(p);
        List<JobRun> waiting = new ArrayList<>();
        List<JobRun> active = new ArrayList<>();
        for (JobRun r : list) {
            if (r == newcomer) continue;
            (sliced.contains(r) ? waiting : active).add(r);
        }
        List<JobRun> order = new ArrayList<>();
        if (rotate) {
            order.addAll(waiting);
            order.addAll(active);
            list.clear();
            list.addAll(order); // Slurm moves the running jobs to the end of the job list
        } else {
            order.addAll(active);
            if (newcomer != null) order.add(newcomer);
            order.addAll(waiting);
        }
        order.sort(Comparator.comparingInt((JobRun r) -> pinned(r) ? 0 : 1).thenComparingInt(r -> -r.tier()));
        List<Placement> placements = new ArrayList<>(order.size());
        List<Integer> at = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            JobRun r = order.get(i);
            if (sliced.contains(r) && engine.keptSuspended(r)) continue; // not its turn while a reservation holds its nodes
            placements.add(joinedWith.get(r));
            at.add(i);
        }
        boolean[] fill = ActiveFill.fill(cores, placements);
        boolean[] chosen = new boolean[order.size()];
        for (int k = 0; k < fill.length; k++) chosen[at.get(k)] = fill[k];

        List<JobRun> nowActive = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) if (chosen[i]) nowActive.add(order.get(i));
        long slice = settings.timeSliceSeconds();
        for (int i = 0; i < order.size(); i++) {
            JobRun r = order.get(i);
            if (chosen[i] || sliced.contains(r)) continue;
            JobRun by = firstSharing(r, nowActive);
            boolean preemption = by != null && by.tier() > r.tier();
            String other = by == null ? "another job" : Reason.job(by.name());
            String why;
            if (preemption) {
                why = other + " of a higher priority tier needs its cores: suspended until it ends (PreemptMode=SUSPEND,GANG)";
            } else if (r == newcomer) {
                why = "time slice: its cores are in use by " + other + " (OverSubscribe="
                        + settings.of(cluster.pools().get(p).name()).slurmText() + "); it waits for its turn";
            } else {
                why = "time slice: " + other + "'s turn (SchedulerTimeSlice=" + SimTime.duration(slice) + ")";
            }
            sliced.add(r);
            engine.sliceSuspend(r, Reason.of(why), preemption);
        }
        for (JobRun r : nowActive) {
            if (!sliced.contains(r)) continue;
            sliced.remove(r);
            engine.sliceResume(r, Reason.of(rotate ? "time slice: its turn (it had waited longest)"
                    : "gang: its cores are free again"));
        }
        recountUsed();
        scheduleTick();
    }

    private static boolean pinned(JobRun r) {
        return r.state() == JobState.CHECKPOINTING || r.state() == JobState.STOPPING;
    }

    /** The first active job that shares a node with {@code r}. */
    private JobRun firstSharing(JobRun r, List<JobRun> active) {
        Placement mine = joinedWith.get(r);
        for (JobRun a : active) {
            Placement theirs = joinedWith.get(a);
            for (int node : mine.nodes()) if (theirs.uses(node)) return a;
        }
        return null;
    }

    /** The next slice boundary after now, if a job waits and none is pending. */
    private void scheduleTick() {
        if (sliced.isEmpty() || pendingTick > engine.now()) return;
        long slice = settings.timeSliceSeconds();
        pendingTick = (Math.floorDiv(engine.now(), slice) + 1) * slice;
        engine.tickAt(pendingTick);
    }
}
