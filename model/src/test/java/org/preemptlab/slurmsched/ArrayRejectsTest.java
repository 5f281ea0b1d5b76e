package org.preemptlab.slurmsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.SlurmRequest;

/**
 * Slurm 22.05's backfill rules for array tasks within a cycle ({@code reject_array_job}, {@code bf_max_job_array_resv}
 * in {@code _attempt_backfill}), hand-worked.
 */
class ArrayRejectsTest {

    private static JobSpec task(String array, int task) {
        SlurmRequest r = SlurmRequest.of("u", "a").toBuilder().arrayName(array).arrayTask(task).build();
        return new JobSpec(task, array + "_" + task, 0, 1, 1, 100, 60, 60, "normal", "a", List.of(), true, true, 0, 0, null, r);
    }

    private static JobSpec plain(int id) {
        return new JobSpec(id, "j" + id, 0, 1, 1, 100, 60, 60, "normal", "a", List.of(), true, true, 0, 0, null,
                SlurmRequest.of("u", "a"));
    }

    @Test
    void aTaskThatGetsNeitherAStartNorAPlanRejectsTheRestOfItsArrayInThatPartition() {
        ArrayRejects a = new ArrayRejects(20);
        assertThat(a.passOver(task("7", 0), "cpu")).isNull(); // tested; assumed rejected until it starts or is planned
        // (it got no plan: beyond the window, say)
        assertThat(a.passOver(task("7", 1), "cpu")).contains("array 7").contains("neither a start nor a planned start");
        assertThat(a.passOver(plain(3), "cpu")).isNull(); // not in an array
        assertThat(a.passOver(task("7", 2), "cpu")).isNotNull(); // still rejected: the plain job changed nothing
        assertThat(a.passOver(task("7", 2), "all")).isNull(); // another partition: tested (and now that one is assumed rejected)
        assertThat(a.passOver(task("8", 0), "cpu")).isNull(); // another array
    }

    @Test
    void aStartOrAPlanClearsTheRejection() {
        ArrayRejects a = new ArrayRejects(20);
        assertThat(a.passOver(task("7", 0), "cpu")).isNull();
        a.started();
        assertThat(a.passOver(task("7", 1), "cpu")).isNull();
        a.planned(task("7", 1));
        assertThat(a.passOver(task("7", 2), "cpu")).isNull();
    }

    @Test
    void atMostBfMaxJobArrayResvTasksOfAnArrayArePlannedInACycle() {
        ArrayRejects a = new ArrayRejects(2);
        for (int t = 0; t < 2; t++) {
            assertThat(a.passOver(task("7", t), "cpu")).isNull();
            a.planned(task("7", t));
        }
        assertThat(a.passOver(task("7", 2), "cpu")).contains("bf_max_job_array_resv").contains("2 tasks of array 7");
        assertThat(a.passOver(task("9", 0), "cpu")).isNull(); // another array counts afresh
        a.planned(task("9", 0));
        // 0 (as 1): the first task is planned, the next is not (Slurm tests the count after a plan)
        ArrayRejects none = new ArrayRejects(0);
        assertThat(none.passOver(task("7", 0), "cpu")).isNull();
        none.planned(task("7", 0));
        assertThat(none.passOver(task("7", 1), "cpu")).contains("bf_max_job_array_resv");
    }
}
