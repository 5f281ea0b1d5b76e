package org.preemptlab.app.gui.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.preemptlab.app.gui.background.ProgressSink;
import org.preemptlab.app.gui.run.JobFacts;
import org.preemptlab.app.gui.run.RunRecord;
import org.preemptlab.metrics.StartShift;
import org.preemptlab.units.Units;

/**
 * The difference Gantt of two compared runs of one workload: which jobs moved, by how much. Run A
 * and run B are picked among the compared variants (A: the baseline at first, B: the next); rows are
 * sorted by start in A, by the size of the move, or by the move (earliest first); the table lists the
 * largest moves.
 *
 * <p>The comparison of a pair of runs and its rows in each order are computed once and cached; the
 * window computes them with {@link #prepare} on the background runner (a 200k-job pair takes
 * seconds), so that the getters cost nothing on the UI thread.
 */
public final class DifferenceGanttViewModel {

    /** Most rows drawn (the first ones in the chosen order); the CSV has every job. */
    public static final int MAX_ROWS = 1_500;
    /** Rows of the largest-moves table. */
    public static final int LARGEST = 25;
    /** Rows named on the axis up to this many (numbered beyond). */
    public static final int NAMED_ROWS = 60;

    /** Orders of the rows. */
    public enum Order {
        START_A("start in A", StartShift.BY_START_A), SIZE("largest move first", StartShift.BY_SIZE),
        SHIFT("earliest-moved first", StartShift.BY_SHIFT);

        private final String label;
        private final Comparator<StartShift> comparator;

