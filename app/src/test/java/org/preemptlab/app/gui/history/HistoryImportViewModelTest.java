package org.preemptlab.app.gui.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.history.HistoryImportForm.Field;
import org.preemptlab.app.gui.history.HistoryImportViewModel.State;
import org.preemptlab.fidelity.StartComparison;
import org.preemptlab.history.SacctReader;
import org.preemptlab.replay.SiteReplay;
import org.preemptlab.slurmconf.SlurmConfException;
import org.preemptlab.slurmconf.SlurmSite;
import org.preemptlab.slurmsched.BackfillPlans;

/** The history import off the toolkit: the form's checks, a replay on a real worker thread, cancel, errors. */
class HistoryImportViewModelTest {

    @TempDir
    Path dir;

    static Path fixture(String name) throws Exception {
        return Path.of(HistoryImportViewModelTest.class.getResource("/org/preemptlab/app/gui/history/ci-run1/" + name).toURI());
    }

    private static void fill(HistoryImportViewModel vm, Path conf, Path sacct) throws Exception {
        vm.field(Field.SLURM_CONF).set(conf.toString());
        vm.field(Field.GRES_CONF).set(fixture("gres.conf").toString());
        vm.field(Field.SACCTMGR_DUMP).set(fixture("sacctmgr-dump.txt").toString());
        vm.field(Field.SACCTMGR_QOS).set(fixture("sacctmgr-qos.txt").toString());
        vm.field(Field.SACCT).set(sacct.toString());
    }

    /** Completes with the state the import ends in. */
    private static CompletableFuture<State> ending(HistoryImportViewModel vm) {
        CompletableFuture<State> end = new CompletableFuture<>();
        vm.stateProperty().addListener((o, a, b) -> {
            if (b != State.RUNNING && b != State.IDLE) end.complete(b);
        });
        return end;
    }

    @Test
    void theToleranceIsReadAsAPersonWritesItAndTheBaselineDefaultsToTheSitesFiles() throws Exception {
        assertThat(HistoryImportForm.duration("90")).isEqualTo(90);
        assertThat(HistoryImportForm.duration("2 min")).isEqualTo(120);
        assertThat(HistoryImportForm.duration("1 min 30 s")).isEqualTo(90);
        assertThat(HistoryImportForm.duration("1m30s")).isEqualTo(90);
        assertThat(HistoryImportForm.duration("1 h")).isEqualTo(3600);
        assertThatThrownBy(() -> HistoryImportForm.duration("soon")).isInstanceOf(IllegalArgumentException.class);

        HistoryImportViewModel vm = new HistoryImportViewModel(TaskRunner.sameThread());
        fill(vm, fixture("slurm.conf"), fixture("sacct.txt"));
        vm.field(Field.TOLERANCE).set("-5");
        assertThat(vm.problem(Field.TOLERANCE).get()).startsWith("\"-5\": not a duration");
        assertThat(vm.validProperty().get()).isFalse();
        vm.field(Field.TOLERANCE).set("1 min 30 s");
        assertThat(vm.validProperty().get()).isTrue();
        Path otherQos = Files.copy(fixture("sacctmgr-qos.txt"), dir.resolve("old-qos.txt"));
        vm.field(Field.BASELINE_SACCTMGR_QOS).set(otherQos.toString());
        java.util.Map<Field, String> text = new java.util.EnumMap<>(Field.class);
        for (Field f : Field.values()) text.put(f, vm.field(f).get());
        HistoryImportForm.Request r = HistoryImportForm.check(text, SiteReplay.Priority.SACCT).request().orElseThrow();
        assertThat(r.toleranceSeconds()).isEqualTo(90);
        assertThat(r.priority()).isEqualTo(SiteReplay.Priority.SACCT);
        assertThat(r.baseline()).as("only the QOS table differs: the rest is the site's")
                .isEqualTo(new SlurmSite.Files(fixture("slurm.conf"), fixture("gres.conf"), fixture("sacctmgr-dump.txt"), otherQos));
        vm.field(Field.BASELINE_SACCTMGR_QOS).set("");
        text.put(Field.BASELINE_SACCTMGR_QOS, "");
        assertThat(HistoryImportForm.check(text).request().orElseThrow().baseline()).as("no baseline: no what-if").isNull();
    }

