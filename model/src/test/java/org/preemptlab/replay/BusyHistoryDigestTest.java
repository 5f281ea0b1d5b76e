package org.preemptlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.history.SacctReader;
import org.preemptlab.history.SyntheticHistory;
import org.preemptlab.slurmconf.SlurmSite;

/**
 * Slurm's loop on a busy synthetic site (300 jobs at 1.3 × the capacity of 4 CPU + 2 GPU nodes:
 * predicted waits of two hours, hundreds of backfill cycles over the fast profile)
 * predicts exactly the starts it predicted before the replay was made faster: the digests are of
 * the per-job CSV ({@code replay --out-csv}) written by the build before that work (issue 12's replay
 * speed), for both priority modes.
 */
class BusyHistoryDigestTest {

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theBusyHistorysPredictedStartsAreUnchanged(@TempDir Path dir) throws Exception {
        // batch_sched_delay=0: the main pass at every submit and end, as before the delay was modelled. The digests of the
        // build that chose nodes as Slurm's cons_tres does (alloc.ConsTresSelect: best fit across node groups, issue 12
        // fidelity): a different node choice gives different starts; before it (first fit in one node group) they were
        // 85017250… and de8c207b… (the build before the speed work), and with the delay a3c38fdd… and 45ef2dfa…
        Path conf = dir.resolve("slurm.conf");
        String text = SyntheticHistory.slurmConf(4, 2);
        assertTrue(text.contains("SchedulerParameters="), text);
        Files.writeString(conf, text.replace("SchedulerParameters=", "SchedulerParameters=batch_sched_delay=0,"));
        var history = SacctReader.read(SyntheticHistory.sacct(300, 4, 2, 1.3, 5), "sacct.txt");
        assertDigests(conf, history, "05816b585a1cd290a016f5b3ee2d2cc55d526cc3cb300c700639a6b0313f5817",
                "a7790d071747240bef18b95d53b38daf3c03f575678bb51d1e3307716da7284e");
        // Slurm's default batch_sched_delay (3 s): a pass after a submit or an end waits until 3 s after the last one;
        // the digests of the build with Slurm's node choice (the multifactor CSV is the same as with delay 0 on this queue;
        // not looked into further)
        Files.writeString(conf, text);
        assertDigests(conf, history, "05816b585a1cd290a016f5b3ee2d2cc55d526cc3cb300c700639a6b0313f5817", "1a0947dc22c6797892d7d2f239b7fabef80e250b3f6fa8a8b120f99608b32a8a");
    }

    private static void assertDigests(Path conf, org.preemptlab.history.SacctHistory history, String multifactor, String sacct)
            throws Exception {
        HistoryReplay.Result mf = SiteReplay.run(SlurmSite.read(new SlurmSite.Files(conf, null, null, null)), history, 0, null,
                SiteReplay.Priority.MULTIFACTOR);
        assertEquals(300, mf.comparison().jobs());
        assertTrue(mf.comparison().meanWaitPredictedSeconds() > 3600, "busy: " + mf.comparison().meanWaitPredictedSeconds());
        assertEquals(multifactor, sha256(mf.comparison().toCsv()));
        HistoryReplay.Result sa = SiteReplay.run(SlurmSite.read(new SlurmSite.Files(conf, null, null, null)), history, 0, null,
                SiteReplay.Priority.SACCT);
        assertEquals(sacct, sha256(sa.comparison().toCsv()));
    }
}
