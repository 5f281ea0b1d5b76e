package org.preemptlab.app.gui.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
import org.preemptlab.metrics.MaintenanceCost;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.units.Units;
import org.preemptlab.metrics.Metrics;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.app.gui.compare.MetricRow.Unit;
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
    private final ObservableSet<SchedulerKind> chosen = FXCollections.observableSet(defaultChoice(SchedulerKind.EASY));
    /** The choice last made for the user; while the check boxes still show it, it follows the scenario's scheduler. */
    private Set<SchedulerKind> lastDefault = defaultChoice(SchedulerKind.EASY);
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

    /** FCFS, EASY and conservative backfill; the scenario's own scheduler in place of conservative when it is another. */
    static Set<SchedulerKind> defaultChoice(SchedulerKind scenarios) {
        EnumSet<SchedulerKind> s = EnumSet.of(SchedulerKind.FCFS, SchedulerKind.EASY, SchedulerKind.CONSERVATIVE);
        if (scenarios != null && !s.contains(scenarios)) {
            s.remove(SchedulerKind.CONSERVATIVE);
            s.add(scenarios);
        }
        return s;
    }

    /**
     * Makes the default choice include the scenario's scheduler (called when the compare page is
     * shown); a choice the user made stays as it is.
     */
    public void followScenario() {
        if (!chosen.equals(lastDefault)) return;
        Set<SchedulerKind> d = defaultChoice(scenario.get().scheduler().kind());
        lastDefault = d;
        chosen.retainAll(d);
        chosen.addAll(d);
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

    private final StringProperty loadGrowth = new SimpleStringProperty(this, "loadGrowth", "30");

    /** The load growth, percent, of {@link #runLoadGrowth()} (text as typed; "30" = +30 %). */
    public StringProperty loadGrowthProperty() {
        return loadGrowth;
    }

    /**
     * "Today vs +p % load": the scenario with its own scheduler, and the same scenario with the arrival
     * rate × (1 + p/100) (inter-arrival times divided, {@link org.preemptlab.growth.LoadScaling#arrivals}).
     *
     * @return false (with {@link #messageProperty()} saying why) when the growth is not a number in (−100, 1000] or the scenario has problems
     */
    public boolean runLoadGrowth() {
        double percent;
        try {
            percent = Double.parseDouble(loadGrowth.get().strip().replace("%", "").replace("+", "").strip());
        } catch (NumberFormatException e) {
            message.set("Load growth: \"" + loadGrowth.get() + "\" is not a number of percent (e.g. 30)");
            return false;
        }
        if (!(percent > -100 && percent <= 1000) || percent == 0) {
            message.set("Load growth: " + loadGrowth.get() + " %; must be in −100 … 1000 and not 0");
            return false;
        }
        ScenarioDraft draft = scenario.get();
        List<VariantPlan> plans = new ArrayList<>();
        try {
            check.check();
            SimulationConfig today = ScenarioConverter.toConfig(draft);
            double k = 1 + percent / 100;
            SimulationConfig grown = new SimulationConfig(today.cluster(), org.preemptlab.growth.LoadScaling.arrivals(today.jobs(), k),
                    today.policy(), today.preemption(), today.maintenance(), today.failures(), today.backend(), today.recording(),
                    today.initialRuns());
            String label = String.format(java.util.Locale.ROOT, "%+.0f %% load", percent);
            plans.add(new VariantPlan("today", "Today", today));
            plans.add(new VariantPlan("load" + String.format(java.util.Locale.ROOT, "%+.0f", percent), label + " (arrivals × "
                    + Units.number(k) + ")", grown));
        } catch (ScenarioException | IllegalArgumentException e) {
            message.set("The scenario has problems: " + e.getMessage());
            return false;
        }
        return runPlans(draft.name(), plans, "loads");
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
        showIndexed(ok.stream().map(VariantPlan::key).toList(), ok.stream().map(VariantPlan::label).toList(), runs,
                ok.stream().map(p -> p.config().maintenance().isEmpty() ? null : p.config().maintenance().get(0)).toList(), what);
        if (!failures.isEmpty()) message.set(String.join("\n", failures) + (runs.isEmpty() ? "" : "\n" + message.get()));
    }

    /** The timeline index of a run, built on the worker thread (seconds for big traces). */
    private static GanttIndex indexed(RunRecord run) {
        return new GanttIndex(run);
    }

    /** Shows finished runs (also used by tests with hand-made runs). */
    public void show(List<SchedulerKind> policies, List<RunRecord> runs) {
        showIndexed(policies.stream().map(SchedulerKind::id).toList(), policies.stream().map(SchedulerKind::label).toList(),
                runs.stream().map(GanttIndex::new).toList(), java.util.Collections.nCopies(runs.size(), null), "schedulers");
    }

    private void showIndexed(List<String> keys, List<String> labels, List<GanttIndex> indexes, List<MaintenanceWindow> windows,
            String what) {
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
            g.showFutureProperty().set(true); // the whole schedule at once; the cursor marks a time (was empty until dragged)
            g.setVisibleRange(start - (end - start) * 0.01, (end - start) * 1.03);
            list.add(new Variant(keys.get(i), labels.get(i), runs.get(i), g));
        }
        for (Variant v : list) v.gantt().revisionProperty().addListener((o, a, b) -> syncRange(v.gantt(), list));
        variants.setAll(list);
        metrics.setAll(metricRows(runs, windows));
        message.set("Compared " + runs.size() + " " + what + " on " + (runs.isEmpty() ? "" : org.preemptlab.units.Units.count(runs.get(0).jobs().size(), "job"))
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

    /** The difference Gantt of the compared runs (A: the baseline, B: the next), or null with fewer than two. */
    public DifferenceGanttViewModel differenceGantt() {
        if (variants.size() < 2) return null;
        List<String> labels = variants.stream().map(Variant::label).toList();
        List<org.preemptlab.app.gui.run.RunRecord> runs = variants.stream().map(Variant::run).toList();
        // the same compared runs: the same view-model, with its cached comparisons
        if (difference == null || !difference.labels().equals(labels) || !difference.sameRuns(runs)) {
            difference = new DifferenceGanttViewModel(labels, runs);
        }
        return difference;
    }

    /** The last difference Gantt's view-model (its comparisons cached), for the same compared runs. */
    private DifferenceGanttViewModel difference;

    /** The background runner (the difference Gantt's comparisons run on it). */
    public TaskRunner runner() {
        return runner;
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
        return metricRows(runs, java.util.Collections.nCopies(runs.size(), null));
    }

    /**
     * The table: the run metrics, and when the runs have a maintenance window, what their first
     * window cost (as the {@code maintenance} command and the break-even chart count it).
     *
     * @param windows each run's first maintenance window, or null
     */
    static List<MetricRow> metricRows(List<RunRecord> runs, List<MaintenanceWindow> windows) {
        List<MetricRow> rows = new ArrayList<>();
        rows.add(row(runs, "Mean wait", true, Unit.DURATION, Metrics::meanWaitSeconds));
        rows.add(row(runs, "Median wait", true, Unit.DURATION, Metrics::medianWaitSeconds));
        rows.add(row(runs, "95th percentile wait", true, Unit.DURATION, Metrics::p95WaitSeconds));
        rows.add(row(runs, "Mean response", true, Unit.DURATION, Metrics::meanResponseSeconds));
        rows.add(row(runs, "Mean bounded slowdown", true, Unit.NUMBER, Metrics::meanBoundedSlowdown));
        rows.add(row(runs, "Utilization", false, Unit.SHARE, Metrics::utilization));
        rows.add(row(runs, "Mean queue length", true, Unit.NUMBER, Metrics::meanQueueLength));
        rows.add(row(runs, "Makespan", true, Unit.DURATION, m -> m.makespanSeconds()));
        rows.add(row(runs, "Jobs preempted", true, Unit.SHARE, Metrics::preemptedJobShare));
        rows.add(row(runs, "Lost work", true, Unit.CORE_SECONDS, Metrics::lostWorkProcSeconds));
        rows.add(row(runs, "Checkpoint + restart I/O", true, Unit.CORE_SECONDS, Metrics::checkpointOverheadProcSeconds));
        rows.add(row(runs, "Wasted share", true, Unit.SHARE, Metrics::wastedShare));
        rows.add(row(runs, "Jobs killed for good", true, Unit.JOBS, m -> m.killedJobs()));
        rows.addAll(maintenanceRows(runs, windows));
        return rows;
    }

    /** Names of the maintenance cost rows, as in the {@code maintenance} command's columns. */
    static final String IDLE_BEFORE_T = "Maintenance: idle node-hours before T";
    static final String LOST = "Maintenance: lost work";
    static final String IO = "Maintenance: checkpoint + restart I/O";
    static final String COST = "Maintenance: cost (idle + lost + I/O)";
    static final String IDLE_ENERGY = "Maintenance: idle energy before T";
    static final String MISSES = "Maintenance: checkpoint writes after T";

    /**
     * What a metric row's name means when its name alone does not say it all (the table's names are kept short
     * enough for two lines): shown as the name's tooltip; otherwise the name itself.
     */
    public static String help(String metric) {
        if (IDLE_ENERGY.equals(metric)) {
            return "Maintenance: idle energy before T, at " + Units.number(MaintenanceCost.DEFAULT_IDLE_WATTS_PER_NODE)
                    + " W per idle node (the maintenance command's --idle-watts)";
        }
        if (MISSES.equals(metric)) return "Maintenance: jobs whose checkpoint write is not done by T, the window's start";
        return metric;
    }

    /**
     * The first window's cost in node-hours for every run that has one ({@link MaintenanceCost}, idle
     * time counted over the longest job estimate before T, as the {@code maintenance} command does);
     * none when no run has a window.
     */
    private static List<MetricRow> maintenanceRows(List<RunRecord> runs, List<MaintenanceWindow> windows) {
        if (windows.stream().allMatch(java.util.Objects::isNull)) return List.of();
        MaintenanceCost[] costs = new MaintenanceCost[runs.size()];
        for (int i = 0; i < costs.length; i++) {
            MaintenanceWindow w = windows.get(i);
            var result = runs.get(i).source();
            if (w == null || result == null) continue;
            long lookBack = result.jobs().stream().mapToLong(j -> j.spec().estimate()).max().orElse(3600);
            costs[i] = MaintenanceCost.of(result, w, result, lookBack);
        }
        List<MetricRow> rows = new ArrayList<>();
        rows.add(costRow(costs, IDLE_BEFORE_T, MaintenanceCost::idleNodeHoursBefore));
        rows.add(costRow(costs, LOST, MaintenanceCost::lostNodeHours));
        rows.add(costRow(costs, IO, MaintenanceCost::ioNodeHours));
        rows.add(costRow(costs, COST, MaintenanceCost::totalNodeHours));
        double[] kwh = new double[costs.length];
        double[] misses = new double[costs.length];
        for (int i = 0; i < costs.length; i++) {
            kwh[i] = costs[i] == null ? Double.NaN : costs[i].idleEnergyKwh();
            misses[i] = costs[i] == null ? Double.NaN : costs[i].checkpointMisses().size();
        }
        rows.add(new MetricRow(IDLE_ENERGY, true, Unit.KWH, kwh));
        rows.add(new MetricRow(MISSES, true, Unit.JOBS, misses));
        return rows;
    }

    private static MetricRow costRow(MaintenanceCost[] costs, String name, ToDoubleFunction<MaintenanceCost> f) {
        double[] v = new double[costs.length];
        for (int i = 0; i < v.length; i++) v[i] = costs[i] == null ? Double.NaN : f.applyAsDouble(costs[i]);
        return new MetricRow(name, true, Unit.NODE_HOURS, v);
    }

    private static MetricRow row(List<RunRecord> runs, String name, boolean lower, Unit unit, ToDoubleFunction<Metrics> f) {
        double[] v = new double[runs.size()];
        for (int i = 0; i < v.length; i++) v[i] = runs.get(i).metrics() == null ? 0 : f.applyAsDouble(runs.get(i).metrics());
        return new MetricRow(name, lower, unit, v);
    }

    /**
     * Queue length over time (hours), one step line per variant, from the common start (an empty
     * queue until the first change), so its time axis starts where the other charts' do.
     */
    public List<ChartSeries> queueSeries() {
        List<ChartSeries> out = new ArrayList<>();
        double unit = chartTimeUnit().seconds();
        double from = start() / unit;
        for (Variant v : variants) {
            StepSeries q = v.gantt().index().queue();
            double[] x = new double[q.size() * 2 + 1];
            double[] y = new double[q.size() * 2 + 1];
            x[0] = Math.min(from, q.size() == 0 ? from : q.timeAt(0) / unit);
            double last = 0;
            for (int i = 0; i < q.size(); i++) {
                x[2 * i + 1] = q.timeAt(i) / unit;
                y[2 * i + 1] = last;
                x[2 * i + 2] = q.timeAt(i) / unit;
                y[2 * i + 2] = q.valueAtIndex(i);
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
                x[b] = (from + to) / 2.0 / chartTimeUnit().seconds();
                y[b] = idx.usefulCores().averageOver(from, Math.max(from + 1, to)) / cores;
            }
            out.add(new ChartSeries(v.label(), x, y));
        }
        return out;
    }

    /** The time axis of the queue and utilization charts: minutes, hours or days, from the compared span. */
    public ChartTimeUnit chartTimeUnit() {
        return ChartTimeUnit.forSpan(end() - start());
    }

    /** The wait axis of the wait-time CDF, from the longest wait. */
    public ChartTimeUnit waitTimeUnit() {
        long longest = 0;
        for (Variant v : variants) for (JobFacts j : v.run().jobs()) longest = Math.max(longest, j.totalWait());
        return ChartTimeUnit.forSpan(longest);
    }

    /** The wait-time CDF: fraction of jobs that waited at most x ({@link #waitTimeUnit()}). */
    public List<ChartSeries> waitCdf() {
        List<ChartSeries> out = new ArrayList<>();
        double unit = waitTimeUnit().seconds();
        for (Variant v : variants) {
            double[] waits = v.run().jobs().stream().mapToDouble(JobFacts::totalWait).sorted().toArray();
            int n = waits.length;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = waits[i] / unit;
                y[i] = (i + 1.0) / n;
            }
            out.add(new ChartSeries(v.label(), x, y));
        }
        return out;
    }

}
