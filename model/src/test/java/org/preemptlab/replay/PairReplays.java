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
        SlurmSite site = site(siteRun, run);
        SlurmctldLog log = logLines == null ? null : SlurmctldLog.parse(logLines);
        return SiteReplay.replay(site, SacctReader.read(fixture(run, "sacct.txt")), 0, null, SiteReplay.Priority.MULTIFACTOR,
                ProgressListener.NONE, null, log, plans);
    }

    /** Run {@code run} replayed from sacct alone on {@code siteRun}'s site files, default plans, at {@code phase} (or PassPhase.AUTO). */
    static StartComparison fromSacct(String siteRun, String run, long phase) throws Exception {
        return fromSacct(siteRun, run, phase, SameSecond.AUTO);
    }

    /** The same with the same-second order {@code order} ({@link SameSecond#ENGINE}: as measured before session 17). */
    static StartComparison fromSacct(String siteRun, String run, long phase, SameSecond order) throws Exception {
        return SiteReplay.replay(site(siteRun, run), SacctReader.read(fixture(run, "sacct.txt")), phase, null,
                SiteReplay.Priority.MULTIFACTOR, ProgressListener.NONE, null, null, BackfillPlans.DEFAULT, false, order).comparison();
    }

    /** The passes' phases inferred from run {@code run}'s sacct ({@link PassPhase}), as "main/backfill" seconds; asserts they are evident. */
    static String inferredPhases(String siteRun, String run) throws Exception {
        PassPhase p = PassPhase.infer(SacctReader.read(fixture(run, "sacct.txt")),
                org.preemptlab.slurmsched.SlurmSchedulerConfig.of(site(siteRun, run).conf().schedulerParameters()));
        org.junit.jupiter.api.Assertions.assertTrue(p.evident(), run);
        return p.mainPhaseSeconds() + "/" + p.bfPhaseSeconds();
    }

    /** Issue 12's criteria against a pair's floor: share ≥, τ ≥, mean ≤ 1.5 ×. */
    static boolean meets(StartComparison c, double share, double mean, double tau) {
        return c.withinToleranceShare() >= share && c.startOrderKendallTau() >= tau && c.meanAbsStartErrorSeconds() <= 1.5 * mean;
    }

    private static SlurmSite site(String siteRun, String run) throws Exception {
        return SlurmSite.read(new SlurmSite.Files(fixture(siteRun, "slurm.conf"), fixture(siteRun, "gres.conf"),
                fixture(run, "sacctmgr-dump.txt"), fixture(run, "sacctmgr-qos.txt")));
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
