package org.preemptlab.app.gui;

import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.preemptlab.app.gui.background.TaskHandle;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.compare.CompareViewModel;
import org.preemptlab.app.gui.editor.EditorViewModel;
import org.preemptlab.app.gui.run.RunViewModel;
import org.preemptlab.app.gui.run.ScenarioRunner;
import org.preemptlab.app.gui.scenario.DefaultScenario;
import org.preemptlab.app.gui.scenario.ScenarioConverter;
import org.preemptlab.app.gui.scenario.ScenarioDraft;
import org.preemptlab.app.gui.scenario.ScenarioException;
import org.preemptlab.sim.SimulationConfig;

/**
 * The main window's state: the editor's scenario, the current run, the page shown, the status
 * line; runs simulations in the background through the {@link TaskRunner}.
 */
public final class MainViewModel {

    private final TaskRunner runner;
    private final Notifier notifier;
    private final EditorViewModel editor;
    private final CompareViewModel compare;
    private final ObjectProperty<RunViewModel> run = new SimpleObjectProperty<>(this, "run");
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page", Page.RUN);
    private final ObjectProperty<java.nio.file.Path> file = new SimpleObjectProperty<>(this, "file");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringBinding title;
    private TaskHandle pendingRun;

    public MainViewModel(TaskRunner runner, Notifier notifier) {
        this.runner = runner;
        this.notifier = notifier;
        this.editor = new EditorViewModel(DefaultScenario.create());
        this.compare = new CompareViewModel(runner, editor::draft);
        this.title = Bindings.createStringBinding(() -> {
            String name = editor.draft().name();
            String where = file.get() == null ? "" : " — " + file.get().getFileName();
            return "PreemptLab — " + name + where + (editor.dirtyProperty().get() ? " *" : "");
        }, editor.draftProperty(), file, editor.dirtyProperty());
    }

    public TaskRunner runner() {
        return runner;
    }

    public Notifier notifier() {
        return notifier;
    }

    public EditorViewModel editor() {
        return editor;
    }

    public CompareViewModel compare() {
        return compare;
    }

    /** Runs the chosen schedulers on the editor's scenario and shows the compare page. */
    public void runComparison() {
        page.set(Page.COMPARE);
        compare.run();
    }

    public ReadOnlyObjectProperty<RunViewModel> runProperty() {
        return run;
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public ObjectProperty<java.nio.file.Path> fileProperty() {
        return file;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringBinding titleBinding() {
        return title;
    }

    /** Simulates the editor's scenario in the background; the run view shows it when done. */
    public void runScenario() {
        ScenarioDraft draft = editor.draft();
        SimulationConfig config;
        try {
            config = ScenarioConverter.toConfig(draft);
        } catch (ScenarioException e) {
            page.set(Page.EDITOR);
            notifier.error("The scenario cannot run yet", describe(e));
            return;
        }
        if (pendingRun != null) pendingRun.cancel();
        String title = draft.name() + " (" + draft.policy().label() + ")";
        status.set("Simulating " + title + " …");
        pendingRun = runner.submit("Simulating " + title, sink -> ScenarioRunner.simulate(title, config, sink), rec -> {
            pendingRun = null;
            run.set(new RunViewModel(rec));
            page.set(Page.RUN);
            status.set(String.format("%s: %d jobs, mean wait %.0f s, utilization %.1f %%, simulated in %.2f s", title,
                    rec.jobs().size(), rec.metrics().meanWaitSeconds(), rec.metrics().utilization() * 100,
                    rec.metrics().wallSeconds()));
        }, error -> {
            pendingRun = null;
            if (error instanceof CancellationException) {
                status.set("Simulation cancelled.");
            } else {
                status.set("Simulation failed.");
                notifier.error("The simulation of " + title + " failed", messageOf(error));
            }
        });
    }

    static String describe(ScenarioException e) {
        return e.issues().stream().limit(12).map(i -> "• " + i.field() + ": " + i.message())
                .collect(Collectors.joining("\n"))
                + (e.issues().size() > 12 ? "\n… and " + (e.issues().size() - 12) + " more" : "");
    }

    public static String messageOf(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
