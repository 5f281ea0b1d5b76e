package org.preemptlab.replay;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pair recorded by session 13's fresh-clone CI rehearsal (`proof.sh ci` at 13:45–13:52 UTC on 7 December, slurmctld's debug
 * log, two busy loops and the build beside it; fixtures {@code ci-log-fresh-run1}, {@code ci-log-fresh-run2}). Slurm repeated
 * itself closely (floor τ 0.977, mean 1.5 s). Until session 14 the whole-node log replays were not Slurm's schedule here (run 1
 * mean 4.4 s, τ 0.918; run 2 1.5 s, τ 0.955): a GPU job counted every free CPU of a node in cons_tres's best fit, where
 * Slurm counts only the job's own (job 27 went to g3 instead of g2 at 13:45:00.444, and 23 started at once), and in run 1
 * two passes of 13:45:27.484 and 34.508 came before ends logged after them in the same millisecond. Now both log replays put
 * every job at Slurm's second (docs/slurm-fidelity.md, "GPU jobs' node choice and same-millisecond lines").
 */
class FreshPairReplayTest {

    @Test
    void theFreshPairsFloor() throws Exception {
        NoiseFloorTest.assertFloor("ci-log-fresh", 43, 1.0, 1.5349, 0.9772);
    }

    @Test
    void theLogReplaysAreSlurmsScheduleToTheSecond() throws Exception {
        for (String run : List.of("ci-log-fresh-run1", "ci-log-fresh-run2")) {
            PairReplays.assertLogReplayToTheSecond("ci-log-fresh-run1", run);
        }
    }
}
