package org.preemptlab.app.gui.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.run.GanttIndex;
import org.preemptlab.app.gui.run.GanttViewModel;
import org.preemptlab.app.gui.run.JobFacts;
import org.preemptlab.app.gui.run.RunRecord;
import org.preemptlab.app.gui.run.ScenarioRunner;
import org.preemptlab.app.gui.run.StepSeries;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.app.gui.scenario.ScenarioConverter;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioException;
import org.preemptlab.metrics.Metrics;
import org.preemptlab.sim.MaintenanceStrategy;

/**
 * Compares 2–4 schedulers on the same scenario: runs them in the background, gives each a Gantt
 * sharing one cursor and one visible time range, and derives the charts (queue length and
 * utilization over time, wait-time CDF) and the metrics table (deltas against the first variant,
 * best value marked).
 */
public final class CompareViewModel {

    public static final int MIN_VARIANTS = 2;
    public static final int MAX_VARIANTS = 4;
    private static final int UTILIZATION_BUCKETS = 200;

    private final TaskRunner runner;
    private final Supplier<ScenarioDraft> scenario;
    private final ObservableSet<SchedulerKind> chosen = FXCollections.observableSet(EnumSet.of(SchedulerKind.FCFS,
            SchedulerKind.EASY, SchedulerKind.CONSERVATIVE));
    private final ObservableSet<MaintenanceStrategy> chosenStrategies = FXCollections.observableSet(
            EnumSet.of(MaintenanceStrategy.DRAIN, MaintenanceStrategy.CHECKPOINT));
    private final ObservableList<Variant> variants = FXCollections.observableArrayList();
    private final ObservableList<MetricRow> metrics = FXCollections.observableArrayList();
    private final LongProperty cursor = new SimpleLongProperty(this, "cursor", 0);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private boolean syncing;
    private final BreakEvenViewModel breakEven;
    private ScenarioCheck check = () -> {};

    /** A check of the scenario beyond the draft's own problems (e.g. editor fields whose text does not parse). */
    @FunctionalInterface
    public interface ScenarioCheck {
        void check() throws ScenarioException;
    }

    public CompareViewModel(TaskRunner runner, Supplier<ScenarioDraft> scenario) {
        this.runner = runner;
        this.scenario = scenario;
        this.breakEven = new BreakEvenViewModel(runner, scenario);
    }

    /** Runs {@code c} before every comparison and break-even sweep; its problems stop them. */
    public void checkBeforeRun(ScenarioCheck c) {
        this.check = Objects.requireNonNull(c, "check");
        breakEven.checkBeforeRun(c);
    }

    /** The break-even tab: drain vs checkpoint over checkpoint bandwidth × image size. */
    public BreakEvenViewModel breakEven() {
        return breakEven;
    }

    public ObservableSet<SchedulerKind> chosen() {
        return chosen;
    }

    public ObservableList<Variant> variants() {
        return variants;
    }

    public ObservableList<MetricRow> metrics() {
        return metrics;
    }

