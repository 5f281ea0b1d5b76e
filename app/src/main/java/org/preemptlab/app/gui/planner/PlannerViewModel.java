package org.preemptlab.app.gui.planner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.preemptlab.app.gui.background.ProgressSink;
import org.preemptlab.app.gui.compare.ChartTimeUnit;
import org.preemptlab.app.gui.run.JobFacts;
import org.preemptlab.app.gui.run.RunRecord;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;
import org.preemptlab.limits.PendingReason;
import org.preemptlab.metrics.Backlog;
import org.preemptlab.metrics.CoreState;
import org.preemptlab.metrics.GroupWaits;
import org.preemptlab.metrics.JobGrouping;
import org.preemptlab.metrics.StateUtilization;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.sim.PendingSeries;
import org.preemptlab.sim.SlurmRunRecord;
import org.preemptlab.units.Units;

/**
 * The planner's views of one finished run: utilization split by core state over time, the backlog
 * in node-hours, and wait-time CDFs and percentiles by a job grouping (QOS, account, pool, an SWF
 * trace's user / group / queue / partition). The numbers come from the model
 * ({@link StateUtilization}, {@link Backlog}, {@link GroupWaits}); this class picks units, words and
 * the CSV text (seconds).
 *
 * <p>Building one costs time proportional to the run (seconds for a 200k-job trace): the window builds
 * it with {@link #compute} on the background runner, which also fills the caches (buckets, the waits
 * of every grouping), so that the view's getters and a change of grouping cost no recomputation on
 * the UI thread.
 */
public final class PlannerViewModel {

    /** Buckets of the utilization chart. */
    public static final int BUCKETS = 240;
    /** Most groups drawn as CDF lines (the largest; the table lists all). */
    public static final int MAX_LINES = 8;
    /** Percentiles of the table, in order. */
    public static final double[] PERCENTILES = {0.5, 0.9, 0.95, 0.99};
    /** Most points of a drawn CDF line (a larger group is thinned to this many, evenly by rank; the table and CSV stay exact). */
    public static final int MAX_CDF_POINTS = 2_000;

    private final RunRecord run;
    private final StateUtilization states;
    private final Backlog backlog;
    private final List<JobSpec> specs;
    private final List<JobGrouping> groupings;
    private final ObjectProperty<JobGrouping> grouping;
    /** Waits by group, per grouping: computed once each (in {@link #compute} for all of them). */
    private final Map<JobGrouping, List<GroupWaits>> waitCache = new HashMap<>();
    private StateUtilization.Buckets buckets;

    /**
     * Builds the views of {@code run} and fills every cache, reporting progress to {@code progress}
     * and stopping (with a {@link java.util.concurrent.CancellationException}) when it is cancelled.
     * For a background task: the result is handed to the UI thread once done.
     */
    public static PlannerViewModel compute(RunRecord run, List<MaintenanceWindow> windows, ProgressSink progress) {
        progress.progress(0, "utilization by state and backlog of " + Units.count(run.jobs().size(), "job"));
        PlannerViewModel vm = new PlannerViewModel(run, windows);
        progress.checkCancelled();
        vm.buckets();
        int n = vm.groupings.size();
        for (int i = 0; i < n; i++) {
            progress.checkCancelled();
            progress.progress(0.5 + 0.5 * i / n, "waits by " + vm.groupings.get(i).name());
            vm.waitGroupsOf(vm.groupings.get(i));
        }
        progress.progress(1, "planner views ready");
        return vm;
    }

    /** @param windows the run's maintenance windows (their drain stretches), may be empty */
    public PlannerViewModel(RunRecord run, List<MaintenanceWindow> windows) {
        this.run = run;
        List<JobFacts> jobs = run.jobs();
        long lookBack = jobs.stream().mapToLong(JobFacts::estimate).max().orElse(3600);
        this.states = StateUtilization.of(run.cluster(), run.segments(), j -> jobs.get(j).coresPerNode(), run.log(),
                windows == null ? List.of() : windows, lookBack, run.startTime(), run.endTime());
        this.backlog = Backlog.of(run.segments(), j -> (long) jobs.get(j).nodes() * jobs.get(j).estimate());
        this.specs = run.source() != null ? run.source().jobs().stream().map(r -> r.spec()).toList()
                : jobs.stream().map(PlannerViewModel::specOf).toList();
        List<JobGrouping> useful = new ArrayList<>();
        for (JobGrouping g : JobGrouping.builtIn()) if (g.separates(specs)) useful.add(g);
        if (useful.isEmpty()) useful.add(JobGrouping.QOS);
        this.groupings = List.copyOf(useful);
        this.grouping = new SimpleObjectProperty<>(this, "grouping", groupings.get(0));
    }

