package org.preemptlab.app.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import java.util.List;
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
import org.preemptlab.app.gui.compare.Variant;
import org.preemptlab.app.gui.editor.EditorViewModel;
import org.preemptlab.app.gui.files.Autosave;
import org.preemptlab.app.gui.files.MetricsCsv;
import org.preemptlab.app.gui.files.RecentFiles;
import org.preemptlab.app.gui.files.ScenarioFiles;
import org.preemptlab.io.report.EventsCsvWriter;
import org.preemptlab.io.report.ScheduleExport;
import org.preemptlab.io.swf.SwfHeader;
import org.preemptlab.io.swf.SwfReadOptions;
import org.preemptlab.io.swf.SwfReader;
import org.preemptlab.app.gui.scenario.ImportReport;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.app.gui.scenario.SwfImport;
import org.preemptlab.scenario.ScenarioValidator;
import org.preemptlab.app.gui.scenario.SlurmImportForm;
import org.preemptlab.backend.slurm.SlurmCli;
import org.preemptlab.backend.slurm.SlurmCommands;
import org.preemptlab.backend.slurm.SlurmScenarioImport;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.app.gui.run.BackendViewModel;
import org.preemptlab.app.gui.run.GanttIndex;
import org.preemptlab.app.gui.run.LiveRunViewModel;
import org.preemptlab.app.gui.run.LiveSettings;
import org.preemptlab.app.gui.run.RunRecord;
import org.preemptlab.app.gui.run.RunViewModel;
import org.preemptlab.app.gui.run.ScenarioRunner;
import org.preemptlab.app.gui.scenario.DefaultScenario;
import org.preemptlab.app.gui.scenario.ScenarioConverter;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioException;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.app.gui.run.MaintenanceDrawing;
import org.preemptlab.scenario.MaintenanceDraft;
import org.preemptlab.units.Units;

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
    private final RecentFiles recent;
    private final Autosave autosave;
    private boolean autoPlay;
    private final BackendViewModel backend = new BackendViewModel();
    private final LiveRunViewModel live = new LiveRunViewModel();
    private Function<Path, SlurmCommands> slurmConnect = conf -> conf != null ? new SlurmCli(conf) : SlurmCli.fromEnvironment();
    private Clock clock = Clock.systemUTC();

    public MainViewModel(TaskRunner runner, Notifier notifier, Path settingsDir) {
        this.runner = runner;
        this.notifier = notifier;
        this.recent = new RecentFiles(settingsDir);
        this.autosave = new Autosave(settingsDir);
        this.editor = new EditorViewModel(DefaultScenario.create());
        this.compare = new CompareViewModel(runner, editor::draft);
        compare.checkBeforeRun(editor::checkInput);
        // the compare page's default choice includes the scenario's own scheduler
        page.addListener((o, a, b) -> {
            if (b == Page.COMPARE) compare.followScenario();
        });
        this.title = Bindings.createStringBinding(() -> {
            String name = editor.draft().name();
            String where = file.get() == null ? "" : " — " + file.get().getFileName();
            return "PreemptLab — " + name + where + (editor.dirtyProperty().get() ? " *" : "");
        }, editor.draftProperty(), file, editor.dirtyProperty());
        live.frameProperty().addListener((o, a, b) -> {
            if (b != null) showLiveFrame(b);
        });
        live.messageProperty().addListener((o, a, b) -> status.set(b));
        // unsaved edits saved, or dropped for another scenario (open, sample, import, new): nothing to recover
        editor.dirtyProperty().addListener((o, was, dirty) -> {
            if (was && !dirty) clearAutosave();
        });
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

    /**
     * When on, every new run starts playing at once with the rest of the schedule shown faded, so
     * a first look shows a schedule moving (the app turns it on; tests leave it off).
     */
    public void setAutoPlay(boolean on) {
        autoPlay = on;
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

    /** The maintenance windows of the run shown (for the planner views' drain stretches). */
    private java.util.List<org.preemptlab.sim.MaintenanceWindow> runWindows = java.util.List.of();

    /** The planner views of the run they were last computed for (one run's views cached at a time). */
    private RunViewModel plannerFor;
    private org.preemptlab.app.gui.planner.PlannerViewModel planner;

    /**
     * Hands the planner views (utilization by state, backlog, waits by group) of the run shown to
     * {@code show}: computed on the background runner with progress the first time (seconds for a
     * 200k-job run), from the cache for the same run afterwards. Nothing before a run.
     */
    public void plannerViews(java.util.function.Consumer<org.preemptlab.app.gui.planner.PlannerViewModel> show) {
        RunViewModel r = run.get();
        if (r == null) return;
        if (plannerFor == r && planner != null) {
            show.accept(planner);
            return;
        }
        java.util.List<org.preemptlab.sim.MaintenanceWindow> windows = runWindows;
        runner.submit("Planner views of " + r.run().title(),
                sink -> org.preemptlab.app.gui.planner.PlannerViewModel.compute(r.run(), windows, sink), p -> {
                    plannerFor = r;
                    planner = p;
                    if (run.get() == r) show.accept(p);
                }, error -> {
                    if (!(error instanceof java.util.concurrent.CancellationException)) {
                        notifier.error("Cannot compute the planner views", messageOf(error));
                    }
                });
    }

    /** Simulates the editor's scenario in the background; the run view shows it when done. */
    public void runScenario() {
        ScenarioDraft draft = editor.draft();
        SimulationConfig config;
        try {
            editor.checkInput(); // a field's text that does not parse: the draft holds its previous value
            config = ScenarioConverter.toConfig(draft, editor.scenarioOf(draft), draft.scheduler().kind());
        } catch (ScenarioException e) {
            page.set(Page.EDITOR);
            notifier.error("The scenario cannot run yet", describe(e));
            return;
        }
        String tooLarge = GanttIndex.tooLarge(config.cluster());
        if (tooLarge != null) {
            notifier.error("The machine is too large to draw", tooLarge);
            return;
        }
        if (backend.kind().isLive()) {
            runLive(draft.name() + " (" + draft.scheduler().kind().label() + ")", config);
            return;
        }
        if (pendingRun != null) pendingRun.cancel();
        String title = draft.name() + " (" + draft.scheduler().kind().label() + ")";
        status.set("Simulating " + title + " …");
        pendingRun = runner.submit("Simulating " + title, sink -> {
            RunRecord simulated = ScenarioRunner.simulate(title, config, sink);
            sink.progress(-1, "indexing the timeline of " + title);
            return new GanttIndex(simulated); // built off the UI thread: seconds for big traces
        }, index -> {
            RunRecord rec = index.run();
            pendingRun = null;
            runWindows = config.maintenance();
            RunViewModel fresh = new RunViewModel(index);
            if (autoPlay) {
                fresh.gantt().showFutureProperty().set(true);
                fresh.togglePlay();
            }
            run.set(fresh);
            page.set(Page.RUN);
            status.set(String.format(java.util.Locale.ROOT, "%s: %s, mean wait %s, utilization %s, simulated in %.2f s", title,
                    Units.count(rec.jobs().size(), "job"), Units.duration(rec.metrics().meanWaitSeconds()),
                    Units.share(rec.metrics().utilization()), rec.metrics().wallSeconds()));
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

    /**
     * A maintenance window drawn on the Gantt goes into the editor's scenario (one undoable edit),
     * draining by default; the maintenance table edits it further. False (with a dialog) when the
     * scenario has no pools to maintain (an SWF processor machine).
     */
    public boolean addDrawnMaintenance(MaintenanceDrawing.Span span) {
        ScenarioDraft d = editor.draft();
        if (d.pools().isEmpty()) {
            notifier.error("No pools to maintain", "This scenario is a machine of " + Units.count(d.processors(), "processor")
                    + " (an SWF trace): maintenance windows need node pools.");
            return false;
        }
        MaintenanceDraft w = editor.addMaintenance(MaintenanceDrawing.window(span,
                d.pools().stream().map(p -> p.name()).toList(), "", MaintenanceStrategy.DRAIN));
        status.set("Added maintenance window " + w.name() + " on " + w.target() + " at " + Units.instant(w.start()) + " for "
                + Units.duration(w.duration()) + " (drain). Edit it in the editor's maintenance table; Simulate (F5) to see its effect.");
        return true;
    }

    /**
     * Adds an advance reservation drawn on the Gantt (over a pool's nodes, or every node), as one
     * undoable edit; no job names it yet (give jobs its name in the file, "reservation").
     */
    public boolean addDrawnReservation(MaintenanceDrawing.Span span) {
        ScenarioDraft d = editor.draft();
        if (d.pools().isEmpty()) {
            notifier.error("No nodes to reserve", "This scenario is a machine of " + Units.count(d.processors(), "processor")
                    + " (an SWF trace): reservations need node pools.");
            return false;
        }
        java.util.List<Integer> nodes = new java.util.ArrayList<>();
        int first = 0;
        for (var p : d.pools()) {
            if (span.pool().equals(org.preemptlab.scenario.MaintenanceDraft.ALL_NODES) || p.name().equals(span.pool())) {
                for (int k = 0; k < p.nodes(); k++) nodes.add(first + k);
            }
            first += Math.max(0, p.nodes());
        }
        var r = editor.addReservation(new org.preemptlab.reservation.ReservationSpec("", nodes.stream().mapToInt(i -> i).toArray(),
                0, "", java.util.List.of(), java.util.List.of(), span.start(), span.duration(), null, null,
                org.preemptlab.reservation.ReservationSpec.DEFAULT_PURGE_AFTER, null));
        status.set("Added reservation " + r.spec().name() + " on " + (span.pool().equals(org.preemptlab.scenario.MaintenanceDraft.ALL_NODES)
                ? "all nodes" : "pool " + span.pool()) + " at " + Units.instant(r.spec().start()) + " for "
                + Units.duration(r.spec().duration()) + ". Jobs that name it (\"reservation\") run only inside it; Simulate (F5) to see its effect.");
        return true;
    }

    // ---------------------------------------------------------------- live runs

    /** The Run menu's backend choice (emulated, local processes, Slurm) and time scale. */
    public BackendViewModel backend() {
        return backend;
    }

    /** The live run in progress or the last one. */
    public LiveRunViewModel live() {
        return live;
    }

    /** Runs {@code config} in real time on the chosen backend; the Gantt grows with {@link #refreshLive()}. */
    private void runLive(String title, SimulationConfig config) {
        if (live.isActive()) {
            notifier.error("A live run is in progress", "Stop it first (the Stop button, or Run ▸ Stop live run).");
            return;
        }
        LiveSettings settings;
        try {
            settings = backend.liveSettings();
        } catch (IllegalStateException e) {
            notifier.error("The " + backend.kind().label() + " backend cannot run yet", messageOf(e));
            return;
        }
        if (pendingRun != null) pendingRun.cancel();
        page.set(Page.RUN);
        live.start(runner, title, config, settings, rec -> status.set(String.format(
                java.util.Locale.ROOT, "%s on %s: %s, mean wait %s, utilization %s, %s of real time", title, settings.describe(),
                Units.count(rec.jobs().size(), "job"), Units.duration(rec.metrics().meanWaitSeconds()),
                Units.share(rec.metrics().utilization()), Units.duration(rec.metrics().wallSeconds()))), error -> notifier.error("The live run of " + title + " failed", messageOf(error)));
    }

    /** Shows the newest state of a live run (UI thread, every ~0.5 s while one is going). */
    public void refreshLive() {
        live.refresh();
    }

    /** Stops the live run: the backend ends every process or Slurm job it started. */
    public void stopLive() {
        live.stop();
    }

    /** Window closing: stops a live run and waits (a few seconds at most) until its backend is closed. */
    public boolean shutDownLive(java.time.Duration timeout) {
        return live.stopAndWait(timeout);
    }

    private void showLiveFrame(RunRecord rec) {
        RunViewModel previous = run.get();
        RunViewModel fresh = new RunViewModel(new GanttIndex(rec));
        fresh.jumpToEnd(); // everything drawn so far is the past
        if (previous != null && previous.run().title().equals(rec.title())) {
            fresh.selectJob(previous.selectedJobProperty().get());
            fresh.gantt().continueViewOf(previous.gantt());
        }
        run.set(fresh);
    }

    // ---------------------------------------------------------------- files

    public RecentFiles recentFiles() {
        return recent;
    }

    public Autosave autosave() {
        return autosave;
    }

    /** A new, empty scenario (the caller has asked about unsaved edits). */
    public void newScenario() {
        editor.load(ScenarioDraft.empty());
        file.set(null);
        clearAutosave();
        status.set("New scenario.");
        page.set(Page.EDITOR);
    }

    /** The built-in default scenario. */
    public void openDefault() {
        editor.load(DefaultScenario.create());
        file.set(null);
        runScenario();
    }

    /**
     * Opens a scenario file in the background, then runs it. A bad file leaves the open work
     * untouched and names the file, line and field in a dialog.
     */
    public void openFile(Path path) {
        status.set("Opening " + path.getFileName() + " …");
        runner.submit("Opening " + path.getFileName(), sink -> ScenarioFiles.open(path), opened -> {
            editor.load(opened.draft(), opened.scenario()); // the reader's judgement: not judged again
            file.set(path.toAbsolutePath());
            remember(path);
            status.set("Opened " + path.getFileName() + ".");
            runScenario();
        }, error -> {
            status.set("Could not open " + path.getFileName() + ".");
            if (error instanceof ScenarioException) remember(path);
            notifier.error("Cannot open " + path.getFileName(), messageOf(error));
        });
    }

    /**
     * Imports an SWF trace (the first {@code maxJobs} jobs; 0: all) as a processor-machine scenario,
     * shows what the reader's anomaly rules changed, and runs it.
     */
    public void importSwf(Path path, long maxJobs) {
        importSwf(path, SwfImport.options(maxJobs));
    }

    /**
     * Imports the jobs of an SWF trace that {@code options} select (job range, submit window, job
     * limit) as a processor-machine scenario; the anomaly report goes to the editor's report panel
     * and a dialog; then the scenario runs.
     */
    public void importSwf(Path path, SwfReadOptions options) {
        status.set("Importing " + path.getFileName() + " …");
        record Imported(org.preemptlab.io.swf.SwfTrace trace, ScenarioDraft draft, org.preemptlab.scenario.Scenario scenario) {}
        runner.submit("Importing " + path.getFileName(), sink -> {
            org.preemptlab.io.swf.SwfTrace read = SwfReader.read(path, options);
            ScenarioDraft draft = SwfImport.toDraft(path, read, options);
            org.preemptlab.scenario.Scenario judged;
            try {
                judged = ScenarioValidator.toScenario(draft); // judged here, off the UI thread (200k jobs)
            } catch (ScenarioException e) {
                judged = null; // the editor lists the problems
            }
            return new Imported(read, draft, judged);
        }, imported -> {
            org.preemptlab.io.swf.SwfTrace trace = imported.trace();
            ImportReport report = ImportReport.of(trace.report());
            editor.load(imported.draft(), imported.scenario());
            editor.importReportProperty().set(report);
            editor.dirtyProperty().set(true);
            file.set(null);
            notifier.info("Imported " + Units.count(trace.jobs().size(), "job") + " from " + path.getFileName() + " on "
                    + Units.count(trace.machineProcs(), "processor"), report.machineLine() + "\n" + report.firedLine()
                    + "\nThe editor's \"SWF import report\" panel lists every rule.\n\n" + trace.report().summary());
            runScenario();
        }, error -> {
            status.set("Could not import " + path.getFileName() + ".");
            notifier.error("Cannot import " + path.getFileName(), messageOf(error));
        });
    }

    /**
     * How the Slurm import reaches the cluster: the Slurm command-line tools with the given
     * slurm.conf (null: the environment's); tests pass a fake cluster and a fixed clock.
     */
    public void setSlurmAccess(Function<Path, SlurmCommands> connect, Clock clock) {
        this.slurmConnect = Objects.requireNonNull(connect, "connect");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * File ▸ Import from Slurm: in the background, asks the live cluster (or reads only its
     * slurm.conf) for a scenario "from now", then opens it in the editor as unsaved work and runs
     * it. A failure is one dialog; the open work is kept.
     */
    public void importSlurm(SlurmImportForm.Request request) {
        String what = request.describe();
        Function<Path, SlurmCommands> connect = slurmConnect;
        Clock now = clock;
        status.set("Importing from " + what + " …");
        runner.submit("Importing from " + what, sink -> {
            SlurmScenarioImport.Options options = new SlurmScenarioImport.Options(SchedulerSpec.of(SchedulerKind.EASY), null, 1.0, 86_400,
                    request.runningAsQueued(), false);
            if (request.confOnly()) return new SlurmScenarioImport.LiveImport(SlurmScenarioImport.fromConf(request.slurmConf(), options), null);
            sink.progress(-1, "asking Slurm (scontrol show, sacctmgr dump; sinfo/squeue --json without scontrol)");
            // the site model (version 2) as import-slurm writes it; the pools of sinfo/squeue (version 1) only
            // when the connection cannot run scontrol (the description says why)
            return SlurmScenarioImport.importLive(connect.apply(request.slurmConf()), now.instant().truncatedTo(
                    java.time.temporal.ChronoUnit.SECONDS), options);
        }, imported -> {
            org.preemptlab.scenario.Scenario scenario = imported.scenario();
            ScenarioDraft draft = ScenarioValidator.toDraft(scenario);
            editor.load(draft);
            org.preemptlab.app.gui.scenario.SlurmImportReport report = imported.site() == null ? null
                    : org.preemptlab.app.gui.scenario.SlurmImportReport.of(what, imported.site());
            editor.slurmImportReportProperty().set(report);
            editor.dirtyProperty().set(true);
            file.set(null);
            boolean placeholder = SlurmScenarioImport.isPlaceholderOnly(scenario);
            long nodes = draft.pools().stream().mapToLong(p -> p.nodes()).sum();
            String summary = "Imported " + (draft.site() == null ? Units.count(draft.pools().size(), "pool")
                            : Units.count(draft.pools().size(), "node group") + " of a Slurm site") + ", "
                    + Units.count(nodes, "node") + " and "
                    + (placeholder ? "one placeholder job (replace it)" : Units.count(draft.jobs().size(), "job") + ", "
                            + Units.group(draft.running().size()) + " already running")
                    + " from " + what + ".";
            status.set(summary);
            notifier.info(summary, (report == null ? "" : "Import report: " + report.countsLine() + " — the editor's \"Slurm import "
                    + "report\" panel lists them.\n\n") + scenario.description());
            runScenario();
        }, error -> {
            status.set("Could not import from " + what + ".");
            notifier.error("Cannot import from " + what, messageOf(error));
        });
    }

    /** Saves the editor's scenario to {@code path}; false (with a dialog naming the problems) if it cannot. */
    public boolean saveTo(Path path) {
        try {
            editor.checkInput(); // what the user typed is not what would be saved
            ScenarioFiles.write(editor.draft(), path);
        } catch (ScenarioException e) {
            notifier.error("Cannot save: the scenario has problems", describe(e));
            return false;
        } catch (IOException | RuntimeException e) {
            notifier.error("Cannot save " + path.getFileName(), messageOf(e));
            return false;
        }
        file.set(path.toAbsolutePath());
        editor.markSaved();
        remember(path);
        clearAutosave();
        status.set("Saved " + path.getFileName() + ".");
        return true;
    }

    private void remember(Path path) {
        try {
            recent.add(path);
        } catch (IOException e) {
            status.set("Could not update the recent-files list: " + messageOf(e));
        }
    }

    /** Writes the unsaved draft to the autosave file, off the UI thread (nothing to do when saved). */
    public void autosaveNow() {
        if (!editor.dirtyProperty().get()) return;
        ScenarioDraft draft = editor.draft();
        Path original = file.get();
        long generation = autosave.generation(); // a save or discard before the write wins
        runner.quietly(() -> {
            try {
                autosave.saveIfCurrent(generation, draft, original);
            } catch (IOException | RuntimeException e) {
                runner.onUi(() -> status.set("Autosave failed: " + messageOf(e)));
            }
        });
    }

    /** Unsaved work of a session that did not end cleanly, if any. */
    public java.util.Optional<Autosave.Snapshot> pendingRecovery() {
        return autosave.pending();
    }

    /** Takes back recovered work: the draft, marked unsaved, with the file it belonged to. */
    public void recover(Autosave.Snapshot snapshot) {
        editor.load(snapshot.draft());
        editor.dirtyProperty().set(true);
        file.set(snapshot.originalFile().orElse(null));
        status.set("Recovered unsaved work from " + java.time.Instant.ofEpochMilli(snapshot.savedAtMillis()) + ".");
        runScenario();
    }

    /** The session ends normally: no recovery is needed next time. */
    public void clearAutosave() {
        try {
            autosave.clear();
        } catch (IOException e) {
            status.set("Could not remove the autosave: " + messageOf(e));
        }
    }

    // ---------------------------------------------------------------- exports

    public void exportMetricsCsv(Path out) {
        RunViewModel r = run.get();
        if (r == null || r.run().metrics() == null) {
            notifier.error("Nothing to export", "Run a scenario first.");
            return;
        }
        export(out, () -> MetricsCsv.write(out, r.run().metrics()));
    }

    public void exportComparisonCsv(Path out) {
        if (compare.variants().isEmpty()) {
            notifier.error("Nothing to export", "Compare some schedulers first.");
            return;
        }
        List<String> names = compare.variants().stream().map(Variant::key).toList();
        export(out, () -> MetricsCsv.write(out, names, compare.metrics().stream().map(r -> new MetricsCsv.Row(r.name(), r.values())).toList()));
    }

    public void exportScheduleSwf(Path out) {
        RunViewModel r = run.get();
        if (r == null || r.run().source() == null) {
            notifier.error("Nothing to export", "Run a scenario first.");
            return;
        }
        export(out, () -> ScheduleExport.write(out, SwfHeader.EMPTY, r.run().source()));
    }

    public void exportEventsCsv(Path out) {
        RunViewModel r = run.get();
        if (r == null || r.run().source() == null) {
            notifier.error("Nothing to export", "Run a scenario first.");
            return;
        }
        export(out, () -> EventsCsvWriter.write(out, r.run().source()));
    }

    /** Export work that may fail: a dialog names the file and the reason; the app goes on. */
    public interface ExportBody {
        void write() throws IOException;
    }

    public void export(Path out, ExportBody body) {
        try {
            body.write();
            status.set("Exported " + out.getFileName() + ".");
        } catch (IOException | RuntimeException e) {
            notifier.error("Cannot export " + out.getFileName(), messageOf(e));
        }
    }

    static String describe(ScenarioException e) {
        return e.problems().stream().limit(12).map(i -> "• " + (i.path().isEmpty() ? e.source() : i.path()) + ": " + i.message())
                .collect(Collectors.joining("\n"))
                + (e.problems().size() > 12 ? "\n… and " + (e.problems().size() - 12) + " more" : "");
    }

    public static String messageOf(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
