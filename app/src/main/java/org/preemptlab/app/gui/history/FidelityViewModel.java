package org.preemptlab.app.gui.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.preemptlab.app.gui.compare.ChartTimeUnit;
import org.preemptlab.fidelity.StartComparison;
import org.preemptlab.fidelity.WhatIfComparison;
import org.preemptlab.limits.PendingReason;
import org.preemptlab.replay.HistoryReplay;
import org.preemptlab.replay.ReplayReasons;
import org.preemptlab.replay.SiteReplayRun;
import org.preemptlab.slurmsched.BackfillPlans;
import org.preemptlab.units.Units;

/**
 * "Predicted vs actual": a replayed Slurm history against what really ran. The numbers are the
 * model's ({@link StartComparison}, the same as {@code replay --report}); this class picks the
 * groups, units, bins and words, and the reason the replay gives for each of the worst jobs
 * ({@link ReplayReasons}).
 */
public final class FidelityViewModel {

    /** What colours the scatter's points. */
    public enum ColorBy {
        PARTITION("partition"), ACCOUNT("account");

        private final String label;

        ColorBy(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Jobs in the worst-jobs list. */
    public static final int WORST = 50;
    /** About this many bins in the error histogram. */
    public static final int BINS = 40;
    private static final long[] NICE = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400};

    private final String title;
    private final HistoryReplay.Result result;
    private final StartComparison c;
    private final ReplayReasons reasons;
    private final List<String> warnings;
    private final WhatIfComparison whatIf;
    /** The backfill plans the replay used, or null when not known (a replay not made by the import window). */
    private final BackfillPlans plans;
    private final ObjectProperty<ColorBy> colorBy = new SimpleObjectProperty<>(this, "colorBy", ColorBy.PARTITION);

    public FidelityViewModel(String title, HistoryReplay.Result result, ReplayReasons reasons) {
        this(title, result, reasons, result.warnings(), null, null);
    }

    /** The outcome of a replay as {@code replay} makes it, with its what-if when it had a baseline. */
    public FidelityViewModel(String title, SiteReplayRun.Outcome outcome) {
        this(title, outcome, null);
    }

    /** As {@link #FidelityViewModel(String, SiteReplayRun.Outcome)}, saying which backfill plans the replay used. */
    public FidelityViewModel(String title, SiteReplayRun.Outcome outcome, BackfillPlans plans) {
        this(title, outcome.result(), outcome.reasons(), outcome.warnings(), outcome.whatIf(), plans);
    }

    private FidelityViewModel(String title, HistoryReplay.Result result, ReplayReasons reasons, List<String> warnings, WhatIfComparison whatIf,
            BackfillPlans plans) {
        this.plans = plans;
        this.title = title;
        this.result = result;
        this.c = result.comparison();
        this.reasons = reasons == null ? ReplayReasons.none() : reasons;
        this.warnings = List.copyOf(warnings);
        this.whatIf = whatIf;
    }

    public String title() {
        return title;
    }

    /** The backfill plans the replay used ({@code replay --backfill-plans}), or null when not known. */
    public BackfillPlans backfillPlans() {
        return plans;
    }

    /** The model's comparison (the values of {@code replay --report}). */
    public StartComparison comparison() {
        return c;
    }

    public HistoryReplay.Result result() {
        return result;
    }

    /** What the replay simplified or left out, as the command line prints it. */
    public List<String> warnings() {
        return warnings;
    }

    /** The what-if against the baseline replay (the model's, as {@code replay --baseline-slurm-conf} reports it), or null. */
    public WhatIfComparison whatIf() {
        return whatIf;
    }

    public ObjectProperty<ColorBy> colorByProperty() {
        return colorBy;
    }

    // ---------------------------------------------------------------- scatter

    /** The start axes' unit (min, h or d), from the latest start. */
    public ChartTimeUnit timeUnit() {
        long latest = 0;
        for (StartComparison.Row r : c.rows()) latest = Math.max(latest, Math.max(r.actualStart(), r.predictedStart()));
        return ChartTimeUnit.forSpan(latest);
    }

    /** The points of one group, in {@link #timeUnit()}. */
    public record ScatterGroup(String name, int jobs, double[] actual, double[] predicted) {}

