package org.preemptlab.app.gui.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;

/**
 * Everything the Gantt and the live metrics need from a recorded run, indexed once: bars per row
 * (sorted, laned, binary-searchable), lost-work overlays and outages per row, step series for the
 * queue, utilization and state counts, and the event log by time and by job.
 */
public final class GanttIndex {

    private final RunRecord run;
    private final List<PoolGroup> groups;
    private final RowBars[] rows;
    private final RowBars[] overlays;
    private final RowBars[] outages;
    private final StepSeries usefulCores;
    private final StepSeries busyCores;
    private final StepSeries queue;
    private final StepSeries runningJobs;
    private final StepSeries suspendedJobs;
    private final StepSeries checkpointingJobs;
    private final StepSeries endedJobs;
    private final StepSeries[] poolBusyCores;
    private final long[] logTimes;
    private final long[] eventTimes;
    private final int[] decisionEntries;
    private final int[][] logByJob;
    private final long totalCores;
    private final int barCount;

    /**
     * The most rows the Gantt draws (one per node, or per processor of a processor machine): it keeps
     * per-row bars. A larger machine is simulated by the CLI ({@code preemptlab simulate}), whose cost
     * does not grow with the machine size.
     */
    public static final int MAX_ROWS = 1_000_000;

    /** Why the Gantt cannot draw {@code cluster}, or null if it can. */
    public static String tooLarge(Cluster cluster) {
        if (cluster.nodeCount() <= MAX_ROWS) return null;
        return String.format(java.util.Locale.ROOT, "The machine has %,d rows (one per processor); the planner's Gantt draws at most %,d."
                + " Simulate it with the command line: preemptlab simulate --trace …", cluster.nodeCount(), MAX_ROWS);
    }

    public GanttIndex(RunRecord run) {
        this.run = run;
        Cluster cluster = run.cluster();
        String tooLarge = tooLarge(cluster);
        if (tooLarge != null) throw new IllegalArgumentException(tooLarge);
        this.groups = groupsOf(cluster);
        int n = cluster.nodeCount();
        int[] rowPool = new int[n];
        for (int g = 0; g < groups.size(); g++) {
            PoolGroup pg = groups.get(g);
            Arrays.fill(rowPool, pg.firstRow(), pg.firstRow() + pg.rowCount(), g);
        }
        this.totalCores = cluster.totalCores();
        this.rows = new RowBars[n];
        this.overlays = new RowBars[n];
        this.outages = new RowBars[n];
        for (int i = 0; i < n; i++) {
            rows[i] = new RowBars(8);
            overlays[i] = new RowBars(2);
            outages[i] = new RowBars(2);
        }
        StepSeries.Builder useful = StepSeries.builder(), busy = StepSeries.builder(), q = StepSeries.builder(),
                running = StepSeries.builder(), susp = StepSeries.builder(), chk = StepSeries.builder(),
                ended = StepSeries.builder();
        StepSeries.Builder[] pool = new StepSeries.Builder[groups.size()];
        for (int g = 0; g < pool.length; g++) pool[g] = StepSeries.builder();

        List<Segment> segs = run.segments();
        Integer[] order = new Integer[segs.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(segs.get(a).start(), segs.get(b).start()));
        int bars = 0;
        List<Segment> lost = new ArrayList<>();
        for (Integer idx : order) {
            Segment s = segs.get(idx);
            JobFacts job = run.job(s.job());
            int cores = Math.max(1, job.coresPerNode());
            long procs = (long) s.nodes().length * cores;
            switch (s.kind()) {
                case WAITING -> q.interval(s.start(), s.end(), 1);
                case LOST -> lost.add(s);
                default -> {
                    if (holdsCores(s.kind())) busy.interval(s.start(), s.end(), procs);
                    if (s.kind() == SegmentKind.RUNNING) useful.interval(s.start(), s.end(), procs);
                    if (s.kind() == SegmentKind.RUNNING || s.kind() == SegmentKind.RESTARTING) running.interval(s.start(), s.end(), 1);
                    if (s.kind() == SegmentKind.SUSPENDED) susp.interval(s.start(), s.end(), 1);
                    if (s.kind() == SegmentKind.CHECKPOINTING) chk.interval(s.start(), s.end(), 1);
                    for (int node : s.nodes()) {
                        if (node < 0 || node >= n) continue;
                        rows[node].add(s.start(), s.end(), s.job(), BarKind.of(s.kind()).ordinal());
                        bars++;
                        if (holdsCores(s.kind())) pool[rowPool[node]].interval(s.start(), s.end(), cores);
                    }
                }
            }
        }
        for (RowBars r : rows) r.seal();
        for (Segment s : lost) {
            for (int node : s.nodes()) if (node >= 0 && node < n) overlays[node].add(s.start(), s.end(), s.job(), BarKind.LOST.ordinal());
        }
        for (int node = 0; node < n; node++) {
            RowBars o = overlays[node];
            o.seal();
            for (int i = 0; i < o.size(); i++) {
                int match = rows[node].findEndingAt(o.job(i), o.end(i));
                o.setLane(i, match < 0 ? 0 : rows[node].lane(match));
            }
        }
        for (JobFacts j : run.jobs()) if (j.end() >= 0) ended.change(j.end(), 1);
        this.barCount = bars;
        this.usefulCores = useful.build();
        this.busyCores = busy.build();
        this.queue = q.build();
        this.runningJobs = running.build();
        this.suspendedJobs = susp.build();
        this.checkpointingJobs = chk.build();
        this.endedJobs = ended.build();
        this.poolBusyCores = new StepSeries[pool.length];
        for (int g = 0; g < pool.length; g++) poolBusyCores[g] = pool[g].build();

        List<LogEntry> log = run.log();
        this.logTimes = new long[log.size()];
        int[] perJob = new int[run.jobs().size()];
        int decisions = 0;
        for (int i = 0; i < log.size(); i++) {
            LogEntry e = log.get(i);
            logTimes[i] = e.time();
            if (e.job() >= 0 && e.job() < perJob.length) perJob[e.job()]++;
            if (isDecision(e.kind())) decisions++;
        }
        this.logByJob = new int[perJob.length][];
        for (int j = 0; j < perJob.length; j++) logByJob[j] = new int[perJob[j]];
        Arrays.fill(perJob, 0);
        this.decisionEntries = new int[decisions];
        decisions = 0;
        for (int i = 0; i < log.size(); i++) {
            LogEntry e = log.get(i);
            if (e.job() >= 0 && e.job() < perJob.length) logByJob[e.job()][perJob[e.job()]++] = i;
            if (isDecision(e.kind())) decisionEntries[decisions++] = i;
        }
        this.eventTimes = Arrays.stream(logTimes).distinct().toArray();
        buildOutages(log, n);
    }

