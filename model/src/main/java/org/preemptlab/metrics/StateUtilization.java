package org.preemptlab.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;
import org.preemptlab.sim.SimulationResult;

/**
 * The machine's cores split by {@link CoreState} over time, exactly (a step function over the run's
 * segments and outage log), and averaged over buckets for a chart.
 *
 * <p>Per node, at every instant: cores held by running (and stopping) jobs are {@code busy}; cores
 * held by checkpoint writes and restart reads are {@code checkpointing}; the rest of a node that is
 * in maintenance or failed is {@code down}; of the free cores of a node, those a suspended job keeps
 * memory for (up to its cores on the node) are {@code suspended}; the remaining free cores are
 * {@code draining} on a maintenance window's nodes in the drain stretch before it (DRAIN and
 * DRAIN_THEN_CHECKPOINT windows, from {@code max(T − lookBack, drainFrom)} to T: the stretch the
 * maintenance cost's "idle before T" counts), else {@code reserved idle} while a job that later
 * starts on the node is waiting (it is held for that job: the scheduler could not start it yet),
 * else {@code idle}. The states sum to the machine's cores at every instant.
 */
public final class StateUtilization {

    private static final CoreState[] STATES = CoreState.values();
    private static final int RUN = 0, CKPT = 1, DOWN = 2, SUSP = 3, DRAIN = 4, RESERVED = 5;

    private final long[] times;
    private final long[][] cores;
    private final long totalCores;

    private StateUtilization(long[] times, long[][] cores, long totalCores) {
        this.times = times;
        this.cores = cores;
        this.totalCores = totalCores;
    }

    /** A recorded run; {@code windows} give the drain stretches (none: no draining), looked back over the longest estimate. */
    public static StateUtilization of(SimulationResult result, List<MaintenanceWindow> windows) {
        long from = result.jobs().stream().mapToLong(j -> j.spec().submit()).min().orElse(0);
        long lookBack = result.jobs().stream().mapToLong(j -> j.spec().estimate()).max().orElse(3600);
        return of(result.cluster(), result.timeline().segments(), j -> result.job(j).spec().coresPerNode(),
                result.timeline().log(), windows, lookBack, from, Math.max(from + 1, result.endTime()));
    }

