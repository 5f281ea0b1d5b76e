package org.preemptlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctReader;
import org.preemptlab.history.SlurmctldLog;
import org.preemptlab.slurmconf.SlurmSite;

/**
 * The full workload run on the sandbox with slurmctld's log (2026-12-06 17:17 UTC, Slurm 22.05.8; the log cut to the
 * lines {@link SlurmctldLog} reads): every job's start is in the log, by the main scheduler or by backfill, and the
 * replay runs its passes at the log's instants.
 */
class RecordedPassesReplayTest {

    private static Path fixture(String run, String file) throws Exception {
        return Path.of(RecordedPassesReplayTest.class.getResource("/org/preemptlab/history/slurm-local/" + run + "/" + file).toURI());
    }

    @Test
    void everyStartOfTheRunIsInTheLogAndTheReplayUsesItsPasses() throws Exception {
        SlurmctldLog log = SlurmctldLog.read(fixture("full-log-run1", "slurmctld-passes.txt"));
        assertEquals(95, log.fullPasses().size());
        assertEquals(172, log.eventPasses().size());
        assertEquals(181, log.backfillCycles().size());
        assertEquals(65, log.startedBy().values().stream().filter("main"::equals).count());
        assertEquals(75, log.startedBy().values().stream().filter("backfill"::equals).count());
        SacctHistory h = SacctReader.read(fixture("full-log-run1", "sacct.txt"));
        assertEquals(140, h.replayed().size());
        SlurmSite site = SlurmSite.read(new SlurmSite.Files(fixture("full-log-run1", "slurm.conf"), fixture("full-log-run1", "gres.conf"),
                fixture("full-log-run1", "sacctmgr-dump.txt"), fixture("full-log-run1", "sacctmgr-qos.txt")));
        HistoryReplay.Result r = SiteReplay.run(site, h, log, null, SiteReplay.Priority.MULTIFACTOR);
        assertEquals(140, r.comparison().jobs());
        assertTrue(r.warnings().contains("passes at the instants of slurmctld's log: 95 full, 172 after an event, 181 backfill cycles"),
                String.join("\n", r.warnings()));
        // the priority plugin started 4 s before the first submit: the calc ticks at -4 + k·60
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("(-4 s from the first submit)")), String.join("\n", r.warnings()));
        // as measured by proof.sh (docs/slurm-fidelity.md): within the range of the replays of this run
        assertTrue(r.comparison().startOrderKendallTau() > 0.7, "tau " + r.comparison().startOrderKendallTau());
    }
}
