package org.preemptlab.app.gui.run;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.preemptlab.app.gui.background.TaskHandle;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;
import org.preemptlab.time.SimTime;

/**
 * A live run as the window follows it: its state, and the latest frame (the run so far, open
 * segments drawn up to "now") for the Gantt. The driver runs on a worker of the
 * {@link TaskRunner}; {@link #refresh()} (every ~0.5 s on the UI thread) turns its newest
 * {@link LiveSnapshot} into a frame, so the Gantt grows as real events arrive.
 */
public final class LiveRunViewModel {

    public enum State {
        IDLE, RUNNING, STOPPING, STOPPED, FINISHED, FAILED;

        public boolean isActive() {
            return this == RUNNING || this == STOPPING;
        }
    }

    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.IDLE);
    private final ObjectProperty<RunRecord> frame = new SimpleObjectProperty<>(this, "frame");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private LiveRun current;
    private TaskHandle handle;
    private long shownSteps = -1;
    private long shownNow = Long.MIN_VALUE;

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    public boolean isActive() {
        return state.get().isActive();
    }

    /** The run so far (or, once over, as it ended): replaced on every {@link #refresh()} that finds news. */
    public ReadOnlyObjectProperty<RunRecord> frameProperty() {
        return frame;
    }

    /** One line about the run: backend, simulated time, jobs done; or how it ended. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The run in progress or the last one, or null. */
    public LiveRun current() {
        return current;
    }

    /**
     * Starts a live run in the background. {@code onFinished} (UI thread) gets the complete record
     * of a run whose jobs all ended; {@code onFailed} the error of a run that failed (not called when
     * it was stopped).
     *
     * @throws IllegalStateException if a live run is still going
     */
    public void start(TaskRunner runner, String title, SimulationConfig config, LiveSettings settings,
            Consumer<RunRecord> onFinished, Consumer<Throwable> onFailed) {
        if (isActive()) throw new IllegalStateException("A live run is in progress: stop it first.");
        LiveRun run = new LiveRun(title, config, settings);
        current = run;
        shownSteps = -1;
        shownNow = Long.MIN_VALUE;
        state.set(State.RUNNING);
        message.set("Live run of " + title + " on " + settings.describe() + ": starting …");
        handle = runner.submit("Live run of " + title, sink -> run.run(), result -> {
            if (current != run) return;
            ended(run, result, null, onFinished, onFailed);
        }, error -> {
            if (current != run) return;
            ended(run, null, error, onFinished, onFailed);
        });
    }

    private void ended(LiveRun run, SimulationResult result, Throwable error, Consumer<RunRecord> onFinished,
            Consumer<Throwable> onFailed) {
        handle = null;
        boolean stopped = run.isStopRequested() || error instanceof CancellationException;
        if (error == null && !stopped && result != null) {
            RunRecord rec = RunRecord.of(run.title(), result);
            state.set(State.FINISHED);
            message.set("Live run of " + run.title() + " finished at " + SimTime.format(rec.endTime()) + ".");
            frame.set(rec);
            onFinished.accept(rec);
            return;
        }
        showLatest(run, true);
        if (stopped) {
            state.set(State.STOPPED);
            message.set("Live run of " + run.title() + " stopped at " + timeOf(run)
                    + "; every process or Slurm job it started has been ended.");
        } else {
            state.set(State.FAILED);
            message.set("Live run of " + run.title() + " failed at " + timeOf(run) + ".");
            onFailed.accept(error);
        }
    }

    private static String timeOf(LiveRun run) {
        long t = run.simNow();
        return t == Long.MIN_VALUE ? "its start" : SimTime.format(t);
    }

    /**
     * Takes the newest snapshot and shows it up to the live clock's now (UI thread; call it every
     * ~0.5 s). Also notices a Cancel from the status bar and stops the run.
     *
     * @return true if a new frame was set
     */
    public boolean refresh() {
        LiveRun run = current;
        if (run == null || !isActive()) return false;
        if (handle != null && handle.isCancelled() && !run.isStopRequested()) stop();
        return showLatest(run, false);
    }

    private boolean showLatest(LiveRun run, boolean force) {
        LiveSnapshot s = run.latest();
        if (s == null) return false;
        long now = run.simNow();
        if (now == Long.MIN_VALUE) now = s.engineNow();
        if (!force && s.steps() == shownSteps && now == shownNow) return false;
        shownSteps = s.steps();
        shownNow = now;
        RunRecord rec = s.toRecord(now);
        frame.set(rec);
        if (state.get() == State.RUNNING) {
            long done = rec.log().stream().filter(e -> e.kind() == org.preemptlab.sim.LogKind.END).count();
            message.set("Live run of " + run.title() + " on " + run.settings().describe() + ": " + SimTime.format(now) + ", "
                    + org.preemptlab.units.Units.group(done) + " of " + org.preemptlab.units.Units.count(rec.jobs().size(), "job") + " done.");
        }
        return true;
    }

    /** Stops the live run (any process or Slurm job it started is ended); nothing if none is going. */
    public void stop() {
        LiveRun run = current;
        if (run == null || !isActive()) return;
        run.stop();
        state.set(State.STOPPING);
        message.set("Stopping the live run of " + run.title() + ": closing the backend …");
    }

    /**
     * Stops the run and waits (at most {@code timeout}) until its backend is closed: for closing the
     * window, so that no process outlives the app.
     *
     * @return true if no run is left going
     */
    public boolean stopAndWait(Duration timeout) {
        LiveRun run = current;
        if (run == null) return true;
        run.stop();
        try {
            return run.awaitEnd(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return run.hasEnded();
        }
    }
}
