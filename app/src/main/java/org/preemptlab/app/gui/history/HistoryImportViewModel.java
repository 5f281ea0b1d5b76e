package org.preemptlab.app.gui.history;

import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.preemptlab.app.gui.background.TaskHandle;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.history.HistoryImportForm.Field;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctReader;
import org.preemptlab.history.SlurmctldLog;
import org.preemptlab.replay.SiteReplay;
import org.preemptlab.replay.SiteReplayRun;
import org.preemptlab.slurmconf.SlurmSite;
import org.preemptlab.slurmsched.BackfillPlans;
import org.preemptlab.units.Units;

/**
 * File ▸ Import Slurm history: the site's files as typed, the replay of the sacct history on them
 * in the background (progress, cancel), and its outcome — the "predicted vs actual" view-model, or
 * the error as the readers word it ({@code sacct.txt:12: Start: "x": …}).
 */
public final class HistoryImportViewModel {

    /** Where the import is. */
    public enum State { IDLE, RUNNING, DONE, FAILED, CANCELLED }

    private final TaskRunner runner;
    private final Map<Field, StringProperty> fields = new EnumMap<>(Field.class);
    private final Map<Field, StringProperty> problems = new EnumMap<>(Field.class);
    private final BooleanProperty valid = new SimpleBooleanProperty(this, "valid", false);
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.IDLE);
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ObjectProperty<FidelityViewModel> result = new SimpleObjectProperty<>(this, "result");
    private final ObjectProperty<SiteReplay.Priority> priority = new SimpleObjectProperty<>(this, "priority", SiteReplay.Priority.MULTIFACTOR);
    private final ObjectProperty<BackfillPlans> backfillPlans = new SimpleObjectProperty<>(this, "backfillPlans",
            BackfillPlans.DEFAULT);
    private HistoryImportForm.Request request;
    private TaskHandle pending;
    /** Set by {@link #cancel()}; read by the task between its steps (also before {@link #pending} is known). */
    private final java.util.concurrent.atomic.AtomicBoolean cancelRequested = new java.util.concurrent.atomic.AtomicBoolean();

    public HistoryImportViewModel(TaskRunner runner) {
        this.runner = runner;
        for (Field f : Field.values()) {
            StringProperty text = new SimpleStringProperty(this, f.name(), "");
            text.addListener((o, a, b) -> check());
            fields.put(f, text);
            problems.put(f, new SimpleStringProperty(this, f.name() + "Problem", ""));
        }
        priority.addListener((o, a, b) -> check());
        check();
    }

    public StringProperty field(Field f) {
        return fields.get(f);
    }

    /** Multifactor (the engine recomputes it, as Slurm does) or sacct's Priority column, fixed ({@code replay --priority}). */
    public ObjectProperty<SiteReplay.Priority> priorityProperty() {
        return priority;
    }

    /**
     * What the backfill scheduler's plans hold ({@code replay --backfill-plans}): own resources (the default: a planned
     * job keeps only the CPUs, memory and GPUs it asks for) or whole nodes (Slurm 22.05: a planned job keeps its whole
     * nodes, and starts are tested with cons_tres's will-run test in 30-s batches). Null counts as own resources.
     */
    public ObjectProperty<BackfillPlans> backfillPlansProperty() {
        return backfillPlans;
    }

    /** The backfill plans chosen, the replay's default (whole nodes) when none is. */
    public BackfillPlans backfillPlans() {
        return backfillPlans.get() == null ? BackfillPlans.DEFAULT : backfillPlans.get();
    }

    /** The backfill plans as a person reads them, with what they mean, in one line. */
    public static String describe(BackfillPlans plans) {
        return switch (plans) {
            case OWN_RESOURCES -> "own resources: a job the backfill plans ahead holds only the CPUs, memory and GPUs it asks for "
                    + "(a backfill that shares nodes with its plans)";
            case WHOLE_NODES -> "whole nodes: a job the backfill plans ahead holds its whole nodes, and starts are tested in 30-s "
                    + "batches (Slurm's backfill; the default)";
        };
    }

    /** The problem of a field's text ("no such file"), empty when it is fine. */
    public ReadOnlyStringProperty problem(Field f) {
        return problems.get(f);
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    /** The last import's error, naming the file and line when a reader found it; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** One line on what happened last (replayed, cancelled, failed). */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** The last successful replay, or null. */
    public ReadOnlyObjectProperty<FidelityViewModel> resultProperty() {
        return result;
    }

    public TaskRunner runner() {
        return runner;
    }

    private void check() {
        Map<Field, String> text = new EnumMap<>(Field.class);
        fields.forEach((f, p) -> text.put(f, p.get()));
        HistoryImportForm.Result r = HistoryImportForm.check(text, priority.get());
        problems.forEach((f, p) -> p.set(r.problems().getOrDefault(f, "")));
        request = r.request().orElse(null);
        valid.set(r.ok());
    }

    /** Replays the history in the background; false (nothing started) when the form is not valid or a replay is running. */
    public boolean run() {
        if (request == null || state.get() == State.RUNNING) return false;
        HistoryImportForm.Request req = request;
        BackfillPlans plans = backfillPlans();
        String title = req.describe();
        String how = " (backfill plans: " + label(plans) + ")";
        state.set(State.RUNNING);
        error.set("");
        status.set("Replaying " + title + how + " …");
        cancelRequested.set(false);
        Runnable checkCancelled = () -> {
            if (cancelRequested.get()) throw new CancellationException("cancelled");
        };
        pending = runner.submit("Replaying " + title, sink -> {
            sink.progress(-1, "reading " + req.sacct().getFileName());
            SacctHistory history = SacctReader.read(req.sacct());
            sink.checkCancelled();
            checkCancelled.run();
            sink.progress(-1, "reading the site's files");
            SlurmSite site = SlurmSite.read(req.site());
            SlurmSite baseline = null;
            if (req.baseline() != null) {
                sink.progress(-1, "reading the baseline's files");
                baseline = SlurmSite.read(req.baseline());
            }
            SlurmctldLog log = null;
            if (req.slurmctldLog() != null) {
                sink.progress(-1, "reading " + req.slurmctldLog().getFileName());
                log = SlurmctldLog.read(req.slurmctldLog());
            }
            sink.checkCancelled();
            checkCancelled.run();
            SiteReplayRun.Outcome outcome = SiteReplayRun.run(site, baseline, history,
                    new SiteReplayRun.Options(req.priority(), org.preemptlab.replay.PassPhase.AUTO, log, req.toleranceSeconds(), plans), true, (replay, done, total) -> {
                        sink.checkCancelled();
                        checkCancelled.run();
                        sink.progress(total == 0 ? -1 : (double) done / total, "replaying" + (replay.isEmpty() ? "" : " the " + replay) + ": "
                                + Units.group(done) + " of " + Units.count(total, "job") + " ended");
                    });
            checkCancelled.run();
            return new FidelityViewModel(title, outcome, plans);
        }, fidelity -> {
            pending = null;
            result.set(fidelity);
            state.set(State.DONE);
            status.set(title + how + ": " + fidelity.headline());
        }, failure -> {
            pending = null;
            if (failure instanceof CancellationException) {
                state.set(State.CANCELLED);
                status.set("Replay of " + title + " cancelled.");
            } else {
                error.set(messageOf(failure));
                state.set(State.FAILED);
                status.set("Replay of " + title + " failed.");
            }
        });
        return true;
    }

    /** The backfill plans' short name: "own resources", "whole nodes". */
    public static String label(BackfillPlans plans) {
        return switch (plans) {
            case OWN_RESOURCES -> "own resources";
            case WHOLE_NODES -> "whole nodes";
        };
    }

    /** Stops a running replay (it ends as {@link State#CANCELLED}). */
    public void cancel() {
        if (state.get() != State.RUNNING) return;
        cancelRequested.set(true);
        if (pending != null) pending.cancel();
    }

    /** The reader's message as it is (it names the file and line), or what went wrong in words. */
    static String messageOf(Throwable e) {
        if (e instanceof NoSuchFileException n) return n.getFile() + ": no such file";
        if (e instanceof AccessDeniedException a) return a.getFile() + ": cannot be read (permission denied)";
        if (e instanceof CharacterCodingException) return "a file is not UTF-8 text";
        if (e instanceof OutOfMemoryError) return "out of memory replaying the history: give Java more (-Xmx) or a shorter history";
        String m = e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        return m;
    }
}