    private void buildOutages(List<LogEntry> log, int n) {
        long[] maintFrom = new long[n];
        long[] downFrom = new long[n];
        int[] maintDepth = new int[n];
        int[] downDepth = new int[n];
        long[] resvFrom = new long[n];
        int[] resvDepth = new int[n];
        List<long[]> found = new ArrayList<>();
        for (LogEntry e : log) {
            if (e.kind() == LogKind.RESERVATION_BEGIN || e.kind() == LogKind.RESERVATION_END) {
                // advance reservations are drawn like maintenance windows, in their own colour
                boolean begin = e.kind() == LogKind.RESERVATION_BEGIN;
                for (int node : e.nodes()) {
                    if (node < 0 || node >= n) continue;
                    if (begin) {
                        if (resvDepth[node]++ == 0) resvFrom[node] = e.time();
                    } else if (resvDepth[node] > 0 && --resvDepth[node] == 0) {
                        found.add(new long[] {node, resvFrom[node], e.time(), BarKind.RESERVATION.ordinal()});
                    }
                }
                continue;
            }
            boolean maint = e.kind() == LogKind.MAINTENANCE_BEGIN || e.kind() == LogKind.MAINTENANCE_END;
            boolean down = e.kind() == LogKind.NODE_DOWN || e.kind() == LogKind.NODE_UP;
            if (!maint && !down) continue;
            boolean begin = e.kind() == LogKind.MAINTENANCE_BEGIN || e.kind() == LogKind.NODE_DOWN;
            int[] depth = maint ? maintDepth : downDepth;
            long[] from = maint ? maintFrom : downFrom;
            int kind = (maint ? BarKind.MAINTENANCE : BarKind.NODE_DOWN).ordinal();
            for (int node : e.nodes()) {
                if (node < 0 || node >= n) continue;
                if (begin) {
                    if (depth[node]++ == 0) from[node] = e.time();
                } else if (depth[node] > 0 && --depth[node] == 0) {
                    found.add(new long[] {node, from[node], e.time(), kind});
                }
            }
        }
        for (int node = 0; node < n; node++) {
            if (maintDepth[node] > 0) found.add(new long[] {node, maintFrom[node], run.endTime(), BarKind.MAINTENANCE.ordinal()});
            if (downDepth[node] > 0) found.add(new long[] {node, downFrom[node], run.endTime(), BarKind.NODE_DOWN.ordinal()});
            if (resvDepth[node] > 0) found.add(new long[] {node, resvFrom[node], run.endTime(), BarKind.RESERVATION.ordinal()});
        }
        found.sort((a, b) -> Long.compare(a[1], b[1]));
        for (long[] o : found) outages[(int) o[0]].add(o[1], o[2], -1, (int) o[3]);
        for (RowBars o : outages) o.seal();
    }

