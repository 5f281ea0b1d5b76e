package org.preemptlab.slurmsched;

import java.util.Arrays;
import java.util.List;
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
 * again) for the cluster they were made on.
 */
final class FitsNow {

    /** Per job index: the spec the shape was made for, and its shape ({@link #shape}). */
    private JobSpec[] specOf = new JobSpec[0];
    private long[][] shapeOf = new long[0][];
    private NodeCluster cluster;
    /** For tests: nodes asked beyond the job's own (0; a positive value makes the condition too tight, a defect). */
    private final int extraNodes;
    private long checks;

    FitsNow() {
        this(0);
    }

    FitsNow(int extraNodes) {
        this.extraNodes = extraNodes;
    }

    /** How many jobs {@link #mayStart} was asked about. */
    long checks() {
        return checks;
    }

    /**
     * False only if no placement of the job fits in {@code free} now: no candidate's need is free on {@code job.nodes()}
     * nodes of the job's candidates' node ranges.
     */
    boolean mayStart(JobView job, TresCapacity free) {
        checks++;
        long[] shape = shape(job, free);
        long want = shape[0];
        if (want <= 0) return true; // no nodes asked: nothing to check
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
        }
        int i = job.index();
        JobSpec spec = job.spec();
        if (i >= 0 && i < specOf.length && specOf[i] == spec) return shapeOf[i];
        List<TresCapacity.Candidate> cands = free.candidates(spec);
        int g = free.gresKeys().size();
        long[] shape = new long[3 + cands.size() * (4 + g)];
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
}
