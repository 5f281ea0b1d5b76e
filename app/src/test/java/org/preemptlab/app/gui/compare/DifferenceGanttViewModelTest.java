package org.preemptlab.app.gui.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.run.JobFacts;
import org.preemptlab.app.gui.run.RunRecord;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobState;

/** The difference Gantt of three hand-made runs of four jobs. */
class DifferenceGanttViewModelTest {

    static RunRecord run(String title, long... startEnd) {
        List<JobFacts> jobs = new java.util.ArrayList<>();
        for (int i = 0; i < startEnd.length / 2; i++) {
            jobs.add(new JobFacts(i, "j" + i, "normal", "", 1, 1, 0, 0, 3600, 3600, true, true, JobState.COMPLETED, startEnd[2 * i],
                    startEnd[2 * i + 1], Math.max(0, startEnd[2 * i]), 0, 0, 0, 0, 0));
        }
        return new RunRecord(title, title, new NodeCluster(List.of(NodePool.simple("p", 2, 1, 0))), jobs, List.of(), List.of(), 0,
                20_000, null, null);
    }

    static DifferenceGanttViewModel vm() {
        return new DifferenceGanttViewModel(List.of("FCFS", "EASY", "other"), List.of(
                run("FCFS", 0, 3600, 3600, 7200, 7200, 10_800, -1, -1),
                run("EASY", 0, 3600, 600, 4200, 9000, 12_600, 100, 200),
                run("other", 0, 3600, 3600, 7200, 7200, 10_800, 0, 10)));
    }

    @Test
    void whichJobsMovedAndByHowMuch() {
        DifferenceGanttViewModel vm = vm();
        assertThat(vm.title()).isEqualTo("Difference Gantt: EASY against FCFS");
        assertThat(vm.summary()).isEqualTo("1 job start earlier in B, 1 later, 1 as in A; mean move -6 min 40 s; largest: j1 -50 min;"
                + " 1 job did not start in both runs");
        assertThat(vm.largestMoves()).extracting(DifferenceGanttViewModel.MoveRow::job, DifferenceGanttViewModel.MoveRow::move)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("j1", "-50 min"), org.assertj.core.groups.Tuple.tuple("j2", "+30 min"));
        assertThat(vm.largestMoves().get(0).startA()).isEqualTo("1 h 00 min");
        assertThat(vm.rows()).extracting(s -> s.name()).containsExactly("j0", "j1", "j2");
        vm.orderProperty().set(DifferenceGanttViewModel.Order.SIZE);
        assertThat(vm.rows()).extracting(s -> s.name()).containsExactly("j1", "j2", "j0");
        vm.orderProperty().set(DifferenceGanttViewModel.Order.SHIFT);
        assertThat(vm.csv().lines().toList()).containsExactly("job,submit_s,start_a_s,start_b_s,shift_s,end_a_s,end_b_s",
                "j1,0,3600,600,-3000,7200,4200", "j0,0,0,0,0,3600,3600", "j2,0,7200,9000,1800,10800,12600");
    }

    @Test
    void runsArePicked() {
        DifferenceGanttViewModel vm = vm();
        vm.bProperty().set(2);
        assertThat(vm.summary()).startsWith("0 jobs start earlier in B, 0 later, 3 as in A; mean move 0 s;");
        assertThat(vm.largestMoves()).isEmpty();
        vm.aProperty().set(1);
        assertThat(vm.title()).isEqualTo("Difference Gantt: other against EASY");
        assertThat(vm.comparison().notStartedInBoth()).isZero();
        assertThat(vm.timeUnit()).isEqualTo(ChartTimeUnit.HOURS);
        assertThatThrownBy(() -> new DifferenceGanttViewModel(List.of("a"), List.of(run("a", 0, 1)))).hasMessageContaining("two runs");
    }

    @Test
    void preparedComparisonsAreCachedPerPairAndOrder() {
        DifferenceGanttViewModel vm = vm();
        vm.prepare(0, 1, DifferenceGanttViewModel.Order.SIZE, org.preemptlab.app.gui.background.ProgressSink.NONE);
        var c = vm.comparison();
        assertThat(vm.comparison()).as("the same pair: computed once").isSameAs(c);
        vm.orderProperty().set(DifferenceGanttViewModel.Order.SIZE);
        assertThat(vm.rows()).extracting(s -> s.name()).containsExactly("j1", "j2", "j0");
        vm.bProperty().set(2);
        assertThat(vm.comparison()).isNotSameAs(c);
        vm.bProperty().set(1);
        assertThat(vm.comparison()).as("back to the first pair: from the cache").isSameAs(c);
        assertThat(vm.sameRuns(List.of())).isFalse();
    }
}