    public LongProperty cursorProperty() {
        return cursor;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Why the comparison cannot run with the current choice, or null. */
    public String choiceProblem() {
        int n = chosen.size();
        if (n < MIN_VARIANTS) return "pick at least " + MIN_VARIANTS + " schedulers (" + n + " picked)";
        if (n > MAX_VARIANTS) return "pick at most " + MAX_VARIANTS + " schedulers (" + n + " picked)";
        return null;
    }

    /**
     * Runs every chosen scheduler on the scenario in the background.
     *
     * @return false (with {@link #messageProperty()} saying why) when it cannot start
     */
    public boolean run() {
        String problem = choiceProblem();
        if (problem != null) {
            message.set(problem);
            return false;
        }
        ScenarioDraft draft = scenario.get();
        List<VariantPlan> plans = new ArrayList<>();
        try {
            check.check();
            for (SchedulerKind p : SchedulerKind.values()) {
                if (chosen.contains(p)) plans.add(new VariantPlan(p.id(), p.label(), ScenarioConverter.toConfig(draft, p)));
            }
        } catch (ScenarioException e) {
            message.set("The scenario has problems: " + e.getMessage());
            return false;
        }
        return runPlans(draft.name(), plans, "schedulers");
    }

    /** The maintenance strategies compared by {@link #runStrategies()} (drain and checkpoint at first). */
    public ObservableSet<MaintenanceStrategy> chosenStrategies() {
        return chosenStrategies;
    }

    /**
     * Runs the scenario with the chosen strategy on every maintenance window (its own scheduler),
     * e.g. drain vs checkpoint.
     *
     * @return false (with {@link #messageProperty()} saying why) when it cannot start
     */
    public boolean runStrategies() {
        int n = chosenStrategies.size();
        if (n < MIN_VARIANTS || n > MAX_VARIANTS) {
            message.set("pick " + MIN_VARIANTS + "–" + MAX_VARIANTS + " maintenance strategies (" + n + " picked)");
            return false;
        }
        ScenarioDraft draft = scenario.get();
        if (draft.maintenance().isEmpty()) {
            message.set("The scenario has no maintenance window: add one in the editor (Maintenance) to compare strategies.");
            return false;
        }
        List<VariantPlan> plans = new ArrayList<>();
        try {
            check.check();
            for (MaintenanceStrategy st : MaintenanceStrategy.values()) {
                if (!chosenStrategies.contains(st)) continue;
                ScenarioDraft d = draft.withMaintenance(draft.maintenance().stream().map(m -> m.withStrategy(st)).toList());
                plans.add(new VariantPlan(st.label(), "Maintenance: " + st.label(), ScenarioConverter.toConfig(d)));
            }
        } catch (ScenarioException e) {
            message.set("The scenario has problems: " + e.getMessage());
            return false;
        }
        return runPlans(draft.name(), plans, "maintenance strategies");
    }

    /**
     * Runs the break-even chart's picked cell as two variants, drain and checkpoint, with that
     * cell's bandwidth and image size.
     *
     * @return false (with {@link #messageProperty()} saying why) when no cell is picked
     */
    public boolean runBreakEvenCell() {
        List<VariantPlan> plans = breakEven.selectedCellPlans();
        if (plans.isEmpty()) {
            message.set("Pick a cell of the break-even chart first.");
            return false;
        }
        return runPlans(breakEven.resultProperty().get().scenario(), plans, "maintenance strategies");
    }

    /** Runs the variants in the background and shows them (2–4 of them). */
    public boolean runPlans(String title, List<VariantPlan> plans, String what) {
        message.set("Running " + plans.size() + " variants …");
        runner.submit("Comparing " + plans.size() + " " + what, sink -> {
            List<Object> outcomes = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                int k = i;
                try {
                    outcomes.add(indexed(ScenarioRunner.simulate(title + " — " + plans.get(i).label(), plans.get(i).config(),
                            new org.preemptlab.app.gui.background.ProgressSink() {
                                @Override
                                public void progress(double fraction, String text) {
                                    sink.progress((k + Math.max(0, fraction)) / plans.size(), text);
                                }

                                @Override
                                public boolean isCancelled() {
                                    return sink.isCancelled();
                                }
                            })));
                } catch (CancellationException e) {
                    throw e;
                } catch (RuntimeException e) {
                    outcomes.add(e);
                }
            }
            return outcomes;
        }, outcomes -> showOutcomes(plans, outcomes, what), error -> message.set(error instanceof CancellationException
                ? "Comparison cancelled." : "The comparison failed: " + error.getMessage()));
        return true;
    }

