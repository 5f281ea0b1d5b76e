package org.preemptlab.app.gui.run;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.time.SimTime;

/**
 * The run view's state and commands: the time cursor and playback (play / pause, speed, step to
 * the next event or decision, step back, scrub), the "Why" list, the selected job's history and
 * the live metrics at the cursor. Everything comes from the recorded timeline, so moving the
 * cursor backwards is exact.
 */
public final class RunViewModel {

    /** Playback speeds, simulated seconds per wall-clock second. */
    public static final List<Double> SPEEDS = List.of(1.0, 10.0, 60.0, 300.0, 900.0, 3600.0, 4 * 3600.0, 86_400.0,
            7 * 86_400.0, 30 * 86_400.0);

    private final GanttIndex index;
    private final LongProperty cursor = new SimpleLongProperty(this, "cursor");
    private final GanttViewModel gantt;
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 60);
    private final ObjectProperty<CursorMetrics> metrics = new SimpleObjectProperty<>(this, "metrics", CursorMetrics.EMPTY);
    private final ObjectProperty<LogFilter> filter = new SimpleObjectProperty<>(this, "filter", LogFilter.DECISIONS);
    private final ObservableList<DecisionItem> decisions = FXCollections.observableArrayList();
    private final ObservableList<HistoryLine> history = FXCollections.observableArrayList();
    private final StringProperty jobSummary = new SimpleStringProperty(this, "jobSummary", "");
    private final StringProperty timeText = new SimpleStringProperty(this, "timeText", "");
    private final IntegerProperty currentEntry = new javafx.beans.property.SimpleIntegerProperty(this, "currentEntry", -1);
    private double carry;

    public RunViewModel(RunRecord run) {
        this(new GanttIndex(run));
    }

    public RunViewModel(GanttIndex index) {
        this(index, null);
    }

    /**
     * What a new run view shows first that depends on the run alone: the "Why" list of the default filter and
     * the jobs' colours. For a big run (200,000 jobs: a decision per start) they are made by
     * {@link #prepare} on a worker, beside the Gantt's index, instead of on the UI thread.
     */
    public record Prepared(RunRecord run, List<DecisionItem> decisions, GanttViewModel.Colours colours) {}

    /** The "Why" list and colours a new run view of {@code run} starts with; any thread. */
    public static Prepared prepare(RunRecord run) {
        return new Prepared(run, decisionsOf(run, LogFilter.DECISIONS), GanttViewModel.colours(run, ColorBy.JOB));
    }

    /** @param prepared {@link #prepare} of the index's run, or null to make it here */
    public RunViewModel(GanttIndex index, Prepared prepared) {
        this.index = index;
        RunRecord run = index.run();
        if (prepared != null && prepared.run() != run) prepared = null; // another run's
        cursor.set(run.startTime());
        this.gantt = new GanttViewModel(index, cursor, prepared == null ? null : prepared.colours());
        speed.set(defaultSpeed(run.span()));
        cursor.addListener((o, a, b) -> cursorMoved());
        filter.addListener((o, a, b) -> refilter());
        gantt.selectedJobProperty().addListener((o, a, b) -> jobSelected(b.intValue()));
        if (prepared != null && filter.get() == LogFilter.DECISIONS) decisions.setAll(prepared.decisions());
        else refilter();
        cursorMoved();
    }

    /** A speed that plays the whole run in about 40 seconds. */
    static double defaultSpeed(long span) {
        for (double s : SPEEDS) if (s * 40 >= span) return s;
        return SPEEDS.get(SPEEDS.size() - 1);
    }

    public GanttIndex index() {
        return index;
    }

    public RunRecord run() {
        return index.run();
    }

    public GanttViewModel gantt() {
        return gantt;
    }

    public LongProperty cursorProperty() {
        return cursor;
    }

    public long cursor() {
        return cursor.get();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public ReadOnlyObjectProperty<CursorMetrics> metricsProperty() {
        return metrics;
    }

    public ObjectProperty<LogFilter> filterProperty() {
        return filter;
    }

    public ObservableList<DecisionItem> decisions() {
        return decisions;
    }

    public ObservableList<HistoryLine> history() {
        return history;
    }

    public ReadOnlyStringProperty jobSummaryProperty() {
        return jobSummary;
    }

    public ReadOnlyStringProperty timeTextProperty() {
        return timeText;
    }

    /** The log entry the cursor was moved to (a "Why" click or a decision step), or -1. */
    public javafx.beans.property.ReadOnlyIntegerProperty currentEntryProperty() {
        return currentEntry;
    }

    public IntegerProperty selectedJobProperty() {
        return gantt.selectedJobProperty();
    }

    // ---------------------------------------------------------------- cursor commands

    public void setCursor(long t) {
        RunRecord run = index.run();
        cursor.set(Math.max(run.startTime(), Math.min(run.endTime(), t)));
        gantt.follow(cursor.get());
    }

    public void stepNextEvent() {
        playing.set(false);
        setCursor(index.nextEventAfter(cursor.get()));
    }

    public void stepPreviousEvent() {
        playing.set(false);
        setCursor(index.previousEventBefore(cursor.get()));
    }

    /**
     * Moves to the next scheduler decision and highlights its job; decisions taken at the same
     * instant are visited one by one.
     */
    public void stepNextDecision() {
        playing.set(false);
        int from = onCurrentEntry() ? currentEntry.get() : index.lastLogAtOrBefore(cursor.get());
        int i = index.nextDecisionAfterEntry(from);
        if (i >= 0) showEntry(i);
    }

    public void stepPreviousDecision() {
        playing.set(false);
        int before = onCurrentEntry() ? currentEntry.get() : index.lastLogAtOrBefore(cursor.get() - 1) + 1;
        int i = index.previousDecisionBeforeEntry(before);
        if (i >= 0) showEntry(i);
    }

    private boolean onCurrentEntry() {
        int e = currentEntry.get();
        return e >= 0 && index.logTime(e) == cursor.get();
    }

    public void jumpToStart() {
        playing.set(false);
        setCursor(index.run().startTime());
    }

    public void jumpToEnd() {
        playing.set(false);
        setCursor(index.run().endTime());
    }

    /** Scrub: fraction 0 … 1 of the run. */
    public void scrubTo(double fraction) {
        RunRecord run = index.run();
        setCursor(run.startTime() + Math.round(Math.max(0, Math.min(1, fraction)) * run.span()));
    }

    public double cursorFraction() {
        RunRecord run = index.run();
        return (double) (cursor.get() - run.startTime()) / run.span();
    }

    public void togglePlay() {
        if (!playing.get() && cursor.get() >= index.run().endTime()) setCursor(index.run().startTime());
        carry = 0;
        playing.set(!playing.get());
    }

    public void faster() {
        int i = SPEEDS.indexOf(speed.get());
        speed.set(SPEEDS.get(Math.min(SPEEDS.size() - 1, i < 0 ? 0 : i + 1)));
    }

    public void slower() {
        int i = SPEEDS.indexOf(speed.get());
        speed.set(SPEEDS.get(Math.max(0, i < 0 ? 0 : i - 1)));
    }

    /** Advances playback by a frame's wall time; stops at the end of the run. */
    public void tick(long elapsedNanos) {
        if (!playing.get() || elapsedNanos <= 0) return;
        carry += speed.get() * elapsedNanos / 1e9;
        long whole = (long) Math.floor(carry);
        if (whole <= 0) return;
        carry -= whole;
        long next = cursor.get() + whole;
        if (next >= index.run().endTime()) {
            next = index.run().endTime();
            playing.set(false);
        }
        setCursor(next);
    }

    // ---------------------------------------------------------------- why list and job panel

    /** Moves the cursor to a "Why" entry and highlights its job. */
    public void selectDecision(DecisionItem item) {
        if (item == null) return;
        playing.set(false);
        showEntry(item.logIndex());
    }

    private void showEntry(int logIndex) {
        LogEntry e = index.run().log().get(logIndex);
        currentEntry.set(logIndex);
        setCursor(e.time());
        gantt.highlightedJobs().clear();
        if (e.job() >= 0) {
            gantt.highlightedJobs().add(e.job());
            gantt.selectedJobProperty().set(e.job());
        }
    }

    /**
     * Position in {@link #decisions()} of the entry the cursor was moved to, if listed; else of
     * the last entry at or before the cursor; or -1.
     */
    public int decisionPositionAtCursor() {
        if (onCurrentEntry()) {
            int lo = 0, hi = decisions.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int li = decisions.get(mid).logIndex();
                if (li == currentEntry.get()) return mid;
                if (li < currentEntry.get()) lo = mid + 1;
                else hi = mid - 1;
            }
        }
        long t = cursor.get();
        int lo = 0, hi = decisions.size() - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (decisions.get(mid).time() <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    public void selectJob(int job) {
        gantt.selectedJobProperty().set(job);
    }

    public String tooltip(GanttHit hit) {
        return JobHistory.tooltip(index, hit);
    }

    private void jobSelected(int job) {
        if (job < 0 || job >= index.run().jobs().size()) {
            history.clear();
            jobSummary.set("");
            return;
        }
        history.setAll(JobHistory.of(index, job));
        jobSummary.set(summaryAtCursor(job));
    }

    /** The job's facts, then (on a Slurm run) its request, pending reason at the cursor and priority. */
    private String summaryAtCursor(int job) {
        String slurm = SlurmFacts.panelText(index, job, cursor.get());
        String facts = JobHistory.summary(index.run().job(job));
        return slurm.isEmpty() ? facts : facts + "\n" + slurm;
    }

    private void refilter() {
        decisions.setAll(decisionsOf(index.run(), filter.get()));
    }

    /** The "Why" list of {@code run} under filter {@code f}; any thread. */
    static List<DecisionItem> decisionsOf(RunRecord run, LogFilter f) {
        List<DecisionItem> items = new ArrayList<>();
        List<LogEntry> log = run.log();
        for (int i = 0; i < log.size(); i++) {
            LogEntry e = log.get(i);
            if (!f.accepts(e.kind())) continue;
            String slurm = e.kind() == LogKind.START || e.kind() == LogKind.RESTART ? SlurmFacts.logReason(run, i) : "";
            items.add(new DecisionItem(i, e, e.job() >= 0 ? run.job(e.job()).name() : null, followsAbove(log, i), slurm));
        }
        return items;
    }

    /**
     * True when entry i carries out a decision logged just before it, at the same instant, for the
     * same job and with the same reason (the engine logs "preempt", then "suspend" with the reason
     * of the preemption): the Why list then says what the entry does instead of the same sentence twice.
     */
    static boolean followsAbove(List<LogEntry> log, int i) {
        LogEntry e = log.get(i);
        if (e.reason() == null || e.job() < 0 || e.kind() == LogKind.PREEMPT) return false;
        for (int k = i - 1; k >= 0 && k >= i - 16; k--) {
            LogEntry before = log.get(k);
            if (before.time() != e.time()) return false;
            if (before.job() == e.job() && before.reason() == e.reason()) return true;
        }
        return false;
    }

    private void cursorMoved() {
        if (currentEntry.get() >= 0 && !onCurrentEntry()) currentEntry.set(-1);
        timeText.set(SimTime.format(cursor.get()) + " / " + SimTime.format(index.run().endTime()));
        metrics.set(index.metricsAt(cursor.get()));
        int job = gantt.selectedJobProperty().get();
        if (job >= 0 && job < index.run().jobs().size() && SlurmFacts.record(index.run()) != null) jobSummary.set(summaryAtCursor(job));
    }
}
