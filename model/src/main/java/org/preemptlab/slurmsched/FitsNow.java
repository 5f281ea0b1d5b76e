package org.preemptlab.slurmsched;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.preemptlab.alloc.TresCapacity;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobView;

/**
 * A cheap necessary condition for a job to start in a backfill cycle on a Slurm (cons_tres) cluster: the cut of
 * {@link SlurmSchedulerPolicy}'s backfill loop, which stops testing after the last job that passes it.
 *
 * <p>Why it is necessary. A job the cycle starts has its placement taken from the cycle's free room
 * ({@code free.take}, which refuses a node without that room), and that room only shrinks during the cycle (starts take
 * from it; nothing gives back). Every placement a {@link TresCapacity} path makes (the whole-node planner's and the
 * step profile's node choice, {@link TresCapacity#placement}; the general profile's {@link TresCapacity#place}) puts one
 * of the job's {@link TresCapacity#candidates candidates}' per-node need (CPUs, memory, GRES; a whole node's for an
 * exclusive job) on {@code job.nodes()} distinct nodes of its candidates' node groups. So if the job starts, some
 * candidate's need fits, now, on at least {@code job.nodes()} nodes of those groups. {@link #mayStart} checks exactly
 * that on the room as it is when asked, counting a node once per candidate range that holds it (a node of two
 * partitions may be counted twice: a looser condition, still necessary). It ignores gang rows' reserved CPUs, plans,
 * reservations and will-run batches: each only makes a start harder.
 *
 * <p>The candidates depend on the job and the site only; they are kept per job index (with the job's spec, to know them
 * again) for the cluster they were made on, one array per distinct shape. Within a cycle ({@link #newCycle}) the room only
 * shrinks, so a shape found not to fit is not looked at again in that cycle (a long queue of jobs alike costs one scan of
 * the nodes per shape and cycle, not per job).
 */
final class FitsNow {

    /** Per job index: the spec the shape was made for, and its shape ({@link #shape}). */
    private JobSpec[] specOf = new JobSpec[0];
    private long[][] shapeOf = new long[0][];
    private NodeCluster cluster;
    /** The distinct shapes (by content; the last element is the cycle they last failed in, not part of the key). */
    private final Map<ShapeKey, long[]> shapes = new HashMap<>();
    private long cycle;
    /** For tests: nodes asked beyond the job's own (0; a positive value makes the condition too tight, a defect). */
    private final int extraNodes;
    private long checks;

    FitsNow() {
        this(0);
    }

    FitsNow(int extraNodes) {
        this.extraNodes = extraNodes;
    }

    /** A new cycle: the room may have grown since the last call (a shape that failed may fit again). */
    void newCycle() {
        cycle++;
    }

    /** How many jobs {@link #mayStart} was asked about. */
    long checks() {
        return checks;
    }

    /**
     * False only if no placement of the job fits in {@code free} now: no candidate's need is free on {@code job.nodes()}
     * nodes of the job's candidates' node ranges. Between two calls of one cycle ({@link #newCycle}) the room may only
     * shrink.
     */
    boolean mayStart(JobView job, TresCapacity free) {
        checks++;
        long[] shape = shape(job, free);
        long want = shape[0];
        if (want <= 0) return true; // no nodes asked: nothing to check
        int stamp = shape.length - 1;
        if (shape[stamp] == cycle) return false; // this shape did not fit earlier in this cycle, and the room only shrank
        if (fits(shape, want, free)) return true;
        shape[stamp] = cycle;
        return false;
    }

    private static boolean fits(long[] shape, long want, TresCapacity free) {
        int g = (int) shape[1];
        int cands = (int) shape[2];
        int stride = 4 + g;
        int base = 3;
        for (int c = 0; c < cands; c++) {
            int at = base + c * stride;
            long cpus = shape[at + 2], mem = shape[at + 3];
            long count = 0;
            for (int r = 0; r < cands; r++) {
                int rat = base + r * stride;
                int end = (int) shape[rat + 1];
                for (int node = (int) shape[rat]; node < end; node++) {
                    if (free.freeCpusOn(node) < cpus || free.freeMemoryOn(node) < mem) continue;
                    boolean gres = true;
                    for (int k = 0; k < g && gres; k++) gres = free.freeGresOn(node, k) >= shape[at + 4 + k];
                    if (gres && ++count >= want) return true;
                }
            }
        }
        return false;
    }

    /**
     * The job's shape: {nodes (plus {@link #extraNodes}), GRES keys g, candidate count, then per candidate its first
     * node, end node, CPUs, memory and g GRES counts per node}.
     */
    private long[] shape(JobView job, TresCapacity free) {
        if (free.cluster() != cluster) {
            cluster = free.cluster();
            Arrays.fill(specOf, null);
            Arrays.fill(shapeOf, null);
            shapes.clear();
        }
        int i = job.index();
        JobSpec spec = job.spec();
        if (i >= 0 && i < specOf.length && specOf[i] == spec) return shapeOf[i];
        List<TresCapacity.Candidate> cands = free.candidates(spec);
        int g = free.gresKeys().size();
        long[] shape = new long[3 + cands.size() * (4 + g) + 1];
        shape[0] = spec.nodes() <= 0 ? spec.nodes() : (long) spec.nodes() + extraNodes;
        shape[1] = g;
        shape[2] = cands.size();
        int k = 3;
        for (TresCapacity.Candidate c : cands) {
            long[] need = c.need();
            shape[k++] = c.firstNode();
            shape[k++] = c.endNode();
            shape[k++] = need[0];
            shape[k++] = need[1];
            for (int q = 0; q < g; q++) shape[k++] = need[3 + q];
        }
        shape[k] = -1; // failed in no cycle yet
        long[] known = shapes.putIfAbsent(new ShapeKey(shape), shape);
        if (known != null) shape = known;
        if (i >= 0) {
            if (i >= specOf.length) {
                int n = Math.max(i + 1, Math.max(64, specOf.length * 2));
                specOf = Arrays.copyOf(specOf, n);
                shapeOf = Arrays.copyOf(shapeOf, n);
            }
            specOf[i] = spec;
            shapeOf[i] = shape;
        }
        return shape;
    }

    /** A shape by its content, its last element (the cycle stamp) left out. */
    private record ShapeKey(long[] shape) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ShapeKey k && Arrays.equals(shape, 0, shape.length - 1, k.shape, 0, k.shape.length - 1);
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (int i = 0; i < shape.length - 1; i++) h = 31 * h + Long.hashCode(shape[i]);
            return h;
        }
    }
}