    private static JobSpec specOf(JobFacts f) {
        return new JobSpec(f.index(), f.name(), f.submit(), f.nodes(), f.coresPerNode(), f.memoryPerNodeMb(), f.estimate(),
                f.runtime(), f.qos(), f.group(), List.of(), f.rerunnable(), f.checkpointable(), 0, 0, null);
    }

    public RunRecord run() {
        return run;
    }

    public String title() {
        return run.title();
    }

    public StateUtilization states() {
        return states;
    }

    public Backlog backlog() {
        return backlog;
    }

    // ---------------------------------------------------------------- utilization by state

    /** The time axis' unit (min, h or d, from the run's span). */
    public ChartTimeUnit timeUnit() {
        return ChartTimeUnit.forSpan(run.span());
    }

    public String timeLabel() {
        return "time (" + timeUnit().symbol() + ")";
    }

    public StateUtilization.Buckets buckets() {
        if (buckets == null) buckets = states.buckets((int) Math.max(1, Math.min(BUCKETS, run.span())));
        return buckets;
    }

    /** Bucket midpoints in {@link #timeUnit()}. */
    public double[] bucketMidpoints(StateUtilization.Buckets b) {
        double[] x = new double[b.size()];
        for (int i = 0; i < x.length; i++) x[i] = (b.edges()[i] + b.edges()[i + 1]) / 2.0 / timeUnit().seconds();
        return x;
    }

    /** One line: every state's share of the machine over the whole run, largest first ("busy 61.2 %, idle 20.1 %, …"). */
    public String stateSummary() {
        List<CoreState> order = new ArrayList<>(List.of(CoreState.values()));
        order.sort(Comparator.comparingDouble((CoreState s) -> -states.share(s)));
        List<String> parts = new ArrayList<>();
        for (CoreState s : order) if (states.share(s) > 0) parts.add(s.label() + " " + Units.share(states.share(s)));
        return Units.count(run.cluster().totalCores(), "core") + " over " + Units.duration(run.span()) + ": " + String.join(", ", parts);
    }

