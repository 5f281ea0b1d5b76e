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
    private final boolean processorMode;
    private final int unitsPerRow;
    private final int units;
    private final int[] coresPerUnit;
    /** Per row, its sample lanes: one per node; in processor mode up to {@value #MAX_SAMPLES} processors of the row's range. */
    private final RowBars[][] samples;
    private final int samplesPerRow;
    private final RowBars[] overlays;
    private final RowBars[] outages;
    private final RowBars[] markers;
    private final StepSeries usefulCores;
    private final StepSeries busyCores;
    private final StepSeries queue;
    private final StepSeries runningJobs;
    private final StepSeries suspendedJobs;
    private final StepSeries checkpointingJobs;
    private final StepSeries endedJobs;
    private final StepSeries[] poolBusyCores;
    private final StepSeries[] poolCheckpointingCores;
    private final StepSeries[] poolSuspendedCores;
    private final StepSeries[] poolDownCores;
    private final long[] logTimes;
    private final long[] eventTimes;
    private final int[] decisionEntries;
    private final int[][] logByJob;
    private final long totalCores;
    private final int barCount;

    /**
     * The most nodes or processors the Gantt draws (a row a node; a processor machine has a row per
     * range of processors, {@link #processorsPerRow}, but its recorded segments list every
     * processor). A larger machine is simulated by the CLI ({@code preemptlab simulate}), whose cost
     * does not grow with the machine size.
     */
    public static final int MAX_ROWS = 1_000_000;

    /** About how many rows a processor machine is drawn in (a row is a range of processors). */
    static final int PROCESSOR_ROWS = 128;

    /**
     * Processors of a row whose bars are kept (evenly spread): a row of more processors is drawn from
     * these samples, each standing for the processors up to the next, which at any row height is
     * finer than a pixel; a job's block keeps its exact processor range, so only jobs narrower than a
     * sample's share can be left out.
     */
    static final int MAX_SAMPLES = 64;

    private static final int[] NICE = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024,
            1536, 2048, 3072, 4096, 6144, 8192, 12288, 16384, 24576, 32768, 49152, 65536, 98304, 131072};

    /**
     * Processors a row holds on a machine of {@code processors}: the smallest of 1, 2, 3, 4, 6, 8,
     * 12, 16, … that draws it in at most {@value #PROCESSOR_ROWS} rows (SDSC-BLUE, 1,152 → 12 a row,
     * 96 rows; CEA-Curie, 80,640 → 768 a row, 105 rows).
     */
    public static int processorsPerRow(long processors) {
        for (int n : NICE) if ((processors + n - 1) / n <= PROCESSOR_ROWS) return n;
        return (int) Math.min(Integer.MAX_VALUE / 2, (processors + PROCESSOR_ROWS - 1) / PROCESSOR_ROWS);
    }

    /** Why the Gantt cannot draw {@code cluster}, or null if it can. */
    public static String tooLarge(Cluster cluster) {
        if (cluster.nodeCount() <= MAX_ROWS) return null;
        String what = cluster instanceof NodeCluster ? "nodes" : "processors";
        return String.format(java.util.Locale.ROOT, "The machine has %,d %s; the planner's Gantt draws at most %,d."
                + " Simulate it with the command line: preemptlab simulate --trace …", cluster.nodeCount(), what, MAX_ROWS);
    }

    public GanttIndex(RunRecord run) {
        this.run = run;
        Cluster cluster = run.cluster();
        String tooLarge = tooLarge(cluster);
        if (tooLarge != null) throw new IllegalArgumentException(tooLarge);
        this.processorMode = !(cluster instanceof NodeCluster);
        this.units = cluster.nodeCount();
        this.unitsPerRow = processorMode ? processorsPerRow(units) : 1;
        this.groups = processorMode ? List.of(PoolGroup.processors(units, unitsPerRow)) : groupsOf(cluster);
        int n = processorMode ? (units + unitsPerRow - 1) / unitsPerRow : units;
        int[] unitPool = new int[processorMode ? 0 : units];
        this.coresPerUnit = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            PoolGroup pg = groups.get(g);
            coresPerUnit[g] = processorMode ? 1 : pg.coresPerRow();
            if (!processorMode) Arrays.fill(unitPool, pg.firstRow(), pg.firstRow() + pg.rowCount(), g);
        }
        this.totalCores = cluster.totalCores();
        this.samplesPerRow = processorMode ? Math.min(unitsPerRow, MAX_SAMPLES) : 1;
        this.samples = new RowBars[n][samplesPerRow];
        this.overlays = new RowBars[n];
        this.outages = new RowBars[n];
        this.markers = new RowBars[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < samplesPerRow; k++) samples[i][k] = new RowBars();
            overlays[i] = new RowBars(2);
            outages[i] = new RowBars(2);
            markers[i] = new RowBars(2);
        }
        List<Segment> segs = run.segments();
        int[] order = byStart(segs);
        long[] perPool = new long[groups.size()];
        // A counting pass sizes every row and series exactly: no doubling and trimming of millions of bars.
        int[] ofKind = new int[SegmentKind.values().length];
        countOnly = true;
        for (Segment s : segs) {
            ofKind[s.kind().ordinal()]++;
            if (s.kind() == SegmentKind.WAITING || s.kind() == SegmentKind.LOST) continue;
            addBlocks(null, s.nodes(), unitPool, perPool, s.start(), s.end(), s.job(), 0, 1);
        }
        countOnly = false;
        for (RowBars[] row : samples) for (RowBars r : row) r.allocate();
        int holding = 0;
        for (SegmentKind k : SegmentKind.values()) if (holdsCores(k)) holding += ofKind[k.ordinal()];
        int runningKind = ofKind[SegmentKind.RUNNING.ordinal()];
        StepSeries.Builder useful = StepSeries.builder(2 * runningKind), busy = StepSeries.builder(2 * holding),
                q = StepSeries.builder(2 * ofKind[SegmentKind.WAITING.ordinal()]),
                running = StepSeries.builder(2 * (runningKind + ofKind[SegmentKind.RESTARTING.ordinal()])),
                susp = StepSeries.builder(2 * ofKind[SegmentKind.SUSPENDED.ordinal()]),
                chk = StepSeries.builder(2 * ofKind[SegmentKind.CHECKPOINTING.ordinal()]),
                ended = StepSeries.builder(run.jobs().size());
        StepSeries.Builder[] pool = builders(groups.size()), poolChk = builders(groups.size()),
                poolSusp = builders(groups.size()), poolDown = builders(groups.size());
        if (groups.size() == 1) { // one pool holds every bar: its series see as many changes as the machine's
            pool[0] = StepSeries.builder(2 * holding);
            poolChk[0] = StepSeries.builder(2 * ofKind[SegmentKind.CHECKPOINTING.ordinal()]);
            poolSusp[0] = StepSeries.builder(2 * ofKind[SegmentKind.SUSPENDED.ordinal()]);
        }
        int bars = 0;
        List<Segment> lost = new ArrayList<>();
        for (int idx : order) {
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
                    int kind = BarKind.of(s.kind()).ordinal();
                    Arrays.fill(perPool, 0);
                    bars += addBlocks(null, s.nodes(), unitPool, perPool, s.start(), s.end(), s.job(), kind, cores);
                    for (int g = 0; g < perPool.length; g++) {
                        if (perPool[g] == 0) continue;
                        if (holdsCores(s.kind())) pool[g].interval(s.start(), s.end(), perPool[g]);
                        if (s.kind() == SegmentKind.CHECKPOINTING) poolChk[g].interval(s.start(), s.end(), perPool[g]);
                        if (s.kind() == SegmentKind.SUSPENDED) poolSusp[g].interval(s.start(), s.end(), perPool[g]);
                    }
                }
            }
        }
        for (RowBars[] row : samples) for (RowBars r : row) r.seal();
        for (Segment s : lost) addBlocks(overlays, s.nodes(), unitPool, perPool, s.start(), s.end(), s.job(), BarKind.LOST.ordinal(), 1);
        for (int row = 0; row < n; row++) {
            RowBars o = overlays[row];
            o.seal();
            if (processorMode) continue;
            for (int i = 0; i < o.size(); i++) {
                int match = samples[row][0].findEndingAt(o.job(i), o.end(i));
                o.setLane(i, match < 0 ? 0 : samples[row][0].lane(match));
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
        this.eventTimes = distinctTimes(logTimes);
        buildOutages(log, unitPool, poolDown);
        buildMarkers(log, unitPool, perPool);
        this.poolBusyCores = build(pool);
        this.poolCheckpointingCores = build(poolChk);
        this.poolSuspendedCores = build(poolSusp);
        this.poolDownCores = build(poolDown);
    }

    /**
     * The log's times without repeats, in their order: for a log in time order (the engine's), the first of
     * each run of equal times, without boxing 600,000 times into a set as {@code LongStream.distinct} does.
     */
    static long[] distinctTimes(long[] times) {
        int m = 0;
        long[] out = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            if (i > 0 && times[i] < times[i - 1]) return Arrays.stream(times).distinct().toArray(); // not in order
            if (m == 0 || times[i] != out[m - 1]) out[m++] = times[i];
        }
        return Arrays.copyOf(out, m);
    }

    /**
     * The segments' indices sorted by start, ties in list order (a stable sort): as primitive keys
     * (start above, index below) when they fit in a long, which they do for any real run; else boxed.
     */
    static int[] byStart(List<Segment> segs) {
        int n = segs.size();
        int[] order = new int[n];
        if (n == 0) return order;
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (Segment s : segs) {
            min = Math.min(min, s.start());
            max = Math.max(max, s.start());
        }
        int indexBits = 64 - Long.numberOfLeadingZeros(n); // n < 2^indexBits
        long span = max - min; // ≥ 0 unless it overflowed
        if (span >= 0 && indexBits < 63 && (span >>> (63 - indexBits)) == 0) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) keys[i] = ((segs.get(i).start() - min) << indexBits) | i;
            Arrays.sort(keys);
            long mask = (1L << indexBits) - 1;
            for (int i = 0; i < n; i++) order[i] = (int) (keys[i] & mask);
            return order;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) boxed[i] = i;
        Arrays.sort(boxed, (a, b) -> Long.compare(segs.get(a).start(), segs.get(b).start()));
        for (int i = 0; i < n; i++) order[i] = boxed[i];
        return order;
    }

    private static StepSeries.Builder[] builders(int n) {
        StepSeries.Builder[] b = new StepSeries.Builder[n];
        for (int i = 0; i < n; i++) b[i] = StepSeries.builder();
        return b;
    }

    private static StepSeries[] build(StepSeries.Builder[] b) {
        StepSeries[] s = new StepSeries[b.length];
        for (int i = 0; i < b.length; i++) s[i] = b[i].build();
        return s;
    }

    /**
     * Adds the bars of one stretch on {@code nodes}: the units are cut into runs of adjacent units (in
     * one pool), each run a block. With {@code target} null, to the rows' sample lanes (a bar per
     * node, or per sampled processor of the run); else one entry per row the block crosses in
     * {@code target}. Adds each pool's cores to {@code perPool}; returns the bars added.
     */
    private int addBlocks(RowBars[] target, int[] nodes, int[] unitPool, long[] perPool, long s, long e, int job,
            int kind, int cores) {
        if (nodes.length == 0) return 0;
        int[] sorted = nodes;
        for (int i = 1; i < nodes.length; i++) {
            if (nodes[i] < nodes[i - 1]) {
                sorted = nodes.clone();
                Arrays.sort(sorted);
                break;
            }
        }
        int added = 0;
        int i = 0;
        while (i < sorted.length) {
            int a = sorted[i];
            if (a < 0 || a >= units) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[j] + 1 && sorted[j + 1] < units
                    && (processorMode || unitPool[sorted[j + 1]] == unitPool[a])) j++;
            int b = sorted[j] + 1;
            if (processorMode) {
                perPool[0] += b - a;
                for (int row = a / unitsPerRow; row <= (b - 1) / unitsPerRow; row++) {
                    if (target != null) {
                        target[row].add(s, e, job, kind, a, b);
                        added++;
                        continue;
                    }
                    for (int k = 0; k < samplesPerRow; k++) {
                        int u = sampleUnit(row, k);
                        if (u < a) continue;
                        if (u >= b) break;
                        put(samples[row][k], s, e, job, kind, a, b);
                        added++;
                    }
                }
            } else {
                perPool[unitPool[a]] += (long) (b - a) * cores;
                for (int node = a; node < b; node++) {
                    put(target != null ? target[node] : samples[node][0], s, e, job, kind, a, b);
                    added++;
                }
            }
            i = j + 1;
        }
        return added;
    }

    /** During the counting pass of the constructor: {@link #put} counts the bar instead of adding it. */
    private boolean countOnly;

    private void put(RowBars row, long s, long e, int job, int kind, int a, int b) {
        if (countOnly) row.count();
        else row.add(s, e, job, kind, a, b);
    }

    private int rowOfUnit(int unit) {
        return unit / unitsPerRow;
    }

    private int poolOfUnit(int[] unitPool, int unit) {
        return processorMode ? 0 : unitPool[unit];
    }

    private void buildOutages(List<LogEntry> log, int[] unitPool, StepSeries.Builder[] poolDown) {
        boolean any = false;
        for (LogEntry e : log) {
            LogKind k = e.kind();
            any |= k == LogKind.MAINTENANCE_BEGIN || k == LogKind.NODE_DOWN || k == LogKind.RESERVATION_BEGIN;
        }
        if (!any) { // no per-unit bookkeeping for a machine that never goes down (80,640 processors and more)
            for (RowBars o : outages) o.seal();
            return;
        }
        int n = units;
        long[] maintFrom = new long[n];
        long[] downFrom = new long[n];
        int[] maintDepth = new int[n];
        int[] downDepth = new int[n];
        long[] resvFrom = new long[n];
        int[] resvDepth = new int[n];
        List<long[]> found = new ArrayList<>();
        for (LogEntry e : log) {
            if (e.kind() == LogKind.RESERVATION_BEGIN || e.kind() == LogKind.RESERVATION_END) {
                // advance reservations: an outage bar of kind MAINTENANCE marked RESERVATION (the style has no bit left
                // for a kind of its own), drawn in a look of their own (GanttPalette.RESERVATION)
                boolean begin = e.kind() == LogKind.RESERVATION_BEGIN;
                for (int node : e.nodes()) {
                    if (node < 0 || node >= n) continue;
                    if (begin) {
                        if (resvDepth[node]++ == 0) resvFrom[node] = e.time();
                    } else if (resvDepth[node] > 0 && --resvDepth[node] == 0) {
                        found.add(new long[] {node, resvFrom[node], e.time(), BarKind.MAINTENANCE.ordinal(), RESERVATION});
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
                    found.add(new long[] {node, from[node], e.time(), kind, -1});
                }
            }
        }
        for (int node = 0; node < n; node++) {
            if (maintDepth[node] > 0) found.add(new long[] {node, maintFrom[node], run.endTime(), BarKind.MAINTENANCE.ordinal(), -1});
            if (downDepth[node] > 0) found.add(new long[] {node, downFrom[node], run.endTime(), BarKind.NODE_DOWN.ordinal(), -1});
            if (resvDepth[node] > 0) found.add(new long[] {node, resvFrom[node], run.endTime(), BarKind.MAINTENANCE.ordinal(), RESERVATION});
        }
        found.sort((a, b) -> Long.compare(a[1], b[1]));
        for (long[] o : found) {
            int unit = (int) o[0];
            int g = poolOfUnit(unitPool, unit);
            poolDown[g].interval(o[1], o[2], coresPerUnit[g]);
            RowBars r = outages[rowOfUnit(unit)];
            int last = r.size() - 1;
            if (last >= 0 && r.start(last) == o[1] && r.end(last) == o[2] && r.kind(last) == (int) o[3]
                    && r.job(last) == (int) o[4]) {
                continue;
            }
            r.add(o[1], o[2], (int) o[4], (int) o[3]);
        }
        for (RowBars o : outages) o.seal();
    }

    /** Preemption, checkpoint, restart and failure moments, a marker on each row of the job's nodes. */
    private void buildMarkers(List<LogEntry> log, int[] unitPool, long[] scratch) {
        for (LogEntry e : log) {
            BarKind kind = markerOf(e.kind());
            if (kind == null || e.nodes() == null) continue;
            addBlocks(markers, e.nodes(), unitPool, scratch, e.time(), e.time() + 1, e.job(), kind.ordinal(), 1);
        }
        for (RowBars m : markers) m.seal();
    }

    static BarKind markerOf(LogKind kind) {
        return switch (kind) {
            case PREEMPT -> BarKind.PREEMPT_MARK;
            case CHECKPOINT_BEGIN -> BarKind.CHECKPOINT_MARK;
            case RESTART -> BarKind.RESTART_MARK;
            case FAIL, KILL -> BarKind.FAILURE_MARK;
            default -> null;
        };
    }

    static boolean holdsCores(SegmentKind kind) {
        return kind == SegmentKind.RUNNING || kind == SegmentKind.RESTARTING || kind == SegmentKind.CHECKPOINTING
                || kind == SegmentKind.STOPPING;
    }

    /** Scheduler decisions: what "step to the next decision" stops at. */
    public static boolean isDecision(LogKind kind) {
        return kind == LogKind.START || kind == LogKind.RESTART || kind == LogKind.PREEMPT;
    }

    /** GPUs on each node of the pool (every {@code gpu} GRES, any type). */
    static long gpusOf(NodePool p) {
        long n = 0;
        for (var g : p.gres()) if (g.name().equals("gpu")) n += g.count();
        return n;
    }

    static List<PoolGroup> groupsOf(Cluster cluster) {
        List<PoolGroup> groups = new ArrayList<>();
        if (cluster instanceof NodeCluster nc) {
            int first = 0;
            for (NodePool p : nc.pools()) {
                groups.add(PoolGroup.withGpus(p.name(), first, p.nodes(), p.coresPerNode(), gpusOf(p)));
                first += p.nodes();
            }
        } else {
            groups.add(new PoolGroup("processors", 0, cluster.nodeCount(), 1));
        }
        return List.copyOf(groups);
    }

    /**
     * Builds every row's level-of-detail pyramid, the last row first, until {@code stop} says so (checked per
     * row). Meant for a background thread while the run view is put up: the first draw of a big trace goes
     * down from the first row and builds what it needs itself, so the two meet in the middle (a row is built
     * by one of them, the other waits for it: {@link RowBars} is synchronized); the levels are the same as
     * when the draws build them all.
     */
    public void buildLevels(java.util.function.BooleanSupplier stop) {
        for (int row = samples.length - 1; row >= 0; row--) {
            if (stop.getAsBoolean()) return;
            for (RowBars r : samples[row]) r.levelCount();
        }
    }

    // ---------------------------------------------------------------- queries

    public RunRecord run() {
        return run;
    }

    public List<PoolGroup> groups() {
        return groups;
    }

    public int rowCount() {
        return samples.length;
    }

    /** Sample lanes a row is drawn from: 1 (a node), or up to {@value #MAX_SAMPLES} processors of the row's range. */
    public int samplesPerRow() {
        return samplesPerRow;
    }

    /** The unit (node, processor) sample lane {@code k} of a row stands for, up to the next lane's. */
    public int sampleUnit(int row, int k) {
        return row * unitsPerRow + (int) ((long) k * unitsPerRow / samplesPerRow);
    }

    /** Sample lane {@code k} of a row: the bars of the job on that node (processor). */
    public RowBars sample(int row, int k) {
        return samples[row][k];
    }

    /** True for a processor machine (an SWF trace): rows are ranges of processors. */
    public boolean processorMode() {
        return processorMode;
    }

    /** Units (nodes, or processors in processor mode) a row holds: 1 for nodes. */
    public int unitsPerRow() {
        return unitsPerRow;
    }

    /** All units: nodes, or processors. */
    public int unitCount() {
        return units;
    }

    /**
     * What a row is called in the gutter: the node's name (with its GPU count on a node with GPUs:
     * {@code gpu01 · 4 GPU}), or its processors ({@code 0–11}).
     */
    public String rowName(int row) {
        if (!processorMode) {
            if (run.cluster() instanceof NodeCluster nc) {
                long gpus = gpusOf(nc.pools().get(nc.poolOf(row)));
                if (gpus > 0) return nc.nodeName(row) + " · " + gpus + " GPU";
            }
            return run.cluster().nodeName(row);
        }
        String[] names = rowNames;
        if (names == null) rowNames = names = new String[rowCount()];
        if (names[row] == null) names[row] = processorsName(row);
        return names[row];
    }

    private String[] rowNames;

    private String processorsName(int row) {
        int lo = row * unitsPerRow, hi = Math.min(units, lo + unitsPerRow) - 1;
        return unitsPerRow == 1 ? "p" + lo : unitsText(lo, hi + 1);
    }

    /** Units [lo, hi) in words: {@code node5}, {@code public-1…4}, {@code processors 0–511}. */
    public String unitsText(int lo, int hi) {
        if (processorMode) return hi - lo == 1 ? "processor " + lo : String.format(java.util.Locale.ROOT, "p%,d–%,d", lo, hi - 1);
        int[] nodes = new int[Math.max(0, hi - lo)];
        for (int i = 0; i < nodes.length; i++) nodes[i] = lo + i;
        return NodeNames.format(nodes, run.cluster());
    }

    public RowBars markers(int row) {
        return markers[row];
    }

    /** The bars of a row's first sample lane: of the node (node mode), of the range's first processor. */
    public RowBars row(int node) {
        return samples[node][0];
    }

    public RowBars overlays(int node) {
        return overlays[node];
    }

    /** The job of an outage bar that is an advance reservation (other outages have -1). */
    public static final int RESERVATION = -2;

    /** Maintenance windows, reservations ({@link #RESERVATION} as job) and failures of a row, in start order. */
    public RowBars outages(int node) {
        return outages[node];
    }

    /** Bars over all sample lanes (a block over k nodes counts k times). */
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

    /** Cores of the pool held by jobs writing a checkpoint (part of {@link #poolBusyCores}). */
    public StepSeries poolCheckpointingCores(int group) {
        return poolCheckpointingCores[group];
    }

    /** Cores of the pool whose job is suspended (the cores may be in use by another job). */
    public StepSeries poolSuspendedCores(int group) {
        return poolSuspendedCores[group];
    }

    /** Cores of the pool down or in maintenance. */
    public StepSeries poolDownCores(int group) {
        return poolDownCores[group];
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
