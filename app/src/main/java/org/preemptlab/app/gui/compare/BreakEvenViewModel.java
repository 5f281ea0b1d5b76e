package org.preemptlab.app.gui.compare;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.preemptlab.app.gui.background.ProgressSink;
import org.preemptlab.app.gui.background.TaskHandle;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioException;
import org.preemptlab.scenario.ScenarioValidator;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.maintenance.BreakEvenCell;
import org.preemptlab.maintenance.BreakEvenResult;
import org.preemptlab.maintenance.BreakEvenSpec;
import org.preemptlab.maintenance.BreakEvenSweep;
import org.preemptlab.maintenance.LogAxis;
import org.preemptlab.maintenance.SweepProgress;
import org.preemptlab.maintenance.Winner;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.units.Units;

/**
 * Drain or checkpoint? Runs the break-even sweep ({@link BreakEvenSweep}) on the edited scenario's
 * first maintenance window in the background, with progress and cancel; holds the result and the
 * cell the user picked (its numbers in words).
 */
public final class BreakEvenViewModel {

    private final TaskRunner runner;
    private final Supplier<ScenarioDraft> scenario;
    private final StringProperty bandwidth = new SimpleStringProperty(this, "bandwidth", BreakEvenSpec.DEFAULT_BANDWIDTH);
    private final StringProperty imageSize = new SimpleStringProperty(this, "imageSize", BreakEvenSpec.DEFAULT_IMAGE_SIZE);
    private final StringProperty windowStart = new SimpleStringProperty(this, "windowStart", "");
    private Scenario sweptScenario;
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running", false);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty message = new SimpleStringProperty(this, "message",
            "Sweeps checkpoint bandwidth × image size on the scenario's first maintenance window and runs drain and checkpoint in every cell.");
    private final ObjectProperty<BreakEvenResult> result = new SimpleObjectProperty<>(this, "result");
    private final ObjectProperty<BreakEvenCell> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty selectedText = new SimpleStringProperty(this, "selectedText", "Click a cell for its numbers.");
    private final int threads;
    private TaskHandle handle;
    private CompareViewModel.ScenarioCheck check = () -> {};

    public BreakEvenViewModel(TaskRunner runner, Supplier<ScenarioDraft> scenario) {
        this(runner, scenario, Runtime.getRuntime().availableProcessors());
    }

    public BreakEvenViewModel(TaskRunner runner, Supplier<ScenarioDraft> scenario, int threads) {
        this.runner = runner;
        this.scenario = scenario;
        this.threads = Math.max(1, threads);
    }

    /** Runs {@code c} before every sweep; its problems stop it. */
    public void checkBeforeRun(CompareViewModel.ScenarioCheck c) {
        this.check = Objects.requireNonNull(c, "check");
    }

    /** The bandwidth axis as MIN:MAX:STEPS, MB/s. */
    public StringProperty bandwidthProperty() {
        return bandwidth;
    }

    /** The image-size axis as MIN:MAX:STEPS, MB per node. */
    public StringProperty imageSizeProperty() {
        return imageSize;
    }

    /** Where the window starts in the sweep (e.g. 10h); blank: where the scenario puts it. */
    public StringProperty windowStartProperty() {
        return windowStart;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Share of cells done, 0 … 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyObjectProperty<BreakEvenResult> resultProperty() {
        return result;
    }

    public ReadOnlyObjectProperty<BreakEvenCell> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty selectedTextProperty() {
        return selectedText;
    }

    /**
     * Starts the sweep in the background.
     *
     * @return false (with {@link #messageProperty()} saying why) when it cannot start
     */
    public boolean run() {
        if (running.get()) {
            message.set("A sweep is already running; cancel it first.");
            return false;
        }
        BreakEvenSpec spec;
        try {
            LogAxis bw = BreakEvenSpec.bandwidthAxis("Bandwidth", bandwidth.get());
            LogAxis img = BreakEvenSpec.imageSizeAxis("Image size", imageSize.get());
            spec = new BreakEvenSpec(bw, img, windowStart(), null);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
        Scenario s;
        try {
            check.check();
            s = ScenarioValidator.toScenario(scenario.get());
        } catch (ScenarioException e) {
            message.set("The scenario has problems: " + e.getMessage());
            return false;
        }
        if (s.maintenance().isEmpty()) {
            message.set("The scenario has no maintenance window: add one in the editor (Maintenance) to compare drain and checkpoint.");
            return false;
        }
        int cells = spec.cellCount();
        Scenario swept = s;
        running.set(true);
        progress.set(0);
        message.set("Running " + cells + " cells (" + 3 * cells + " simulations) …");
        handle = runner.submit("Break-even sweep", sink -> BreakEvenSweep.run(s, spec, threads, sweepProgress(sink)), r -> {
            running.set(false);
            progress.set(1);
            sweptScenario = swept;
            result.set(r);
            selected.set(null);
            selectedText.set("Click a cell for its numbers.");
            long checkpointWins = r.cells().stream().filter(c -> c.winner() == Winner.CHECKPOINT).count();
            message.set(r.bandwidths().size() + " × " + r.imageSizes().size() + " cells: checkpoint is cheaper in " + checkpointWins
                    + ", drain in " + r.cells().stream().filter(c -> c.winner() == Winner.DRAIN).count()
                    + (r.boundary().isEmpty() ? "; no break-even on this grid." : "; the black line is the break-even."));
        }, error -> {
            running.set(false);
            progress.set(0);
            message.set(error instanceof CancellationException ? "Break-even sweep cancelled."
                    : "The break-even sweep failed: " + error.getMessage());
        });
        return true;
    }

    private Long windowStart() {
        String text = windowStart.get() == null ? "" : windowStart.get().strip();
        if (text.isEmpty()) return null;
        try {
            long t = org.preemptlab.time.Durations.parse(text);
            if (t < 0) throw new IllegalArgumentException("is negative");
            return t;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Window start \"" + text + "\": " + e.getMessage(), e);
        }
    }

    private SweepProgress sweepProgress(ProgressSink sink) {
        return new SweepProgress() {
            @Override
            public void cellsDone(int done, int total) {
                double f = (double) done / total;
                sink.progress(f, done + " of " + total + " cells");
                runner.onUi(() -> {
                    if (running.get()) progress.set(Math.max(progress.get(), f));
                });
            }

            @Override
            public boolean isCancelled() {
                return sink.isCancelled();
            }
        };
    }

    /**
     * The picked cell as two runs to compare, drain then checkpoint (that cell's bandwidth, image
     * size and window); empty when no cell is picked.
     */
    public List<VariantPlan> selectedCellPlans() {
        BreakEvenCell cell = selected.get();
        BreakEvenResult r = result.get();
        if (cell == null || r == null || sweptScenario == null) return List.of();
        String at = " (" + Units.bandwidth(cell.bandwidthMBps()) + ", " + Units.size(cell.imageMbPerNode()) + " per node)";
        List<VariantPlan> plans = new java.util.ArrayList<>();
        MaintenanceStrategy checkpoint = r.cells().isEmpty() ? MaintenanceStrategy.CHECKPOINT_BEFORE
                : MaintenanceStrategy.parse(r.cells().get(0).checkpoint().strategy());
        for (MaintenanceStrategy st : List.of(MaintenanceStrategy.DRAIN, checkpoint)) {
            Scenario s = BreakEvenSweep.cellScenario(sweptScenario, r, cell, st);
            plans.add(new VariantPlan(st.label(), st.label() + at, s.toConfig(true)));
        }
        return plans;
    }

    /** Stops a running sweep (the result of the previous one stays). */
    public void cancel() {
        if (handle != null) handle.cancel();
    }

    /** Picks the cell at a row (image size) and column (bandwidth); out of range clears the choice. */
    public void select(int imageIndex, int bandwidthIndex) {
        BreakEvenResult r = result.get();
        if (r == null || imageIndex < 0 || bandwidthIndex < 0 || imageIndex >= r.imageSizes().size()
                || bandwidthIndex >= r.bandwidths().size()) {
            selected.set(null);
            selectedText.set("Click a cell for its numbers.");
            return;
        }
        BreakEvenCell c = r.cell(imageIndex, bandwidthIndex);
        selected.set(c);
        selectedText.set(c.summary());
    }

    /** Picks a cell by its index in {@link BreakEvenResult#cells()} (the chart's item index). */
    public void selectItem(int item) {
        BreakEvenResult r = result.get();
        if (r == null || item < 0 || item >= r.cells().size()) {
            select(-1, -1);
            return;
        }
        BreakEvenCell c = r.cells().get(item);
        select(c.imageIndex(), c.bandwidthIndex());
    }
}
