package org.preemptlab.app.gui.run;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;
import org.preemptlab.units.Units;

/**
 * The gang matrix of a run: which jobs share a node, slice by slice (Slurm's gang scheduler
 * rotating the jobs allocated the same cores). One row per node on which at least two jobs were
 * allocated at once, one column per slice — the intervals between the instants some job was
 * suspended or resumed on such a node. A cell lists the jobs running there, then the suspended
 * ones in brackets: {@code B (A)} is "B's turn, A waits". Empty for a run without time slicing.
 */
public final class GangMatrixViewModel {

    /** The most slices shown (the first ones); a long run says how many more there are. */
    public static final int MAX_SLICES = 200;

    /** A node's row: its name and a cell per slice. */
    public record Row(String node, List<String> cells) {}

    private final List<Long> sliceStarts = new ArrayList<>();
    private final List<String> headers = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private int slicesLeftOut;

    public GangMatrixViewModel(RunRecord run) {
        // the instants a job was suspended or resumed: the slice boundaries
        TreeSet<Long> bounds = new TreeSet<>();
        for (LogEntry e : run.log()) {
            if (e.kind() == LogKind.SUSPEND || e.kind() == LogKind.RESUME) bounds.add(e.time());
        }
        if (bounds.isEmpty()) return;
        List<Long> all = new ArrayList<>(bounds);
        int shown = Math.min(all.size(), MAX_SLICES);
        slicesLeftOut = all.size() - shown;
        sliceStarts.addAll(all.subList(0, shown));
        for (long t : sliceStarts) headers.add(Units.instant(t - run.startTime()));

        int nodes = run.cluster().nodeCount();
        List<List<String>> cells = new ArrayList<>();
        boolean[] shared = new boolean[nodes];
        for (int n = 0; n < nodes; n++) cells.add(new ArrayList<>());
        for (long t : sliceStarts) {
            List<List<String>> active = new ArrayList<>();
            List<List<String>> waiting = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                active.add(new ArrayList<>());
                waiting.add(new ArrayList<>());
            }
            for (Segment s : run.segments()) {
                if (s.kind() == SegmentKind.WAITING || !(s.start() <= t && t < s.end())) continue;
                String name = run.job(s.job()).name();
                for (int node : s.nodes()) {
                    (s.kind() == SegmentKind.SUSPENDED ? waiting : active).get(node).add(name);
                }
            }
            for (int n = 0; n < nodes; n++) {
                if (active.get(n).size() + waiting.get(n).size() >= 2 && !waiting.get(n).isEmpty()) shared[n] = true;
                String cell = String.join(" ", active.get(n));
                if (!waiting.get(n).isEmpty()) cell += (cell.isEmpty() ? "" : " ") + "(" + String.join(" ", waiting.get(n)) + ")";
                cells.get(n).add(cell);
            }
        }
        for (int n = 0; n < nodes; n++) {
            if (shared[n]) rows.add(new Row(run.cluster().nodeName(n), List.copyOf(cells.get(n))));
        }
        if (rows.isEmpty()) {
            sliceStarts.clear();
            headers.clear();
            slicesLeftOut = 0;
        }
    }

    /** True when no node was shared: nothing to show. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Column headers: the start of each slice, from the start of the run. */
    public List<String> headers() {
        return List.copyOf(headers);
    }

    public List<Long> sliceStarts() {
        return List.copyOf(sliceStarts);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** A line under the matrix: what it shows, and how many slices are left out. */
    public String caption() {
        if (rows.isEmpty()) return "No node was shared: no time slices.";
        return rows.size() + " shared node" + (rows.size() == 1 ? "" : "s") + ", " + sliceStarts.size() + " slices"
                + (slicesLeftOut > 0 ? " (first " + sliceStarts.size() + "; " + slicesLeftOut + " more not shown)" : "")
                + ". Running jobs, then (suspended) ones.";
    }
}