    static boolean holdsCores(SegmentKind kind) {
        return kind == SegmentKind.RUNNING || kind == SegmentKind.RESTARTING || kind == SegmentKind.CHECKPOINTING
                || kind == SegmentKind.STOPPING;
    }

    /** Scheduler decisions: what "step to the next decision" stops at. */
    public static boolean isDecision(LogKind kind) {
        return kind == LogKind.START || kind == LogKind.RESTART || kind == LogKind.PREEMPT;
    }

    static List<PoolGroup> groupsOf(Cluster cluster) {
        List<PoolGroup> groups = new ArrayList<>();
        if (cluster instanceof NodeCluster nc) {
            int first = 0;
            for (NodePool p : nc.pools()) {
                groups.add(new PoolGroup(p.name(), first, p.nodes(), p.coresPerNode()));
                first += p.nodes();
            }
        } else {
            groups.add(new PoolGroup("processors", 0, cluster.nodeCount(), 1));
        }
        return List.copyOf(groups);
    }

    // ---------------------------------------------------------------- queries

    public RunRecord run() {
        return run;
    }

    public List<PoolGroup> groups() {
        return groups;
    }

    public int rowCount() {
        return rows.length;
    }

    public RowBars row(int node) {
        return rows[node];
    }

    public RowBars overlays(int node) {
        return overlays[node];
    }

    public RowBars outages(int node) {
        return outages[node];
    }

    /** Bars over all rows (a job on k nodes counts k times). */
    public int barCount() {
        return barCount;
    }

    public long totalCores() {
        return totalCores;
    }

    public StepSeries queue() {
        return queue;
    }

    public StepSeries usefulCores() {
        return usefulCores;
    }

    public StepSeries busyCores() {
        return busyCores;
    }

    public StepSeries poolBusyCores(int group) {
        return poolBusyCores[group];
    }

    public CursorMetrics metricsAt(long t) {
        double cores = Math.max(1, totalCores);
        return new CursorMetrics(t, usefulCores.valueAt(t) / cores, busyCores.valueAt(t) / cores,
                (int) Math.round(queue.valueAt(t)), (int) Math.round(runningJobs.valueAt(t)),
                (int) Math.round(suspendedJobs.valueAt(t)), (int) Math.round(checkpointingJobs.valueAt(t)),
                (int) Math.round(endedJobs.valueAt(t)));
    }

    /** Log entry indices of one job, in order. */
    public int[] logOfJob(int job) {
        return job >= 0 && job < logByJob.length ? logByJob[job] : new int[0];
    }

    public int logSize() {
        return logTimes.length;
    }

    /** Index of the last log entry at a time ≤ t, or -1. */
    public int lastLogAtOrBefore(long t) {
        int lo = 0, hi = logTimes.length - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (logTimes[mid] <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The first event time after t, or t if none. */
    public long nextEventAfter(long t) {
        int i = upperBound(eventTimes, t);
        return i < eventTimes.length ? eventTimes[i] : t;
    }

    /** The last event time before t, or t if none. */
    public long previousEventBefore(long t) {
        int i = upperBound(eventTimes, t - 1) - 1;
        return i >= 0 ? eventTimes[i] : t;
    }

    /** The log index of the first decision entry after log entry {@code from} (-1: from the start), or -1. */
    public int nextDecisionAfterEntry(int from) {
        int lo = 0, hi = decisionEntries.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (decisionEntries[mid] <= from) lo = mid + 1;
            else hi = mid;
        }
        return lo < decisionEntries.length ? decisionEntries[lo] : -1;
    }

    /** The log index of the last decision entry before log entry {@code before}, or -1. */
    public int previousDecisionBeforeEntry(int before) {
        int lo = 0, hi = decisionEntries.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (decisionEntries[mid] < before) lo = mid + 1;
            else hi = mid;
        }
        return lo > 0 ? decisionEntries[lo - 1] : -1;
    }

    /** The log index of the first decision after time t, or -1. */
    public int nextDecisionAfter(long t) {
        return nextDecisionAfterEntry(lastLogAtOrBefore(t));
    }

    /** The log index of the last decision before time t, or -1. */
    public int previousDecisionBefore(long t) {
        return previousDecisionBeforeEntry(lastLogAtOrBefore(t - 1) + 1);
    }

    public long logTime(int index) {
        return logTimes[index];
    }

    private static int upperBound(long[] a, long t) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