    /** The exact steps: {@code start_s,end_s,<state>_cores…} (machine-readable: seconds and core counts). */
    public String utilizationCsv() {
        StringBuilder out = new StringBuilder("start_s,end_s");
        for (CoreState s : CoreState.values()) out.append(',').append(s.name().toLowerCase(Locale.ROOT)).append("_cores");
        out.append('\n');
        for (int i = 0; i < states.steps(); i++) {
            out.append(states.stepStart(i)).append(',').append(states.stepStart(i + 1));
            for (CoreState s : CoreState.values()) out.append(',').append(states.cores(s, i));
            out.append('\n');
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- backlog

    /** "node-hours", or "processor-hours" on a processor machine (an SWF trace). */
    public String workUnit() {
        return run.cluster() instanceof ProcessorMachine ? "processor-hours" : "node-hours";
    }

    /** The backlog as step points (x in {@link #timeUnit()}, y in {@link #workUnit()}), from the run's start to its end. */
    public double[][] backlogPoints() {
        double unit = timeUnit().seconds();
        int n = backlog.size();
        double[] x = new double[n + 2];
        double[] y = new double[n + 2];
        x[0] = run.startTime() / unit;
        for (int i = 0; i < n; i++) {
            x[i + 1] = Math.max(run.startTime(), backlog.timeAt(i)) / unit;
            y[i + 1] = backlog.nodeSecondsAt(i) / 3600;
        }
        x[n + 1] = run.endTime() / unit;
        y[n + 1] = n == 0 ? 0 : backlog.nodeSecondsAt(n - 1) / 3600;
        return new double[][] {x, y};
    }

    public String backlogSummary() {
        double peak = backlog.peak() / 3600;
        long at = -1;
        for (int i = 0; i < backlog.size(); i++) if (backlog.nodeSecondsAt(i) == backlog.peak()) {
            at = backlog.timeAt(i);
            break;
        }
        String unit = run.cluster() instanceof ProcessorMachine ? " processor-h" : " node-h";
        return "Work waiting in the queue (nodes × requested time). Peak " + Units.number(peak) + unit
                + (at >= 0 && peak > 0 ? " at " + Units.instant(at) : "");
    }

    /** {@code time_s,waiting_jobs,backlog_node_seconds}. */
    public String backlogCsv() {
        StringBuilder out = new StringBuilder("time_s,waiting_jobs,backlog_" + (run.cluster() instanceof ProcessorMachine ? "processor" : "node")
                + "_seconds\n");
        for (int i = 0; i < backlog.size(); i++) {
            out.append(backlog.timeAt(i)).append(',').append(backlog.jobsAt(i)).append(',')
                    .append(Math.round(backlog.nodeSecondsAt(i))).append('\n');
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- pending jobs by Slurm reason

    /** The run's pending jobs by Slurm reason over time, or null (not a version-2 run). */
    public PendingSeries pendingSeries() {
        SlurmRunRecord s = run.source() == null ? null : run.source().slurm();
        return s == null ? null : s.pending();
    }

    /** Whether the run has the "pending by reason" chart (a version-2 run). */
    public boolean hasPendingReasons() {
        return pendingSeries() != null;
    }

    /** The reasons some job pended for, most job-time first (then by name). */
    public List<PendingReason> pendingReasons() {
        PendingSeries p = pendingSeries();
        if (p == null) return List.of();
        List<PendingReason> out = new ArrayList<>();
        for (PendingReason r : PendingReason.values()) if (p.max(r) > 0) out.add(r);
        out.sort(Comparator.comparingDouble((PendingReason r) -> -p.area(r, run.endTime())).thenComparing(PendingReason::label));
        return out;
    }

    /** Step points of one reason (x in {@link #timeUnit()}, y = jobs pending for it), from the run's start to its end. */
    public double[][] pendingPoints(PendingReason reason) {
        List<PendingSeries.Point> pts = pendingSeries() == null ? List.of() : pendingSeries().points();
        double unit = timeUnit().seconds();
        int n = pts.size();
        double[] x = new double[n + 2];
        double[] y = new double[n + 2];
        x[0] = run.startTime() / unit;
        for (int i = 0; i < n; i++) {
            x[i + 1] = Math.max(run.startTime(), pts.get(i).time()) / unit;
            y[i + 1] = pts.get(i).count(reason);
        }
        x[n + 1] = run.endTime() / unit;
        y[n + 1] = n == 0 ? 0 : pts.get(n - 1).count(reason);
        return new double[][] {x, y};
    }

    /** One line: for each reason its peak and its job-hours ("QOSMaxJobsPerUserLimit: up to 4 jobs, 6 job-h"). */
    public String pendingSummary() {
        PendingSeries p = pendingSeries();
        if (p == null) return "";
        List<String> parts = new ArrayList<>();
        for (PendingReason r : pendingReasons()) {
            parts.add(r.label() + ": up to " + Units.count(p.max(r), "job") + ", " + Units.number(p.area(r, run.endTime()) / 3600)
                    + " job-h");
        }
        return parts.isEmpty() ? "No job ever waited." : "Slurm's pending reasons over the run. " + String.join("; ", parts);
    }

    /** {@code time_s,<Reason>…}: the counts from each time on (Slurm's spelling of the reasons; seconds). */
    public String pendingCsv() {
        List<PendingReason> reasons = pendingReasons();
        StringBuilder out = new StringBuilder("time_s");
        for (PendingReason r : reasons) out.append(',').append(r.label());
        out.append('\n');
        if (pendingSeries() != null) {
            for (PendingSeries.Point pt : pendingSeries().points()) {
                out.append(pt.time());
                for (PendingReason r : reasons) out.append(',').append(pt.count(r));
                out.append('\n');
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- waits by group

    /** The groupings that split this run's jobs into two or more groups (QOS when none does). */
    public List<JobGrouping> groupings() {
        return groupings;
    }

    public ObjectProperty<JobGrouping> groupingProperty() {
        return grouping;
    }

    /** "all", then every group of the chosen grouping. */
    public List<GroupWaits> waitGroups() {
        return waitGroupsOf(grouping.get());
    }

    private List<GroupWaits> waitGroupsOf(JobGrouping g) {
        return waitCache.computeIfAbsent(g, k -> {
            List<Integer> idx = new ArrayList<>(specs.size());
            for (int i = 0; i < specs.size(); i++) idx.add(i);
            return List.copyOf(GroupWaits.of(idx, i -> k.keyOf(specs.get(i)), i -> run.jobs().get(i).totalWait()));
        });
    }

    /** The groups drawn: "all" and the {@value #MAX_LINES} largest groups (by jobs, then name). */
    public List<GroupWaits> drawnGroups() {
        List<GroupWaits> all = waitGroups();
        List<GroupWaits> groups = new ArrayList<>(all.subList(1, all.size()));
        groups.sort(Comparator.comparingInt((GroupWaits w) -> -w.jobs()).thenComparing(GroupWaits::group));
        List<GroupWaits> out = new ArrayList<>();
        out.add(all.get(0));
        out.addAll(groups.subList(0, Math.min(MAX_LINES, groups.size())));
        return out;
    }

    /** The wait axis' unit, from the longest wait. */
    public ChartTimeUnit waitUnit() {
        long[] all = waitGroupsOf(grouping.get()).get(0).sortedWaits();
        return ChartTimeUnit.forSpan(all.length == 0 ? 0 : all[all.length - 1]);
    }

    /** CDF points of a group: x = wait in {@link #waitUnit()}, y = share of the group's jobs (%) that waited at most x. */
    public double[][] cdf(GroupWaits g) {
        long[] w = g.sortedWaits();
        double unit = waitUnit().seconds();
        // every job up to MAX_CDF_POINTS; beyond, evenly spaced ranks, always with the last (the 100 % point)
        int points = Math.min(w.length, MAX_CDF_POINTS);
        double[] x = new double[points + 1];
        double[] y = new double[points + 1];
        x[0] = 0;
        y[0] = 0;
        for (int p = 0; p < points; p++) {
            int i = points == w.length ? p : (int) ((p + 1L) * w.length / points) - 1;
            x[p + 1] = w[i] / unit;
            y[p + 1] = (i + 1.0) / w.length * 100;
        }
        return new double[][] {x, y};
    }

    /** A row of the percentiles table, for people. */
    public record WaitRow(String group, String jobs, String mean, String p50, String p90, String p95, String p99, String max,
            long p95Seconds) {}

    public List<WaitRow> waitRows() {
        List<WaitRow> rows = new ArrayList<>();
        for (GroupWaits g : waitGroups()) {
            long[] w = g.sortedWaits();
            rows.add(new WaitRow(g.group(), Units.group(g.jobs()), Units.duration(g.mean()), Units.duration(g.percentile(0.5)),
                    Units.duration(g.percentile(0.9)), Units.duration(g.percentile(0.95)), Units.duration(g.percentile(0.99)),
                    Units.duration(w.length == 0 ? 0 : w[w.length - 1]), g.percentile(0.95)));
        }
        return rows;
    }

    /** {@code grouping,group,jobs,mean_s,p50_s,p90_s,p95_s,p99_s,max_s}. */
    public String waitCsv() {
        StringBuilder out = new StringBuilder("grouping,group,jobs,mean_s,p50_s,p90_s,p95_s,p99_s,max_s\n");
        for (GroupWaits g : waitGroups()) {
            long[] w = g.sortedWaits();
            out.append(csv(grouping.get().name())).append(',').append(csv(g.group())).append(',').append(g.jobs()).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", g.mean()));
            for (double q : PERCENTILES) out.append(',').append(g.percentile(q));
            out.append(',').append(w.length == 0 ? 0 : w[w.length - 1]).append('\n');
        }
        return out.toString();
    }

    public String waitSubtitle() {
        int groups = waitGroups().size() - 1;
        int drawn = drawnGroups().size() - 1;
        return "By " + grouping.get().name() + ": " + Units.count(groups, "group") + (drawn < groups ? ", the " + drawn + " largest drawn" : "")
                + "; the thick line is all jobs";
    }

    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