        Order(String label, Comparator<StartShift> comparator) {
            this.label = label;
            this.comparator = comparator;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final List<String> labels;
    private final List<RunRecord> runs;
    private final IntegerProperty a = new SimpleIntegerProperty(this, "a", 0);
    private final IntegerProperty b = new SimpleIntegerProperty(this, "b", 1);
    private final ObjectProperty<Order> order = new SimpleObjectProperty<>(this, "order", Order.START_A);
    /** Comparisons by pair "a,b"; sorted shifts by "a,b,order". Filled by {@link #prepare} or on first use. */
    private final Map<String, StartShift.Comparison> comparisons = new HashMap<>();
    private final Map<String, List<StartShift>> sorted = new HashMap<>();

    public DifferenceGanttViewModel(List<String> labels, List<RunRecord> runs) {
        if (labels.size() != runs.size() || runs.size() < 2) {
            throw new IllegalArgumentException("a difference Gantt needs two runs or more (" + runs.size() + " given)");
        }
        this.labels = List.copyOf(labels);
        this.runs = List.copyOf(runs);
    }

    public List<String> labels() {
        return labels;
    }

    /** Whether this compares exactly {@code other} (the same run records, in order). */
    public boolean sameRuns(List<RunRecord> other) {
        if (other.size() != runs.size()) return false;
        for (int i = 0; i < runs.size(); i++) if (other.get(i) != runs.get(i)) return false;
        return true;
    }

    /** Run A's index among the variants. */
    public IntegerProperty aProperty() {
        return a;
    }

    public IntegerProperty bProperty() {
        return b;
    }

    public ObjectProperty<Order> orderProperty() {
        return order;
    }

    public String labelA() {
        return labels.get(a.get());
    }

    public String labelB() {
        return labels.get(b.get());
    }

    /** Job by job, runs A and B. */
    public StartShift.Comparison comparison() {
        return comparison(a.get(), b.get());
    }

    private synchronized StartShift.Comparison comparison(int ia, int ib) {
        return comparisons.computeIfAbsent(ia + "," + ib, k -> StartShift.compare(times(runs.get(ia)), times(runs.get(ib))));
    }

    private synchronized List<StartShift> sortedShifts(int ia, int ib, Order o) {
        return sorted.computeIfAbsent(ia + "," + ib + "," + o, k -> comparison(ia, ib).shifts().stream().sorted(o.comparator).toList());
    }

    /**
     * Computes (into the caches) the comparison of the chosen pair and its rows in the chosen order:
     * for a background task, before the view reads them on the UI thread. The choice is read by the
     * caller (on the UI thread) and passed in.
     */
    public void prepare(int ia, int ib, Order o, ProgressSink progress) {
        progress.progress(-1, "comparing " + labels.get(ia) + " and " + labels.get(ib) + " job by job");
        comparison(ia, ib);
        progress.checkCancelled();
        sortedShifts(ia, ib, o);
    }

    private static List<StartShift.JobTimes> times(RunRecord r) {
        List<StartShift.JobTimes> out = new ArrayList<>(r.jobs().size());
        for (JobFacts j : r.jobs()) out.add(new StartShift.JobTimes(j.index(), j.name(), j.submit(), j.firstStart(), j.end()));
        return out;
    }

    /** The rows drawn, in the chosen order (at most {@value #MAX_ROWS}). */
    public List<StartShift> rows() {
        List<StartShift> all = sortedShifts(a.get(), b.get(), order.get());
        return all.subList(0, Math.min(MAX_ROWS, all.size()));
    }

    /** The time axis' unit, from the later run's span. */
    public ChartTimeUnit timeUnit() {
        RunRecord x = runs.get(a.get()), y = runs.get(b.get());
        return ChartTimeUnit.forSpan(Math.max(x.endTime(), y.endTime()) - Math.min(x.startTime(), y.startTime()));
    }

    public String title() {
        return "Difference Gantt: " + labelB() + " against " + labelA();
    }

    /** "12 jobs start earlier in B, 5 later, 40 as in A; mean move −3 min 20 s; largest: job7 +2 h 05 min". */
    public String summary() {
        StartShift.Comparison c = comparison();
        StringBuilder s = new StringBuilder();
        s.append(Units.count(c.earlier(), "job")).append(" start earlier in B, ").append(Units.group(c.later())).append(" later, ")
                .append(Units.group(c.unchanged())).append(" as in A; mean move ").append(signed(Math.round(c.meanShift())));
        List<StartShift> top = c.largest(1);
        if (!top.isEmpty() && top.get(0).shift() != 0) s.append("; largest: ").append(top.get(0).name()).append(' ').append(signed(top.get(0).shift()));
        if (c.notStartedInBoth() > 0) s.append("; ").append(Units.count(c.notStartedInBoth(), "job")).append(" did not start in both runs");
        int total = c.shifts().size();
        if (total > MAX_ROWS) s.append("; the first ").append(Units.group(MAX_ROWS)).append(" rows drawn (CSV: all ").append(Units.group(total)).append(')');
        return s.toString();
    }

    /** A row of the largest-moves table, for people (the raw shift for sorting). */
    public record MoveRow(String job, String startA, String startB, String move, long shiftSeconds) {}

    public List<MoveRow> largestMoves() {
        return comparison().largest(LARGEST).stream().filter(m -> m.shift() != 0)
                .map(m -> new MoveRow(m.name(), Units.instant(m.startA()), Units.instant(m.startB()), signed(m.shift()), m.shift()))
                .toList();
    }

    /** {@code job,submit_s,start_a_s,start_b_s,shift_s,end_a_s,end_b_s}, every job that started in both, in the chosen order. */
    public String csv() {
        StringBuilder out = new StringBuilder("job,submit_s,start_a_s,start_b_s,shift_s,end_a_s,end_b_s\n");
        for (StartShift m : sortedShifts(a.get(), b.get(), order.get())) {
            out.append(m.name().contains(",") ? '"' + m.name().replace("\"", "\"\"") + '"' : m.name()).append(',').append(m.submit())
                    .append(',').append(m.startA()).append(',').append(m.startB()).append(',').append(m.shift()).append(',')
                    .append(m.endA()).append(',').append(m.endB()).append('\n');
        }
        return out.toString();
    }

    /** A signed duration: {@code +5 min}, {@code -2 h 10 min}, {@code 0 s}. */
    static String signed(long seconds) {
        return (seconds > 0 ? "+" : "") + Units.duration(seconds);
    }
}