    @Test
    void theFormNeedsSlurmConfAndSacctAndNamesWhatIsWrong() throws Exception {
        HistoryImportViewModel vm = new HistoryImportViewModel(TaskRunner.sameThread());
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.problem(Field.SLURM_CONF).get()).isEqualTo("choose the slurm.conf");
        assertThat(vm.problem(Field.SACCT).get()).isEqualTo("choose the sacct table");
        assertThat(vm.problem(Field.GRES_CONF).get()).as("optional").isEmpty();
        assertThat(vm.run()).as("nothing to run").isFalse();
        vm.field(Field.SLURM_CONF).set(fixture("slurm.conf").toString());
        vm.field(Field.SACCT).set(fixture("sacct.txt").toString());
        assertThat(vm.validProperty().get()).isTrue();
        vm.field(Field.SACCTMGR_DUMP).set(dir.resolve("nope.txt").toString());
        assertThat(vm.problem(Field.SACCTMGR_DUMP).get()).isEqualTo("no such file");
        assertThat(vm.validProperty().get()).isFalse();
        vm.field(Field.SACCTMGR_DUMP).set("  ");
        assertThat(vm.validProperty().get()).isTrue();
        vm.field(Field.SACCT).set(dir.toString());
        assertThat(vm.problem(Field.SACCT).get()).as("a folder is not a file").isEqualTo("no such file");
    }

    @Test
    void aReplayOnAWorkerThreadEndsWithTheModelsComparisonAndReportsProgress() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        ExecutorService ui = Executors.newSingleThreadExecutor(); // stands in for the FX thread: one thread, in order
        try {
            HistoryImportViewModel vm = new HistoryImportViewModel(new TaskRunner(worker, ui));
            fill(vm, fixture("slurm.conf"), fixture("sacct.txt"));
            AtomicReference<Double> most = new AtomicReference<>(0.0);
            List<String> messages = new ArrayList<>();
            vm.runner().monitor().progressProperty().addListener((o, a, b) -> most.accumulateAndGet(b.doubleValue(), Math::max));
            vm.runner().monitor().messageProperty().addListener((o, a, b) -> messages.add(b));
            CompletableFuture<State> end = ending(vm);
            assertThat(vm.run()).isTrue();
            assertThat(end.get(120, TimeUnit.SECONDS)).isEqualTo(State.DONE);
            CompletableFuture<FidelityViewModel> result = CompletableFuture.supplyAsync(() -> vm.resultProperty().get(), ui);
            StartComparison shown = result.get(10, TimeUnit.SECONDS).comparison();
            StartComparison model = SiteReplay.run(SlurmSite.read(new SlurmSite.Files(fixture("slurm.conf"), fixture("gres.conf"),
                    fixture("sacctmgr-dump.txt"), fixture("sacctmgr-qos.txt"))), SacctReader.read(fixture("sacct.txt")), org.preemptlab.replay.PassPhase.AUTO, null,
                    SiteReplay.Priority.MULTIFACTOR).comparison();
            assertThat(shown.rows()).isEqualTo(model.rows());
            assertThat(shown.withinToleranceShare()).isEqualTo(model.withinToleranceShare());
            assertThat(most.get()).as("the last progress report is every job ended").isEqualTo(1.0);
            assertThat(messages).contains("reading sacct.txt", "replaying: 43 of 43 jobs ended");
            assertThat(vm.statusProperty().get()).startsWith("sacct.txt (backfill plans: whole nodes): 43 jobs: ");
        } finally {
            worker.shutdownNow();
            ui.shutdownNow();
        }
    }

    /**
     * The backfill plans ({@code replay --backfill-plans}): whole nodes (Slurm's) unless chosen; own resources reach the replay
     * (its warning, its numbers: those of the model's replay with own-resource plans) and are shown in the result.
     */
    @Test
    void theBackfillPlansChosenReachTheReplayAndAreShownWithItsResult() throws Exception {
        HistoryImportViewModel vm = new HistoryImportViewModel(TaskRunner.sameThread());
        assertThat(vm.backfillPlansProperty().get()).as("the default, as the command's").isEqualTo(BackfillPlans.WHOLE_NODES);
        fill(vm, fixture("slurm.conf"), fixture("sacct.txt"));
        assertThat(vm.run()).isTrue();
        FidelityViewModel whole = vm.resultProperty().get();
        assertThat(whole.backfillPlans()).isEqualTo(BackfillPlans.WHOLE_NODES);
        assertThat(whole.warnings()).noneSatisfy(w -> assertThat(w).startsWith("backfill plans: "));

        vm.backfillPlansProperty().set(BackfillPlans.OWN_RESOURCES);
        assertThat(vm.run()).isTrue();
        assertThat(vm.state()).as(vm.errorProperty().get()).isEqualTo(State.DONE);
        FidelityViewModel own = vm.resultProperty().get();
        assertThat(own.backfillPlans()).isEqualTo(BackfillPlans.OWN_RESOURCES);
        assertThat(own.warnings()).anySatisfy(w -> assertThat(w).startsWith("backfill plans: each holds only its job's"));
        StartComparison model = org.preemptlab.replay.SiteReplayRun.run(SlurmSite.read(new SlurmSite.Files(fixture("slurm.conf"),
                fixture("gres.conf"), fixture("sacctmgr-dump.txt"), fixture("sacctmgr-qos.txt"))), null, SacctReader.read(fixture("sacct.txt")),
                org.preemptlab.replay.SiteReplayRun.Options.defaults().withPlans(BackfillPlans.OWN_RESOURCES), false, null)
                .result().comparison();
        assertThat(own.comparison().rows()).isEqualTo(model.rows());
        // (the two plans give the same starts on this run at its inferred phases, replay --phase auto; at phase 0 they differ:
        // ReplayCommandTest.backfillPlansOwnResourcesReachesThePolicyAndChangesStartsTheDefaultIsWholeNodes)
        assertThat(vm.statusProperty().get()).startsWith("sacct.txt (backfill plans: own resources): 43 jobs: ");
        assertThat(own.summary().get(own.summary().size() - 1)).isEqualTo(new FidelityViewModel.SummaryLine("Backfill plans",
                HistoryImportViewModel.describe(BackfillPlans.OWN_RESOURCES)));
        assertThat(HistoryImportViewModel.describe(BackfillPlans.OWN_RESOURCES)).startsWith("own resources: ");

        vm.backfillPlansProperty().set(null);
        assertThat(vm.backfillPlans()).as("none chosen: the default").isEqualTo(BackfillPlans.WHOLE_NODES);
    }

    @Test
    void cancelBeforeTheWorkerRunsEndsCancelledWithoutAResult() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        HistoryImportViewModel vm = new HistoryImportViewModel(new TaskRunner(queued::add, Runnable::run));
        fill(vm, fixture("slurm.conf"), fixture("sacct.txt"));
        assertThat(vm.run()).isTrue();
        assertThat(vm.state()).isEqualTo(State.RUNNING);
        assertThat(vm.run()).as("one replay at a time").isFalse();
        vm.cancel();
        queued.remove(0).run();
        assertThat(vm.state()).isEqualTo(State.CANCELLED);
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Replay of sacct.txt cancelled.");
    }

    @Test
    void cancelWhileTheReplayRunsStopsIt() throws Exception {
        HistoryImportViewModel vm = new HistoryImportViewModel(TaskRunner.sameThread());
        fill(vm, fixture("slurm.conf"), fixture("sacct.txt"));
        vm.runner().monitor().messageProperty().addListener((o, a, b) -> {
            if (b.startsWith("replaying")) vm.cancel();
        });
        vm.run();
        assertThat(vm.state()).isEqualTo(State.CANCELLED);
        assertThat(vm.resultProperty().get()).isNull();
    }

    @Test
    void aBadSlurmConfIsNamedByFileAndLine() throws Exception {
        String text = Files.readString(fixture("slurm.conf"));
        Path conf = Files.writeString(dir.resolve("slurm.conf"), text + "\nNodeName=x1 CPUs=many\n");
        assertThatThrownBy(() -> SlurmSite.read(new SlurmSite.Files(conf, null, null, null))).isInstanceOf(SlurmConfException.class);
        String expected;
        try {
            SlurmSite.read(new SlurmSite.Files(conf, fixture("gres.conf"), fixture("sacctmgr-dump.txt"), fixture("sacctmgr-qos.txt")));
            throw new AssertionError("read");
        } catch (SlurmConfException e) {
            expected = e.getMessage();
        }
        HistoryImportViewModel vm = new HistoryImportViewModel(TaskRunner.sameThread());
        fill(vm, conf, fixture("sacct.txt"));
        vm.run();
        assertThat(vm.state()).isEqualTo(State.FAILED);
        assertThat(vm.errorProperty().get()).isEqualTo(expected).contains("slurm.conf:", "CPUs");
        long lines = text.lines().count() + 2;
        assertThat(vm.errorProperty().get()).contains(":" + lines);
    }

    @Test
    void aFileGoneBetweenTheCheckAndTheReplayIsSaidPlainly() throws Exception {
        Path sacct = Files.copy(fixture("sacct.txt"), dir.resolve("sacct.txt"));
        HistoryImportViewModel vm = new HistoryImportViewModel(TaskRunner.sameThread());
        fill(vm, fixture("slurm.conf"), sacct);
        Files.delete(sacct);
        vm.run();
        assertThat(vm.state()).isEqualTo(State.FAILED);
        assertThat(vm.errorProperty().get()).isEqualTo(sacct + ": no such file");
    }
}
