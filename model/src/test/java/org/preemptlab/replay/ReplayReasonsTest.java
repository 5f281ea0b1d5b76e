package org.preemptlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.preemptlab.fidelity.StartComparison;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctReader;
import org.preemptlab.history.SlurmLocalFixturesTest;
import org.preemptlab.limits.PendingReason;
import org.preemptlab.slurmconf.SlurmSite;

/** The per-job pending reasons of a replay (the planner's worst-jobs list) on the real Slurm CI run. */
class ReplayReasonsTest {

    private static Path f(String file) throws Exception {
        return SlurmLocalFixturesTest.fixture("ci-run1", file);
    }

    @Test
    void explainingAReplayChangesNothingAndEveryWaitIsAccountedForByItsReasons() throws Exception {
        SlurmSite site = SlurmSite.read(new SlurmSite.Files(f("slurm.conf"), f("gres.conf"), f("sacctmgr-dump.txt"), f("sacctmgr-qos.txt")));
        SacctHistory h = SacctReader.read(f("sacct.txt"));
        HistoryReplay.Result plain = SiteReplay.run(site, h, 0, null, SiteReplay.Priority.MULTIFACTOR);
        AtomicLong lastDone = new AtomicLong(-1);
        SiteReplay.Explained ex = SiteReplay.explain(site, h, 0, null, SiteReplay.Priority.MULTIFACTOR, (done, total) -> {
            assertTrue(done >= lastDone.get() && done <= total, done + " of " + total);
            lastDone.set(done);
        });
        StartComparison a = plain.comparison(), b = ex.result().comparison();
        assertEquals(a.rows(), b.rows());
        assertEquals(a.startOrderKendallTau(), b.startOrderKendallTau());
        assertEquals(43, lastDone.get(), "the last progress report is every job");

        assertEquals(b.jobs(), ex.reasons().size());
        int waited = 0, byReason = 0;
        for (StartComparison.Row r : b.rows()) {
            ReplayReasons.Explanation e = ex.reasons().of(r.key());
            // from entering the queue (Eligible when after Submit, e.g. array tasks) to the predicted start
            assertTrue(e.waitSeconds() <= r.predictedWait() && e.waitSeconds() >= 0, r.key() + " " + e);
            assertEquals(e.waitSeconds(), e.stretches().stream().mapToLong(ReplayReasons.Stretch::seconds).sum(), r.key());
            for (int i = 1; i < e.stretches().size(); i++) {
                assertTrue(e.stretches().get(i - 1).seconds() >= e.stretches().get(i).seconds(), "largest first: " + e);
            }
            if (e.waitSeconds() > 0) {
                waited++;
                if (e.stretches().stream().anyMatch(s -> s.reason() != PendingReason.NONE)) byReason++;
                assertTrue(e.stretches().stream().anyMatch(s -> s.reason() == e.last()), "the last reason is among the stretches: " + e);
            } else {
                assertEquals(PendingReason.NONE, e.last());
            }
        }
        assertTrue(waited > 10, "jobs that waited in the replay: " + waited);
        assertEquals(waited, byReason, "every job that waited has a Slurm reason for some of its wait");
        assertEquals(0, ex.reasons().of("no-such-job").waitSeconds());
    }
}
