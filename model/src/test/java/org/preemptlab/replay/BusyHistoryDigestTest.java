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
        // batch_sched_delay=0: the main pass at every submit and end, as before the delay was modelled: the digests of
        // the build before the speed work, unchanged
        Path conf = dir.resolve("slurm.conf");
        String text = SyntheticHistory.slurmConf(4, 2);
        assertTrue(text.contains("SchedulerParameters="), text);
        Files.writeString(conf, text.replace("SchedulerParameters=", "SchedulerParameters=batch_sched_delay=0,"));
        var history = SacctReader.read(SyntheticHistory.sacct(300, 4, 2, 1.3, 5), "sacct.txt");
        assertDigests(conf, history, "85017250d4fab3580fbcce9508caae20e38198a460075d204ab07a0cd34b2677",
                "de8c207b1d9f343e2d8301de1ba3281f290ffd7b094ebd166db5b5d5ec8b3344");
        // Slurm's default batch_sched_delay (3 s): a pass after a submit or an end waits until 3 s after the last one;
        // the digests of the build that modelled it (issue 12, fidelity)
        Files.writeString(conf, text);
        assertDigests(conf, history, "a3c38fdd3d10d69ffa667ab2eb621a35b25291fe7becee5f23a1c1fbde5ec51f", "45ef2dfa7a77f48a0ccc56b281f18ddcd6bbd84ecfaabdba6b5f841042670ccb");
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
