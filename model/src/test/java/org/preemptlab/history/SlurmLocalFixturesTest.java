package org.preemptlab.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The sacct tables of the real Slurm runs (sample-clusters/slurm-local/run.sh, Slurm 22.05.8 with
 * slurmdbd, 2026-12-06): every row reads, and the states are those Slurm recorded.
 */
public class SlurmLocalFixturesTest {

    public static Path fixture(String run, String file) throws Exception {
        return Path.of(SlurmLocalFixturesTest.class.getResource("/org/preemptlab/history/slurm-local/" + run + "/" + file).toURI());
    }

    @Test
    void theFullRunsRead() throws Exception {
        for (String run : new String[] {"full-run1", "full-run2"}) {
            SacctHistory h = SacctReader.read(fixture(run, "sacct.txt"));
            assertEquals(140, h.jobs().size(), run);
            assertEquals(140, h.count(SacctRule.REPLAYED), run);
            Map<String, Integer> states = new TreeMap<>();
            h.jobs().forEach(j -> states.merge(j.state(), 1, Integer::sum));
            assertEquals(Map.of("COMPLETED", 136, "FAILED", 3, "TIMEOUT", 1), states, run);
            // 5 arrays of 4 tasks: 20 rows with a task suffix
            assertEquals(20, h.jobs().stream().filter(j -> j.id().arrayTask() >= 0).count(), run);
            assertTrue(h.jobs().stream().anyMatch(j -> j.allocTres().containsKey("gres/gpu")), run);
            assertTrue(h.jobs().stream().allMatch(j -> j.priority() > 0 && j.timelimit() > 0 && j.timelimit() <= 600), run);
        }
    }

    @Test
    void theCiRunsRead() throws Exception {
        for (String run : new String[] {"ci-run1", "ci-run2"}) {
            SacctHistory h = SacctReader.read(fixture(run, "sacct.txt"));
            assertEquals(43, h.count(SacctRule.REPLAYED), run);
        }
    }
}
