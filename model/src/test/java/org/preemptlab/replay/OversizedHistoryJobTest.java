package org.preemptlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctReader;
import org.preemptlab.history.SlurmLocalFixturesTest;
import org.preemptlab.slurmconf.SlurmSite;

/**
 * A history row asking for 2,147,483,647 nodes (NNodes and NCPUS at their largest): the replay's placement on the
 * empty cluster made an array of that many chosen nodes first (OutOfMemoryError, "Requested array size exceeds VM
 * limit", with a stack trace). Now the job fits nowhere and is left out, counted in the warning, as any job too big
 * for its partitions.
 */
class OversizedHistoryJobTest {

    @Test
    void aJobOfMoreNodesThanAnyGroupHasIsLeftOutWithoutAllocatingForThem() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(SlurmLocalFixturesTest.fixture("ci-run1", "sacct.txt")));
        List<String> header = Arrays.asList(lines.get(0).split("\\|", -1));
        String[] row = lines.get(1).split("\\|", -1);
        row[header.indexOf("NNodes")] = "2147483647";
        row[header.indexOf("NCPUS")] = "2147483647";
        lines.set(1, String.join("|", row));
        SacctHistory h = SacctReader.read(String.join("\n", lines) + "\n", "sacct.txt");
        SlurmSite site = SlurmSite.read(new SlurmSite.Files(SlurmLocalFixturesTest.fixture("ci-run1", "slurm.conf"),
                SlurmLocalFixturesTest.fixture("ci-run1", "gres.conf"), SlurmLocalFixturesTest.fixture("ci-run1", "sacctmgr-dump.txt"),
                SlurmLocalFixturesTest.fixture("ci-run1", "sacctmgr-qos.txt")));
        HistoryReplay.Result r = SiteReplay.run(site, h, 0, null, SiteReplay.Priority.MULTIFACTOR);
        assertEquals(42, r.replayed());
        assertTrue(r.warnings().contains("1 jobs fit in none of their partitions' nodes on an empty cluster: left out"),
                r.warnings().toString());
    }
}