    /**
     * @param coresPerNode   cores a job (by index) holds on each of its nodes
     * @param windows        maintenance windows (for the drain stretches), may be empty
     * @param drainLookBack  how far before a window's start its nodes count as draining, s
     * @param from           start of the span, s
     * @param to             end of the span, s (&gt; from)
     */
    public static StateUtilization of(Cluster cluster, List<Segment> segments, IntUnaryOperator coresPerNode, List<LogEntry> log,
            List<MaintenanceWindow> windows, long drainLookBack, long from, long to) {
        if (to <= from) throw new IllegalArgumentException("span [" + from + ", " + to + "): must end after it starts");
        int n = cluster.nodeCount();
        int[] nodeCores = nodeCores(cluster);
        Events ev = new Events(n);
        Map<Long, Long> waitedSince = new HashMap<>();
        for (Segment s : segments) {
            if (s.kind() == SegmentKind.WAITING) waitedSince.put(key(s.job(), s.end()), s.start());
        }
        // pass 0 counts, pass 1 fills
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1) ev.allocate();
            for (Segment s : segments) {
                int type = switch (s.kind()) {
                    case RUNNING, STOPPING -> RUN;
                    case CHECKPOINTING, RESTARTING -> CKPT;
                    case SUSPENDED -> SUSP;
                    default -> -1;
                };
                if (type < 0) continue;
                int c = Math.max(1, coresPerNode.applyAsInt(s.job()));
                Long waited = type == RUN || type == CKPT ? waitedSince.get(key(s.job(), s.start())) : null;
                for (int node : s.nodes()) {
                    if (node < 0 || node >= n) continue;
                    ev.interval(pass, node, s.start(), s.end(), type, c, from, to);
                    if (waited != null) ev.interval(pass, node, waited, s.start(), RESERVED, 1, from, to);
                }
            }
            long[] openFrom = new long[n];
            int[] depth = new int[n];
            for (LogEntry e : log) {
                boolean begin = e.kind() == LogKind.MAINTENANCE_BEGIN || e.kind() == LogKind.NODE_DOWN;
                boolean end = e.kind() == LogKind.MAINTENANCE_END || e.kind() == LogKind.NODE_UP;
                if (!begin && !end) continue;
                for (int node : e.nodes()) {
                    if (node < 0 || node >= n) continue;
                    if (begin) {
                        if (depth[node]++ == 0) openFrom[node] = e.time();
                    } else if (depth[node] > 0 && --depth[node] == 0) {
                        ev.interval(pass, node, openFrom[node], e.time(), DOWN, 1, from, to);
                    }
                }
            }
            for (int node = 0; node < n; node++) if (depth[node] > 0) ev.interval(pass, node, openFrom[node], to, DOWN, 1, from, to);
            for (MaintenanceWindow w : windows) {
                if (w.strategy() != MaintenanceStrategy.DRAIN && w.strategy() != MaintenanceStrategy.DRAIN_THEN_CHECKPOINT) continue;
                long a = Math.max(w.start() - drainLookBack, w.drainFrom());
                for (int node : w.nodes()) if (node >= 0 && node < n) ev.interval(pass, node, a, w.start(), DRAIN, 1, from, to);
            }
        }
        return ev.sweep(nodeCores, from, to, cluster.totalCores());
    }

    private static long key(int job, long time) {
        return ((long) job << 42) ^ time;
    }

    private static int[] nodeCores(Cluster cluster) {
        int[] c = new int[cluster.nodeCount()];
        if (cluster instanceof NodeCluster nc) {
            int i = 0;
            for (var p : nc.pools()) for (int k = 0; k < p.nodes(); k++) c[i++] = p.coresPerNode();
        } else {
            Arrays.fill(c, 1);
        }
        return c;
    }

    /** Per-node events in flat arrays (counted first, then filled), swept node by node. */
    private static final class Events {
        private final int[] count;
        private int[] offset;
        private int[] fill;
        private long[] time;
        private int[] type;
        private int[] amount;

        Events(int nodes) {
            this.count = new int[nodes];
        }

        void interval(int pass, int node, long a, long b, int kind, int amt, long from, long to) {
            a = Math.max(a, from);
            b = Math.min(b, to);
            if (b <= a) return;
            if (pass == 0) {
                count[node] += 2;
                return;
            }
            put(node, a, kind, amt);
            put(node, b, kind, -amt);
        }

        private void put(int node, long t, int kind, int amt) {
            int i = fill[node]++;
            time[i] = t;
            type[i] = kind;
            amount[i] = amt;
        }

        void allocate() {
            offset = new int[count.length + 1];
            for (int i = 0; i < count.length; i++) offset[i + 1] = offset[i] + count[i];
            fill = Arrays.copyOf(offset, count.length);
            int total = offset[count.length];
            time = new long[total];
            type = new int[total];
            amount = new int[total];
        }

        StateUtilization sweep(int[] nodeCores, long from, long to, long totalCores) {
            int states = STATES.length;
            // changes of the machine-wide counts: (time, state, delta), with the machine idle at `from`
            Changes ch = new Changes();
            ch.add(from, CoreState.IDLE.ordinal(), totalCores);
            int[] sums = new int[6];
            long[] before = new long[states];
            long[] now = new long[states];
            Integer[] order = new Integer[0];
            for (int node = 0; node < nodeCores.length; node++) {
                int lo = offset[node], hi = offset[node + 1];
                if (lo == hi) continue;
                if (order.length < hi - lo) order = new Integer[hi - lo];
                for (int i = 0; i < hi - lo; i++) order[i] = lo + i;
                Arrays.sort(order, 0, hi - lo, (x, y) -> Long.compare(time[x], time[y]));
                Arrays.fill(sums, 0);
                Arrays.fill(before, 0);
                before[CoreState.IDLE.ordinal()] = nodeCores[node];
                int k = 0;
                while (k < hi - lo) {
                    long t = time[order[k]];
                    while (k < hi - lo && time[order[k]] == t) {
                        int e = order[k++];
                        sums[type[e]] += amount[e];
                    }
                    split(nodeCores[node], sums, now);
                    for (int s = 0; s < states; s++) {
                        if (now[s] != before[s]) ch.add(t, s, now[s] - before[s]);
                        before[s] = now[s];
                    }
                }
            }
            return ch.build(from, to, totalCores);
        }
    }

    /** The node's cores by state, from its running/checkpointing/suspended core sums and down/drain/reserved depths. */
    static void split(int nodeCores, int[] sums, long[] out) {
        Arrays.fill(out, 0);
        long rest = nodeCores;
        long busy = Math.min(rest, Math.max(0, sums[RUN]));
        rest -= busy;
        long chk = Math.min(rest, Math.max(0, sums[CKPT]));
        rest -= chk;
        out[CoreState.BUSY.ordinal()] = busy;
        out[CoreState.CHECKPOINTING.ordinal()] = chk;
        if (sums[DOWN] > 0) {
            out[CoreState.DOWN.ordinal()] = rest;
            return;
        }
        long susp = Math.min(rest, Math.max(0, sums[SUSP]));
        rest -= susp;
        out[CoreState.SUSPENDED.ordinal()] = susp;
        CoreState free = sums[DRAIN] > 0 ? CoreState.DRAINING : sums[RESERVED] > 0 ? CoreState.RESERVED_IDLE : CoreState.IDLE;
        out[free.ordinal()] = rest;
    }

    /** Machine-wide changes, summed into a step function. */
    private static final class Changes {
        private long[] t = new long[64];
        private int[] s = new int[64];
        private long[] d = new long[64];
        private int size;

        void add(long time, int state, long delta) {
            if (size == t.length) {
                t = Arrays.copyOf(t, size * 2);
                s = Arrays.copyOf(s, size * 2);
                d = Arrays.copyOf(d, size * 2);
            }
            t[size] = time;
            s[size] = state;
            d[size++] = delta;
        }

        StateUtilization build(long from, long to, long totalCores) {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) order[i] = i;
            Arrays.sort(order, (x, y) -> Long.compare(t[x], t[y]));
            long[] times = new long[size + 1];
            long[][] cores = new long[STATES.length][size + 1];
            long[] level = new long[STATES.length];
            int m = 0;
            int k = 0;
            while (k < size) {
                long time = t[order[k]];
                if (time >= to) break;
                while (k < size && t[order[k]] == time) {
                    int i = order[k++];
                    level[s[i]] += d[i];
                }
                if (m > 0 && sameLevels(cores, m - 1, level)) continue;
                times[m] = time;
                for (int st = 0; st < level.length; st++) cores[st][m] = level[st];
                m++;
            }
            times[m] = to; // the end of the last step
            long[][] trimmed = new long[STATES.length][];
            for (int st = 0; st < STATES.length; st++) trimmed[st] = Arrays.copyOf(cores[st], m);
            return new StateUtilization(Arrays.copyOf(times, m + 1), trimmed, totalCores);
        }

        private static boolean sameLevels(long[][] cores, int i, long[] level) {
            for (int st = 0; st < level.length; st++) if (cores[st][i] != level[st]) return false;
            return true;
        }
    }

    // ---------------------------------------------------------------- reading

    /** Number of steps. */
    public int steps() {
        return times.length - 1;
    }

    /** Start of step {@code i}; {@code stepStart(steps())} is the end of the span. */
    public long stepStart(int i) {
        return times[i];
    }

    /** Cores in {@code state} over step {@code i}. */
    public long cores(CoreState state, int i) {
        return cores[state.ordinal()][i];
    }

    /** Cores in {@code state} at instant {@code t} (0 outside the span). */
    public long coresAt(CoreState state, long t) {
        if (t < times[0] || t >= times[times.length - 1]) return 0;
        int i = Arrays.binarySearch(times, t);
        if (i < 0) i = -i - 2;
        return cores[state.ordinal()][Math.min(i, steps() - 1)];
    }

    public long totalCores() {
        return totalCores;
    }

    public long from() {
        return times[0];
    }

    public long to() {
        return times[times.length - 1];
    }

    /** Core-seconds spent in {@code state} over [a, b). */
    public double coreSeconds(CoreState state, long a, long b) {
        double sum = 0;
        long[] c = cores[state.ordinal()];
        for (int i = 0; i < steps(); i++) {
            long lo = Math.max(a, times[i]), hi = Math.min(b, times[i + 1]);
            if (hi > lo) sum += (double) c[i] * (hi - lo);
        }
        return sum;
    }

    /** Share of the machine in {@code state} over the whole span (0 … 1). */
    public double share(CoreState state) {
        return coreSeconds(state, from(), to()) / ((double) totalCores * (to() - from()));
    }

    /**
     * The span cut into {@code n} equal buckets: for each, its start and end (s) and the share of the
     * machine in every state, averaged over the bucket (shares of a bucket sum to 1).
     */
    public Buckets buckets(int n) {
        if (n < 1) throw new IllegalArgumentException("buckets: " + n + "; must be ≥ 1");
        long[] edges = new long[n + 1];
        double width = (double) (to() - from()) / n;
        for (int b = 0; b <= n; b++) edges[b] = from() + Math.round(b * width);
        double[][] shares = new double[STATES.length][n];
        int i = 0;
        for (int b = 0; b < n; b++) {
            long a = edges[b], e = Math.max(edges[b] + 1, edges[b + 1]);
            while (i > 0 && times[i] > a) i--;
            while (i < steps() - 1 && times[i + 1] <= a) i++;
            for (int j = i; j < steps() && times[j] < e; j++) {
                long lo = Math.max(a, times[j]), hi = Math.min(e, times[j + 1]);
                if (hi <= lo) continue;
                for (int st = 0; st < STATES.length; st++) shares[st][b] += (double) cores[st][j] * (hi - lo);
            }
            double capacity = (double) totalCores * (e - a);
            for (int st = 0; st < STATES.length; st++) shares[st][b] /= capacity;
        }
        return new Buckets(edges, shares);
    }

    /**
     * Buckets of a {@link StateUtilization}: {@code edges[b]} to {@code edges[b+1]}, and the shares by
     * state ({@code shares[state.ordinal()][b]}).
     */
    public record Buckets(long[] edges, double[][] shares) {
        public int size() {
            return edges.length - 1;
        }

        public double share(CoreState state, int bucket) {
            return shares[state.ordinal()][bucket];
        }
    }
}