    /** One group per partition or account (by {@link #colorByProperty()}), largest first, then by name. */
    public List<ScatterGroup> scatterGroups() {
        Map<String, List<StartComparison.Row>> groups = new LinkedHashMap<>();
        for (StartComparison.Row r : c.rows()) {
            String g = colorBy.get() == ColorBy.PARTITION ? r.partition() : r.account();
            groups.computeIfAbsent(g.isEmpty() ? "(none)" : g, k -> new ArrayList<>()).add(r);
        }
        double unit = timeUnit().seconds();
        List<ScatterGroup> out = new ArrayList<>();
        groups.forEach((name, rows) -> {
            double[] a = new double[rows.size()], p = new double[rows.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = rows.get(i).actualStart() / unit;
                p[i] = rows.get(i).predictedStart() / unit;
            }
            out.add(new ScatterGroup(name, rows.size(), a, p));
        });
        out.sort(Comparator.comparingInt((ScatterGroup g) -> -g.jobs()).thenComparing(ScatterGroup::name));
        return out;
    }

    public String scatterSubtitle() {
        return "One point per job, coloured by " + colorBy.get().label() + "; on the line the replay starts the job when Slurm did, "
                + "in the band within ±" + Units.duration(c.toleranceSeconds()) + ". Above the line: predicted later.";
    }

    /** The model's per-job table: {@code jobId,actualStart,predictedStart,deltaSeconds,actualWait,predictedWait,partition,account}. */
    public String scatterCsv() {
        return c.toCsv();
    }

    // ---------------------------------------------------------------- error distribution

    /** The histogram's unit, from the largest error (and the tolerance). */
    public ChartTimeUnit errorUnit() {
        return ChartTimeUnit.forSpan(Math.max(maxAbsError(), c.toleranceSeconds()));
    }

    private long maxAbsError() {
        long m = 0;
        for (StartComparison.Row r : c.rows()) m = Math.max(m, Math.abs(r.deltaSeconds()));
        return m;
    }

    /** Bins of predicted − actual start, seconds: {@code edges.length == counts.length + 1}; the middle bin is centred on 0. */
    public record Histogram(long[] edges, int[] counts) {}

    public Histogram histogram() {
        long max = Math.max(1, Math.max(maxAbsError(), c.toleranceSeconds()));
        long width = NICE[NICE.length - 1];
        for (long w : NICE) if (w * BINS >= 2 * max) {
            width = w;
            break;
        }
        if (width * BINS < 2 * max) width = (2 * max + BINS - 1) / BINS;
        // bins [(-k - ½)w, …, (k + ½)w): an odd number, one centred on 0; edges in half seconds avoided by doubling
        long k = Math.max(0, (long) Math.ceil((double) max / width - 0.5));
        int n = (int) (2 * k + 1);
        long[] edges = new long[n + 1];
        for (int i = 0; i <= n; i++) edges[i] = Math.floorDiv((2 * (i - k) - 1) * width, 2);
        int[] counts = new int[n];
        for (StartComparison.Row r : c.rows()) {
            int i = 0;
            while (i < n - 1 && r.deltaSeconds() >= edges[i + 1]) i++;
            counts[i]++;
        }
        return new Histogram(edges, counts);
    }

    public String histogramSubtitle() {
        return "Predicted − actual start of every job: left of 0 the replay starts it earlier than Slurm did, right of 0 later; "
                + "shaded: within ±" + Units.duration(c.toleranceSeconds()) + " (" + Units.share(c.withinToleranceShare()) + " of the jobs)";
    }

