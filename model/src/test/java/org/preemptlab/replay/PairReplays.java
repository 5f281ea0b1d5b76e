package org.preemptlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.preemptlab.history.SlurmLocalFixturesTest.fixture;

import java.nio.file.Files;
import java.util.List;
import org.preemptlab.fidelity.StartComparison;
import org.preemptlab.history.SacctReader;
import org.preemptlab.history.SlurmctldLog;
import org.preemptlab.slurmconf.SlurmSite;
import org.preemptlab.sim.ProgressListener;
import org.preemptlab.slurmsched.BackfillPlans;

/** Replays of a recorded pair's fixtures (run 2 shares run 1's slurm.conf and gres.conf), for the pair tests. */
final class PairReplays {

    private PairReplays() {}

    /** Run {@code run} replayed on {@code siteRun}'s site files, with its slurmctld log or without, with the given plans. */
    static HistoryReplay.Result replay(String siteRun, String run, boolean withLog, BackfillPlans plans) throws Exception {
        return replay(siteRun, run, withLog ? Files.readAllLines(fixture(run, "slurmctld-log.txt")) : null, plans);
    }

    /** The same with the given log lines ({@code null}: no log). */
    static HistoryReplay.Result replay(String siteRun, String run, List<String> logLines, BackfillPlans plans) throws Exception {
        SlurmSite site = SlurmSite.read(new SlurmSite.Files(fixture(siteRun, "slurm.conf"), fixture(siteRun, "gres.conf"),
                fixture(run, "sacctmgr-dump.txt"), fixture(run, "sacctmgr-qos.txt")));
        SlurmctldLog log = logLines == null ? null : SlurmctldLog.parse(logLines);
        return SiteReplay.replay(site, SacctReader.read(fixture(run, "sacct.txt")), 0, null, SiteReplay.Priority.MULTIFACTOR,
                ProgressListener.NONE, null, log, plans);
    }

    /** Run {@code run}'s log replay (default plans) on {@code siteRun}'s site: its 43 jobs each at Slurm's second. */
    static void assertLogReplayToTheSecond(String siteRun, String run) throws Exception {
        StartComparison c = replay(siteRun, run, true, BackfillPlans.DEFAULT).comparison();
        assertEquals(43, c.jobs(), run);
        assertEquals(1.0, c.withinToleranceShare(), 1e-9, run);
        assertEquals(0.0, c.meanAbsStartErrorSeconds(), run);
        assertEquals(0.0, c.medianAbsStartErrorSeconds(), run);
        assertEquals(1.0, c.startOrderKendallTau(), 1e-9, run);
    }
}
