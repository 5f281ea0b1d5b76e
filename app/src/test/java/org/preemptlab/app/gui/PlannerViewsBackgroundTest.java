package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.background.ProgressSink;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.planner.PlannerViewModel;

/**
 * The planner views are computed on the background runner, once per run: a runner whose worker is a
 * queue the test drains by hand shows that asking for them only submits work (nothing computed on the
 * calling, UI, thread), that the views arrive when the work has run, and that asking again for the
 * same run reuses them. No toolkit, no sleeps.
 */
class PlannerViewsBackgroundTest {

    @TempDir
    Path dir;

    private final ArrayDeque<Runnable> worker = new ArrayDeque<>();
    private final TaskRunner runner = new TaskRunner(worker::add, Runnable::run);

    private int drain() {
        int ran = 0;
        for (Runnable r; (r = worker.poll()) != null; ran++) r.run();
        return ran;
    }

    @Test
    void computed_in_the_background_once_per_run() {
        RecordingNotifier notifier = new RecordingNotifier();
        MainViewModel vm = new MainViewModel(runner, notifier, dir);
        vm.openDefault();
        drain();
        var run = vm.runProperty().get();
        assertThat(run).as("the default scenario ran").isNotNull();

        List<PlannerViewModel> shown = new ArrayList<>();
        vm.plannerViews(shown::add);
        assertThat(shown).as("nothing computed on the caller's thread").isEmpty();
        assertThat(worker).hasSize(1);
        assertThat(runner.monitor().busyProperty().get()).isTrue();
        assertThat(runner.monitor().titleProperty().get()).startsWith("Planner views of ");
        assertThat(drain()).isEqualTo(1);
        assertThat(shown).singleElement().satisfies(p -> {
            assertThat(p.run()).isSameAs(run.run());
            assertThat(p.waitRows()).isNotEmpty();
        });
        assertThat(runner.monitor().busyProperty().get()).isFalse();

        vm.plannerViews(shown::add);
        assertThat(worker).as("the same run: cached, no new work").isEmpty();
        assertThat(shown).hasSize(2);
        assertThat(shown.get(1)).isSameAs(shown.get(0));

        vm.runScenario();
        drain();
        assertThat(vm.runProperty().get()).isNotSameAs(run);
        vm.plannerViews(shown::add);
        assertThat(worker).as("a new run: computed again").hasSize(1);
        drain();
        assertThat(shown).hasSize(3);
        assertThat(shown.get(2)).isNotSameAs(shown.get(0));
        assertThat(shown.get(2).run()).isSameAs(vm.runProperty().get().run());
        assertThat(notifier.errors).isEmpty();
    }

    @Test
    void compute_reports_progress_and_stops_when_cancelled() {
        MainViewModel vm = new MainViewModel(TaskRunner.sameThread(), new RecordingNotifier(), dir);
        vm.openDefault();
        var rec = vm.runProperty().get().run();
        List<Double> fractions = new ArrayList<>();
        PlannerViewModel p = PlannerViewModel.compute(rec, List.of(), new ProgressSink() {
            @Override
            public void progress(double fraction, String message) {
                fractions.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertThat(fractions).first().isEqualTo(0.0);
        assertThat(fractions).last().isEqualTo(1.0);
        assertThat(fractions).isSorted();
        assertThat(p.waitGroups()).isSameAs(p.waitGroups()); // cached: the same list each time
        ProgressSink cancelled = new ProgressSink() {
            @Override
            public void progress(double fraction, String message) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> PlannerViewModel.compute(rec, List.of(), cancelled)).isInstanceOf(CancellationException.class);
    }
}
