package org.preemptlab.sim;

/**
 * A job already running when the scenario begins (a live cluster imported "from now"): at its
 * submit time it is placed on these nodes with {@code elapsedSeconds} of its work already done.
 *
 * @param jobId          the job's id
 * @param nodes          node indices it runs on (in processor mode: empty, or processor numbers)
 * @param elapsedSeconds how long it has run already (less than its run time)
 */
public record InitialRun(int jobId, int[] nodes, long elapsedSeconds) {

    public InitialRun {
        nodes = nodes == null ? new int[0] : nodes.clone();
        if (elapsedSeconds < 0) throw new IllegalArgumentException("job " + jobId + ": elapsed is " + elapsedSeconds + "; must be ≥ 0");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InitialRun r && r.jobId == jobId && r.elapsedSeconds == elapsedSeconds
                && java.util.Arrays.equals(r.nodes, nodes);
    }

    @Override
    public int hashCode() {
        return 31 * jobId + Long.hashCode(elapsedSeconds);
    }
}
