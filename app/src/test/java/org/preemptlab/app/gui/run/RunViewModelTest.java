package org.preemptlab.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunViewModelTest {

    private final RunViewModel vm = new RunViewModel(SyntheticRuns.preemptionRun());

    @Test
    void steps_through_events_and_back_exactly() {
        assertThat(vm.cursor()).isZero();
        vm.stepNextEvent();
        assertThat(vm.cursor()).isEqualTo(50);
        vm.stepNextEvent();
        vm.stepNextEvent();
        assertThat(vm.cursor()).isEqualTo(120);
        CursorMetrics at120 = vm.metricsProperty().get();
        vm.stepNextEvent();
        vm.stepPreviousEvent();
        assertThat(vm.cursor()).isEqualTo(120);
        assertThat(vm.metricsProperty().get()).isEqualTo(at120);
    }

    @Test
    void next_decision_moves_the_cursor_and_highlights_the_job() {
        vm.setCursor(150);
        vm.stepNextDecision();
        assertThat(vm.cursor()).isEqualTo(200);
        assertThat(vm.gantt().highlightedJobs()).containsExactly(2);
        assertThat(vm.selectedJobProperty().get()).isEqualTo(2);
        assertThat(vm.history()).extracting(HistoryLine::event)
                .containsExactly("start", "preempt", "checkpoint-begin", "checkpoint-end", "restart", "end");
        assertThat(vm.jobSummaryProperty().get()).contains("Job j3");
    }

    @Test
    void clicking_a_why_entry_moves_the_cursor_there() {
        vm.filterProperty().set(LogFilter.PREEMPTION);
        DecisionItem kill = vm.decisions().stream().filter(d -> d.entry().kind().label().equals("kill")).findFirst().orElseThrow();
        vm.selectDecision(kill);
        assertThat(vm.cursor()).isEqualTo(120);
        assertThat(vm.gantt().isHighlighted(3)).isTrue();
        assertThat(vm.decisions().get(vm.decisionPositionAtCursor()).time()).isEqualTo(120);
    }

    @Test
    void playback_advances_by_speed_and_stops_at_the_end() {
        vm.speedProperty().set(100);
        vm.togglePlay();
        vm.tick(500_000_000L);
        assertThat(vm.cursor()).isEqualTo(50);
        vm.tick(10_000_000_000L);
        assertThat(vm.cursor()).isEqualTo(400);
        assertThat(vm.playingProperty().get()).isFalse();
        vm.scrubTo(0.5);
        assertThat(vm.cursor()).isEqualTo(200);
    }

    @Test
    void default_speed_plays_a_run_in_about_forty_seconds() {
        assertThat(RunViewModel.defaultSpeed(40 * 3600)).isEqualTo(3600);
        assertThat(RunViewModel.defaultSpeed(400)).isEqualTo(10);
    }
}