    /** {@code bin_start_s,bin_end_s,jobs}. */
    public String histogramCsv() {
        Histogram h = histogram();
        StringBuilder out = new StringBuilder("bin_start_s,bin_end_s,jobs\n");
        for (int i = 0; i < h.counts().length; i++) {
            out.append(h.edges()[i]).append(',').append(h.edges()[i + 1]).append(',').append(h.counts()[i]).append('\n');
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- summary

    /** A line of the summary: what, and its value in human units. */
    public record SummaryLine(String name, String value) {}

    public List<SummaryLine> summary() {
        List<SummaryLine> out = new ArrayList<>();
        out.add(new SummaryLine("Jobs compared", Units.group(c.jobs()) + (c.unmatchedActual() > 0
                ? " (" + Units.count(c.unmatchedActual(), "job") + " of the history not replayed)" : "")));
        out.add(new SummaryLine("Within tolerance", Units.share(c.withinToleranceShare()) + " of the jobs start within ±"
                + Units.duration(c.toleranceSeconds()) + " of their real start"));
        out.add(new SummaryLine("Mean |start error|", Units.duration(c.meanAbsStartErrorSeconds())));
        out.add(new SummaryLine("Median |start error|", Units.duration(c.medianAbsStartErrorSeconds())));
        out.add(new SummaryLine("90th percentile |start error|", Units.duration(c.p90AbsStartErrorSeconds())));
        out.add(new SummaryLine("Kendall τ of the start order", tau(c.startOrderKendallTau())
                + " (1: the same order as Slurm's, 0: unrelated)"));
        out.add(new SummaryLine("Mean wait", Units.duration(c.meanWaitActualSeconds()) + " actual, "
                + Units.duration(c.meanWaitPredictedSeconds()) + " predicted"));
        out.add(new SummaryLine("Replay", Units.count(result.replayed(), "job") + " replayed, "
                + Units.count(result.backfillCycles(), "backfill cycle") + ", " + Units.duration(result.wallMillis() / 1000.0)));
        if (plans != null) out.add(new SummaryLine("Backfill plans", HistoryImportViewModel.describe(plans)));
        return out;
    }

    /** τ with three decimals ("0.734"), "–" when undefined. */
    public static String tau(double t) {
        return Double.isNaN(t) ? "–" : String.format(Locale.ROOT, "%.3f", t);
    }

    /** One line for a status bar or caption. */
    public String headline() {
        return Units.count(c.jobs(), "job") + ": " + Units.share(c.withinToleranceShare()) + " within ±" + Units.duration(c.toleranceSeconds())
                + "; |start error| mean " + Units.duration(c.meanAbsStartErrorSeconds()) + ", median "
                + Units.duration(c.medianAbsStartErrorSeconds()) + "; Kendall τ " + tau(c.startOrderKendallTau());
    }

    /** Mean waits of a partition or account, actual against predicted. */
    public record GroupRow(String kind, String group, String jobs, String actual, String predicted, String difference) {}

    public List<GroupRow> groupRows() {
        List<GroupRow> out = new ArrayList<>();
        c.byPartition().forEach((k, w) -> out.add(groupRow("partition", k, w)));
        c.byAccount().forEach((k, w) -> out.add(groupRow("account", k, w)));
        return out;
    }

    private static GroupRow groupRow(String kind, String group, StartComparison.Waits w) {
        double d = w.meanWaitPredictedSeconds() - w.meanWaitActualSeconds();
        return new GroupRow(kind, group.isEmpty() ? "(none)" : group, Units.group(w.jobs()), Units.duration(w.meanWaitActualSeconds()),
                Units.duration(w.meanWaitPredictedSeconds()), signed(d));
    }

    // ---------------------------------------------------------------- what-if

    /** The what-if's first line, as {@code replay} prints it; empty without a baseline. */
    public String whatIfHeadline() {
        return whatIf == null ? "" : SiteReplayRun.whatIfHeadline(whatIf);
    }

    /**
     * A group of the what-if in human units: predicted mean and median wait on the baseline site and on the changed
     * one, their change in %, and how many jobs start earlier, later or at the same time.
     */
    public record WhatIfRow(String kind, String group, String jobs, String meanBefore, String meanAfter, String meanChange,
            String medianBefore, String medianAfter, String medianChange, String earlier, String later, String same) {}

    /** All jobs, then per partition, then per account (as {@code replay} prints them); empty without a baseline. */
    public List<WhatIfRow> whatIfRows() {
        List<WhatIfRow> out = new ArrayList<>();
        if (whatIf == null) return out;
        out.add(whatIfRow("all", "all jobs", whatIf.all()));
        whatIf.byPartition().forEach((k, g) -> out.add(whatIfRow("partition", k, g)));
        whatIf.byAccount().forEach((k, g) -> out.add(whatIfRow("account", k, g)));
        return out;
    }

    private static WhatIfRow whatIfRow(String kind, String group, WhatIfComparison.Group g) {
        return new WhatIfRow(kind, group.isEmpty() ? "(none)" : group, Units.group(g.jobs()), Units.duration(g.meanWaitBaselineSeconds()),
                Units.duration(g.meanWaitWhatIfSeconds()), SiteReplayRun.changeText(g.meanWaitChangePercent()),
                Units.duration(g.medianWaitBaselineSeconds()), Units.duration(g.medianWaitWhatIfSeconds()),
                SiteReplayRun.changeText(g.medianWaitChangePercent()), Units.group(g.startedEarlier()), Units.group(g.startedLater()),
                Units.group(g.startedSame()));
    }

    /** The what-if's per-job table as {@code replay --out-csv} writes it with a baseline; empty without one. */
    public String whatIfCsv() {
        return whatIf == null ? "" : whatIf.toCsv(c);
    }

    // ---------------------------------------------------------------- worst jobs

    /** A job of the worst-jobs list, for people; {@code deltaSeconds} for sorting and tests. */
    public record WorstRow(String job, String partition, String account, String actualStart, String predictedStart, String error,
            String reason, long deltaSeconds) {}

    /** The {@value #WORST} jobs with the largest |predicted − actual start| (then by job id), with the replay's reasons. */
    public List<WorstRow> worst() {
        List<StartComparison.Row> rows = new ArrayList<>(c.rows());
        rows.sort(Comparator.comparingLong((StartComparison.Row r) -> -Math.abs(r.deltaSeconds())).thenComparing(StartComparison.Row::key));
        List<WorstRow> out = new ArrayList<>();
        for (StartComparison.Row r : rows.subList(0, Math.min(WORST, rows.size()))) {
            out.add(new WorstRow(r.key(), r.partition(), r.account(), Units.instant(r.actualStart()), Units.instant(r.predictedStart()),
                    signed(r.deltaSeconds()), reason(r), r.deltaSeconds()));
        }
        return out;
    }

    /** Why the replay started the job when it did: the pending reasons it waited under (Slurm's spelling), longest first. */
    public String reason(StartComparison.Row r) {
        if (!reasons.has(r.key())) return "–";
        ReplayReasons.Explanation e = reasons.of(r.key());
        List<String> parts = new ArrayList<>();
        long notEligible = r.predictedWait() - e.waitSeconds();
        if (notEligible > 0) parts.add("not eligible for " + Units.duration(notEligible) + " (Eligible after Submit)");
        if (e.waitSeconds() == 0) {
            parts.add("started as soon as it was eligible: nothing held it in the replay");
        } else {
            List<String> stretches = new ArrayList<>();
            for (ReplayReasons.Stretch s : e.stretches()) stretches.add(label(s.reason()) + " " + Units.duration(s.seconds()));
            parts.add("pending " + Units.duration(e.waitSeconds()) + ": " + String.join(", ", stretches) + "; last reason "
                    + label(e.last()));
        }
        return String.join("; ", parts);
    }

    private static String label(PendingReason r) {
        return r == PendingReason.NONE ? "None (not yet scheduled)" : r.label();
    }

    /** {@code +12 min}, {@code -3 min 05 s}, {@code 0 s}. */
    static String signed(double seconds) {
        if (Double.isNaN(seconds)) return "–";
        String d = Units.duration(seconds);
        return seconds > 0 && !d.equals("0 s") ? "+" + d : d;
    }

    /** {@code job,partition,account,actual_start_s,predicted_start_s,delta_s,reason}. */
    public String worstCsv() {
        StringBuilder out = new StringBuilder("job,partition,account,actual_start_s,predicted_start_s,delta_s,reason\n");
        List<StartComparison.Row> rows = new ArrayList<>(c.rows());
        rows.sort(Comparator.comparingLong((StartComparison.Row r) -> -Math.abs(r.deltaSeconds())).thenComparing(StartComparison.Row::key));
        for (StartComparison.Row r : rows.subList(0, Math.min(WORST, rows.size()))) {
            out.append(csv(r.key())).append(',').append(csv(r.partition())).append(',').append(csv(r.account())).append(',')
                    .append(r.actualStart()).append(',').append(r.predictedStart()).append(',').append(r.deltaSeconds()).append(',')
                    .append(csv(reason(r))).append('\n');
        }
        return out.toString();
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