    /** Shows the variants that ran; names the ones that failed (a failing variant never hides the others). */
    private void showOutcomes(List<VariantPlan> plans, List<Object> outcomes, String what) {
        List<VariantPlan> ok = new ArrayList<>();
        List<GanttIndex> runs = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof GanttIndex r) {
                ok.add(plans.get(i));
                runs.add(r);
            } else {
                Throwable t = (Throwable) outcomes.get(i);
                failures.add(plans.get(i).label() + " failed: " + (t.getMessage() == null ? t.toString() : t.getMessage()));
            }
        }
        showIndexed(ok.stream().map(VariantPlan::key).toList(), ok.stream().map(VariantPlan::label).toList(), runs, what);
        if (!failures.isEmpty()) message.set(String.join("\n", failures) + (runs.isEmpty() ? "" : "\n" + message.get()));
    }

    /** The timeline index of a run, built on the worker thread (seconds for big traces). */
    private static GanttIndex indexed(RunRecord run) {
        return new GanttIndex(run);
    }

    /** Shows finished runs (also used by tests with hand-made runs). */
    public void show(List<SchedulerKind> policies, List<RunRecord> runs) {
        showIndexed(policies.stream().map(SchedulerKind::id).toList(), policies.stream().map(SchedulerKind::label).toList(),
                runs.stream().map(GanttIndex::new).toList(), "schedulers");
    }

    private void showIndexed(List<String> keys, List<String> labels, List<GanttIndex> indexes, String what) {
        List<RunRecord> runs = indexes.stream().map(GanttIndex::run).toList();
        List<Variant> list = new ArrayList<>();
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (RunRecord r : runs) {
            start = Math.min(start, r.startTime());
            end = Math.max(end, r.endTime());
        }
        cursor.set(start);
        for (int i = 0; i < runs.size(); i++) {
            GanttViewModel g = new GanttViewModel(indexes.get(i), cursor);
            g.setVisibleRange(start - (end - start) * 0.01, (end - start) * 1.03);
            list.add(new Variant(keys.get(i), labels.get(i), runs.get(i), g));
        }
        for (Variant v : list) v.gantt().revisionProperty().addListener((o, a, b) -> syncRange(v.gantt(), list));
        variants.setAll(list);
        metrics.setAll(metricRows(runs));
        message.set("Compared " + runs.size() + " " + what + " on " + (runs.isEmpty() ? "" : runs.get(0).jobs().size() + " jobs")
                + "; deltas are against " + (labels.isEmpty() ? "" : labels.get(0)) + ".");
    }

    /** Keeps every Gantt on the same time range as the one the user moved. */
    private void syncRange(GanttViewModel source, List<Variant> list) {
        if (syncing) return;
        syncing = true;
        try {
            for (Variant v : list) {
                GanttViewModel g = v.gantt();
                if (g != source && (g.viewStart() != source.viewStart() || g.viewSpan() != source.viewSpan())) {
                    g.setVisibleRange(source.viewStart(), source.viewSpan());
                }
            }
        } finally {
            syncing = false;
        }
    }

    public long start() {
        return variants.stream().mapToLong(v -> v.run().startTime()).min().orElse(0);
    }

    public long end() {
        return variants.stream().mapToLong(v -> v.run().endTime()).max().orElse(1);
    }

    public void scrubTo(double fraction) {
        long s = start();
        cursor.set(s + Math.round(Math.max(0, Math.min(1, fraction)) * (end() - s)));
    }

    // ---------------------------------------------------------------- metrics and charts

    static List<MetricRow> metricRows(List<RunRecord> runs) {
        List<MetricRow> rows = new ArrayList<>();
        rows.add(row(runs, "Mean wait", true, "%.0f s", Metrics::meanWaitSeconds));
        rows.add(row(runs, "Median wait", true, "%.0f s", Metrics::medianWaitSeconds));
        rows.add(row(runs, "95th percentile wait", true, "%.0f s", Metrics::p95WaitSeconds));
        rows.add(row(runs, "Mean response", true, "%.0f s", Metrics::meanResponseSeconds));
        rows.add(row(runs, "Mean bounded slowdown", true, "%.2f", Metrics::meanBoundedSlowdown));
        rows.add(row(runs, "Utilization", false, "%.3f", Metrics::utilization));
        rows.add(row(runs, "Mean queue length", true, "%.2f", Metrics::meanQueueLength));
        rows.add(row(runs, "Makespan", true, "%.0f s", m -> m.makespanSeconds()));
        rows.add(row(runs, "Jobs preempted", true, "%.3f", Metrics::preemptedJobShare));
        rows.add(row(runs, "Lost work", true, "%.0f core·s", Metrics::lostWorkProcSeconds));
        rows.add(row(runs, "Checkpoint + restart I/O", true, "%.0f core·s", Metrics::checkpointOverheadProcSeconds));
        rows.add(row(runs, "Wasted share", true, "%.4f", Metrics::wastedShare));
        rows.add(row(runs, "Jobs killed for good", true, "%.0f", m -> m.killedJobs()));
        return rows;
    }

    private static MetricRow row(List<RunRecord> runs, String name, boolean lower, String format, ToDoubleFunction<Metrics> f) {
        double[] v = new double[runs.size()];
        for (int i = 0; i < v.length; i++) v[i] = runs.get(i).metrics() == null ? 0 : f.applyAsDouble(runs.get(i).metrics());
        return new MetricRow(name, lower, format, v);
    }

    /** Queue length over time (hours), one step line per variant. */
    public List<ChartSeries> queueSeries() {
        List<ChartSeries> out = new ArrayList<>();
        for (Variant v : variants) {
            StepSeries q = v.gantt().index().queue();
            double[] x = new double[q.size() * 2];
            double[] y = new double[q.size() * 2];
            double last = 0;
            for (int i = 0; i < q.size(); i++) {
                x[2 * i] = q.timeAt(i) / 3600.0;
                y[2 * i] = last;
                x[2 * i + 1] = q.timeAt(i) / 3600.0;
                y[2 * i + 1] = q.valueAtIndex(i);
                last = q.valueAtIndex(i);
            }
            out.add(new ChartSeries(v.label(), x, y));
        }
        return out;
    }

    /** Useful utilization averaged over {@value #UTILIZATION_BUCKETS} buckets of the common time range. */
    public List<ChartSeries> utilizationSeries() {
        List<ChartSeries> out = new ArrayList<>();
        long s = start();
        long e = end();
        double width = Math.max(1, (double) (e - s) / UTILIZATION_BUCKETS);
        for (Variant v : variants) {
            GanttIndex idx = v.gantt().index();
            double cores = Math.max(1, idx.totalCores());
            double[] x = new double[UTILIZATION_BUCKETS];
            double[] y = new double[UTILIZATION_BUCKETS];
            for (int b = 0; b < UTILIZATION_BUCKETS; b++) {
                long from = s + Math.round(b * width);
                long to = s + Math.round((b + 1) * width);
                x[b] = (from + to) / 2.0 / 3600.0;
                y[b] = idx.usefulCores().averageOver(from, Math.max(from + 1, to)) / cores;
            }
            out.add(new ChartSeries(v.label(), x, y));
        }
        return out;
    }

    /** The wait-time CDF: fraction of jobs that waited at most x hours. */
    public List<ChartSeries> waitCdf() {
        List<ChartSeries> out = new ArrayList<>();
        for (Variant v : variants) {
            double[] waits = v.run().jobs().stream().mapToDouble(JobFacts::totalWait).sorted().toArray();
            int n = waits.length;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = waits[i] / 3600.0;
                y[i] = (i + 1.0) / n;
            }
            out.add(new ChartSeries(v.label(), x, y));
        }
        return out;
    }

}
